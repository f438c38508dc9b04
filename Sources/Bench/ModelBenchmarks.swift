import Models

/// Model benchmarks (issue: Models). Filled in by the Models work.
func runModelBenchmarks() {
    print("models: no benchmarks yet")
}
