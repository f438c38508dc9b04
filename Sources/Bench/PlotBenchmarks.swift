import Foundation
import Plot

/// Plot benchmarks: median milliseconds per chart, from figure value to encoded bytes.
/// Target: every PNG chart at 1x under 6 ms on the 2-core reference machine.
func runPlotBenchmarks() {
    let lineChart = PlotBenchmarkFigures.lineChart()
    let decision = PlotBenchmarkFigures.decisionRegion()
    let contour = PlotBenchmarkFigures.contourWithPath()
    let histograms = PlotBenchmarkFigures.histogramGrid()
    let cases: [(String, Figure, OutputFormat)] = [
        ("plot: line chart 800x500, 3 x 1000 points + legend (PNG)", lineChart, .png),
        ("plot: decision region 300x300 grid, filled contour + 150 pts", decision, .png),
        ("plot: contour 200x200 grid, 30 levels + 100-point path", contour, .png),
        ("plot: 2x2 grid of histograms (PNG)", histograms, .png),
        ("plot: line chart as SVG", lineChart, .svg),
        ("plot: line chart as PDF", lineChart, .pdf),
    ]
    // PLOT_BENCH_ONLY=text keeps the cases whose name contains it (handy under a profiler).
    let only = ProcessInfo.processInfo.environment["PLOT_BENCH_ONLY"]
    // PLOT_BENCH_WRITE=dir also writes each case's output there (to check a speed-up changes no byte).
    let writeDirectory = ProcessInfo.processInfo.environment["PLOT_BENCH_WRITE"]
    // Contour marks trace their lines when made (once for PNG, SVG and PDF alike): time that too.
    if only.map({ "tracing".contains($0) }) ?? true {
        let grid = PlotBenchmarkFigures.costGrid()
        let seconds = medianSeconds(runs: 21, warmup: 2) { _ = Mark.contour(grid, levels: .logarithmic(30)) }
        report("plot: contour tracing (mark made), 200x200, 30 levels", seconds: seconds)
    }
    for (name, figure, format) in cases where only.map({ name.contains($0) }) ?? true {
        var bytes = 0
        var cpu: [Double] = []
        do {
            let seconds = try medianSeconds(runs: only == nil ? 21 : 201, warmup: 2) {
                let start = cpuSeconds()
                bytes = try figure.data(format: format).count
                cpu.append(cpuSeconds() - start)
            }
            cpu.sort()
            if let writeDirectory {
                let file = name.filter { $0.isLetter || $0.isNumber } + "." + "\(format)"
                try figure.data(format: format).write(to: URL(fileURLWithPath: writeDirectory).appendingPathComponent(file))
            }
            // The machine is shared: CPU time shows the work itself when the wall clock waits for a core.
            report(name, seconds: seconds, extra: "cpu \(formatted(cpu[cpu.count / 2] * 1000)) ms  \(bytes / 1024) KiB")
        } catch {
            print("\(name): failed: \(error)")
        }
    }
}

/// CPU time of this process in seconds.
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// The benchmark charts, built once outside the timed loop (building data is not drawing).
enum PlotBenchmarkFigures {
    static func lineChart() -> Figure {
        let xs = (0..<1000).map { Double($0) / 100 }
        return Figure(width: 800, height: 500, panel: Panel(
            title: "Three series", xLabel: "x", yLabel: "y",
            marks: [
                .line(x: xs, y: xs.map { sin($0) + 0.1 * sin(17 * $0) }, label: "sin"),
                .line(x: xs, y: xs.map { cos($0) * exp(-$0 / 8) }, style: .dashed, label: "damped cos"),
                .line(x: xs, y: xs.map { 0.15 * $0 - 0.7 }, style: .dotted, label: "trend"),
            ]))
    }

    static func decisionRegion() -> Figure {
        let grid = Sampling.grid(x: -3...3, y: -3...3, nx: 300, ny: 300) { x, y in 1 / (1 + exp(-(1.8 * x - 1.2 * y + 0.3 * x * y))) }
        var points: [[Point]] = [[], []]
        for i in 0..<150 {
            let t = Double(i) * 2.399963
            let r = 2.6 * (Double(i) / 150).squareRoot()
            let p = Point(r * cos(t), r * sin(t))
            points[1.8 * p.x - 1.2 * p.y + 0.3 * p.x * p.y > 0 ? 1 : 0].append(p)
        }
        return Figure(width: 600, height: 500, panel: Panel(
            title: "Decision region", xLabel: "x₁", yLabel: "x₂",
            marks: [
                .filledContour(grid, levels: .values([0.5]), colormap: .diverging, opacity: 0.35),
                .points(points[0], label: "class 0"),
                .points(points[1], marker: .triangle, label: "class 1"),
            ]))
    }

    static func contourWithPath() -> Figure {
        let grid = costGrid()
        let path = (0..<100).map { i -> Point in
            let t = Double(i) / 99
            return Point(2.8 * (1 - t) * cos(6 * t), 2.8 * (1 - t) * sin(6 * t))
        }
        return Figure(width: 800, height: 500, panel: Panel(
            title: "Cost contours", xLabel: "w", yLabel: "b",
            marks: [.contour(grid, levels: .logarithmic(30), colorBar: "J"), .path(path, label: "descent")]))
    }

    /// A tilted quadratic bowl sampled on a 200 x 200 grid.
    static func costGrid() -> Grid2D {
        Sampling.grid(x: -3...3, y: -3...3, nx: 200, ny: 200) { x, y in 1 + 3 * x * x + y * y + x * y }
    }

    static func histogramGrid() -> Figure {
        let panels = (0..<4).map { k -> Panel in
            let values = (0..<1000).map { i -> Double in
                // A deterministic bell-ish sample: the sum of three sawtooth waves.
                let a = Double((i * 37 + k * 11) % 101) / 101, b = Double((i * 53 + k) % 97) / 97, c = Double((i * 71) % 89) / 89
                return (a + b + c - 1.5) * Double(k + 1)
            }
            return Panel(title: "feature \(k + 1)", xLabel: "value", yLabel: "count", marks: [.histogram(values)])
        }
        return Figure(width: 800, height: 600, title: "Histograms", rows: 2, columns: 2, panels: panels)
    }
}
