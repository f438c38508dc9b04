import Plot

/// Plot benchmarks (issue: Plot library). Filled in by the Plot work.
func runPlotBenchmarks() {
    print("plot: no benchmarks yet")
}
