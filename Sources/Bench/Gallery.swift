import Foundation
import Plot

/// Example figures covering every mark and scale: `swift run bench gallery DIR` writes each as
/// PNG, SVG and PDF so they can be looked at side by side.
enum Gallery {
    /// Every gallery figure with its file name (no extension).
    static func figures() -> [(name: String, figure: Figure)] {
        [
            ("01-line-styles", lineStyles()),
            ("02-markers", markers()),
            ("03-bars", bars()),
            ("04-histogram-normal", histogramWithDensity()),
            ("05-band", band()),
            ("06-rules-sigmoid", rulesAndSigmoid()),
            ("07-confusion-matrix", confusionMatrix()),
            ("08-decision-regions", decisionRegions()),
            ("09-contour-descent-path", contourWithPath()),
            ("10-filled-contour", filledContour()),
            ("11-log-axis", logAxis()),
            ("12-digits", digits()),
            ("13-annotations", annotations()),
            ("14-subplots", subplots()),
            ("15-scale-2x", lineStyles().scaled(2)),
            ("16-diverging-nan", diverging()),
            ("17-learning-curve", learningCurve()),
            ("18-tree-diagram", treeDiagram()),
            ("19-grouped-bars-long-names", groupedBars()),
            ("20-legend-outside", legendOutside()),
            ("21-log-contour-grid", logContourGrid()),
        ]
    }

    /// Writes the gallery into `directory` as PNG, SVG and PDF, and prints one line per file.
    static func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, figure) in figures() {
            for format in OutputFormat.allCases {
                let url = directory.appendingPathComponent("\(name).\(format.rawValue)")
                try figure.write(to: url)
                print("gallery: wrote \(url.path)")
            }
        }
    }

    // MARK: - Data helpers

    /// A small deterministic generator (a linear congruential one) so the gallery never changes.
    struct Noise {
        var state: UInt64
        mutating func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        mutating func normal() -> Double {
            let u = max(uniform(), 1e-12), v = uniform()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
    }

    // MARK: - Figures

    static func lineStyles() -> Figure {
        let xs = Sampling.linspace(0, 4 * Double.pi, count: 200)
        return Figure(panel: Panel(
            title: "Three line styles", xLabel: "angle θ (rad)", yLabel: "amplitude",
            marks: [
                .line(x: xs, y: xs.map { sin($0) }, label: "sin θ"),
                .line(x: xs, y: xs.map { cos($0) * 0.8 }, style: .dashed, label: "0.8 cos θ"),
                .line(x: xs, y: xs.map { sin($0) * exp(-$0 / 6) }, style: .dotted, label: "sin θ · exp(−θ/6)"),
            ]))
    }

    static func markers() -> Figure {
        var marks: [Mark] = []
        for (row, marker) in Marker.allCases.enumerated() {
            let xs = (0..<6).map(Double.init)
            marks.append(.points(x: xs, y: xs.map { _ in Double(row) }, marker: marker, filled: true,
                                 label: "\(marker) filled"))
            marks.append(.points(x: xs.map { $0 + 6.5 }, y: xs.map { _ in Double(row) }, marker: marker,
                                 filled: false, color: Palette.color(row), label: nil))
        }
        return Figure(panel: Panel(title: "Markers: filled (left) and hollow (right)", xLabel: "x", yLabel: "marker",
                                   yLimits: -0.8...4.8, legend: .hidden, marks: marks))
    }

    static func bars() -> Figure {
        let names = ["size", "bedrooms", "floors", "age", "intercept"]
        let values = [110.6, -21.3, -32.6, -37.8, 363.2]
        return Figure(panel: Panel(
            title: "Coefficients of a linear model", xLabel: "feature", yLabel: "weight (k$ per σ)",
            xTicks: names.enumerated().map { AxisTick(Double($0.offset), $0.element) },
            marks: [
                .bars(x: (0..<5).map(Double.init), heights: values, label: "gradient descent"),
                .horizontalRule(y: 0, style: .solid, width: 1),
            ]))
    }

    static func histogramWithDensity() -> Figure {
        var noise = Noise(state: 42)
        let values = (0..<500).map { _ in 1400 + 420 * noise.normal() }
        let mean = values.reduce(0, +) / Double(values.count)
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
        return Figure(panel: Panel(
            title: "House sizes with the fitted normal density", xLabel: "size (sqft)", yLabel: "density",
            marks: [
                .histogram(values, density: true, label: "500 houses"),
                .function({ Sampling.normalPDF($0, mean: mean, standardDeviation: sd) }, x: (mean - 4 * sd)...(mean + 4 * sd),
                          color: Palette.color(4), label: "N(μ, σ²)"),
                .verticalRule(x: mean, label: "mean"),
            ]))
    }

    static func band() -> Figure {
        var noise = Noise(state: 7)
        let xs = (0..<40).map { Double($0) / 4 }
        let ys = xs.map { 1.5 * $0 + 2 + 1.8 * noise.normal() }
        let grid = Sampling.linspace(0, 10, count: 50)
        return Figure(panel: Panel(
            title: "Fitted line with an uncertainty band", xLabel: "population (10 000s)", yLabel: "profit (10 000 $)",
            marks: [
                .band(x: grid, lower: grid.map { 1.5 * $0 + 2 - 2 - 0.08 * $0 }, upper: grid.map { 1.5 * $0 + 2 + 2 + 0.08 * $0 },
                      label: "± 2σ"),
                .points(x: xs, y: ys, marker: .cross, color: Palette.color(4), label: "training data"),
                .line(x: grid, y: grid.map { 1.5 * $0 + 2 }, color: Palette.color(0), label: "f(x) = 1.5 x + 2"),
            ]))
    }

    static func rulesAndSigmoid() -> Figure {
        Figure(panel: Panel(
            title: "The sigmoid and its threshold", xLabel: "z = w·x + b", yLabel: "g(z)",
            marks: [
                .function({ 1 / (1 + exp(-$0)) }, x: -8...8, label: "g(z) = 1 / (1 + e⁻ᶻ)"),
                .horizontalRule(y: 0.5, color: Palette.color(4), label: "threshold 0.5"),
                .verticalRule(x: 0, style: .dotted, label: "z = 0"),
            ]))
    }

    static func confusionMatrix() -> Figure {
        let counts: [[Double]] = [[48, 2, 0], [3, 41, 6], [0, 5, 45]]
        return Figure(width: 560, height: 480, panel: .matrix(
            counts, rowNames: ["setosa", "versicolor", "virginica"], columnNames: ["setosa", "versicolor", "virginica"],
            title: "Confusion matrix (iris, test set)", colormap: .viridis, colorBar: "count"))
    }

    static func decisionRegions() -> Figure {
        var noise = Noise(state: 3)
        let centers = [Point(-1.5, -1), Point(1.5, -0.5), Point(0, 1.8)]
        var classes: [[Point]] = [[], [], []]
        for k in 0..<3 {
            for _ in 0..<50 { classes[k].append(Point(centers[k].x + 0.8 * noise.normal(), centers[k].y + 0.8 * noise.normal())) }
        }
        let grid = Sampling.grid(x: -4...4, y: -4...4, nx: 300, ny: 300) { x, y in
            let distances = centers.map { ($0.x - x) * ($0.x - x) + ($0.y - y) * ($0.y - y) }
            return Double(distances.indices.min { distances[$0] < distances[$1] }!)
        }
        let markers: [Marker] = [.circle, .square, .triangle]
        var marks: [Mark] = [.regions(grid)]
        for k in 0..<3 {
            marks.append(.points(classes[k], marker: markers[k], color: Palette.color(k), label: "class \(k)"))
        }
        return Figure(width: 600, height: 520, panel: Panel(
            title: "Decision regions of a nearest-centroid classifier", xLabel: "x₁", yLabel: "x₂",
            equalAspect: true, marks: marks))
    }

    /// The cost J(w, b) of a straight-line fit to a small data set, and a gradient descent on it.
    static func costBowl() -> (grid: Grid2D, path: [Point]) {
        var noise = Noise(state: 5)
        let xs = (0..<30).map { Double($0) * 4 / 29 }
        let ys = xs.map { 2 * $0 - 3 + 0.8 * noise.normal() }
        let m = Double(xs.count)
        func cost(_ w: Double, _ b: Double) -> Double {
            zip(xs, ys).reduce(0) { $0 + (w * $1.0 + b - $1.1) * (w * $1.0 + b - $1.1) } / (2 * m)
        }
        let grid = Sampling.grid(x: -2...6, y: -9...6, nx: 200, ny: 200, cost)
        var w = -1.0, b = 4.5
        var path = [Point(w, b)]
        for _ in 0..<99 {
            let errors = zip(xs, ys).map { w * $0.0 + b - $0.1 }
            let dw = zip(errors, xs).reduce(0) { $0 + $1.0 * $1.1 } / m
            let db = errors.reduce(0, +) / m
            w -= 0.29 * dw
            b -= 0.29 * db
            path.append(Point(w, b))
        }
        return (grid, path)
    }

    static func contourWithPath() -> Figure {
        let (grid, path) = costBowl()
        let minimum = Point(grid.xs[grid.values.indices.min { grid.values[$0] < grid.values[$1] }! % grid.xs.count],
                            grid.ys[grid.values.indices.min { grid.values[$0] < grid.values[$1] }! / grid.xs.count])
        return Figure(panel: Panel(
            title: "Gradient descent on the cost J(w, b)", xLabel: "w", yLabel: "b",
            marks: [
                .contour(grid, levels: .logarithmic(14), colorBar: "J(w, b)"),
                .path(path, color: Palette.color(4), label: "descent path (α = 0.29)"),
                .points([path[0]], marker: .square, size: 11, color: Palette.color(4), label: "start"),
                .points([path[path.count - 1]], marker: .circle, size: 11, color: Palette.color(4), label: "after 100 steps"),
                .points([minimum], marker: .plus, size: 18, color: .black, label: "minimum"),
            ]))
    }

    static func filledContour() -> Figure {
        var noise = Noise(state: 9)
        var points: [[Point]] = [[], []]
        for _ in 0..<75 {
            points[0].append(Point(-1 + 0.9 * noise.normal(), -0.6 + 0.9 * noise.normal()))
            points[1].append(Point(1.1 + 0.9 * noise.normal(), 0.8 + 0.9 * noise.normal()))
        }
        let grid = Sampling.grid(x: -4...4, y: -3.5...3.5, nx: 300, ny: 300) { x, y in
            1 / (1 + exp(-(2.1 * x + 1.4 * y - 0.2)))
        }
        return Figure(width: 700, height: 520, panel: Panel(
            title: "Logistic regression: P(y = 1 | x)", xLabel: "x₁", yLabel: "x₂",
            marks: [
                .filledContour(grid, levels: .values([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]),
                               colormap: .diverging, opacity: 0.6, colorBar: "probability"),
                .contour(grid, levels: .values([0.5]), color: .black, width: 2, label: "boundary P = 0.5"),
                .points(points[0], marker: .circle, color: Palette.color(0), label: "y = 0"),
                .points(points[1], marker: .triangle, color: Palette.color(1), label: "y = 1"),
            ]))
    }

    static func logAxis() -> Figure {
        let iterations = (0..<1000).map(Double.init)
        func cost(_ rate: Double) -> [Double] { iterations.map { 2 + 4000 * exp(-rate * $0) } }
        return Figure(panel: Panel(
            title: "Cost per iteration on a log axis", xLabel: "iteration", yLabel: "cost J(w, b)", yScale: .log,
            marks: [
                .line(x: iterations, y: cost(0.003), label: "α = 0.001"),
                .line(x: iterations, y: cost(0.01), label: "α = 0.003"),
                .line(x: iterations, y: cost(0.05), label: "α = 0.01"),
            ]))
    }

    static func digitImages() -> [(pixels: [Double], label: Int)] {
        let path = "Sources/Models/Resources/datasets/digits.csv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            // A hand-drawn zero when the dataset is not at hand.
            let zero: [Double] = [0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0,
                                  0, 4, 12, 0, 0, 8, 8, 0, 0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0,
                                  0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0]
            return Array(repeating: (zero, 0), count: 10)
        }
        return text.split(separator: "\n").dropFirst().prefix(10).map { line in
            let values = line.split(separator: ",").compactMap { Double($0) }
            return (Array(values.prefix(64)), Int(values.last ?? 0))
        }
    }

    static func digits() -> Figure {
        let panels = digitImages().map { digit in
            Panel(title: "label \(digit.label)", equalAspect: true, showsAxes: false,
                  marks: [.image(digit.pixels, width: 8, height: 8, range: 0...16)])
        }
        return Figure(width: 800, height: 360, title: "The first ten handwritten digits (8 × 8 pixels)",
                      rows: 2, columns: 5, panels: panels)
    }

    static func annotations() -> Figure {
        let xs = Sampling.linspace(-3, 3, count: 200)
        let costs = xs.map { w in (w - 1) * (w - 1) + 0.5 }
        return Figure(panel: Panel(
            title: "J(w) = (w − 1)² + 0.5 and its slope", xLabel: "w", yLabel: "J(w)",
            marks: [
                .line(x: xs, y: costs, label: "J(w)"),
                .line(x: [-2.2, 0.2], y: [9.3, -0.3], color: Palette.color(4), style: .dashed,
                      label: "tangent at w = −1"),
                .points([Point(-1, 4.5)], color: Palette.color(4)),
                .points([Point(1, 0.5)], marker: .plus, size: 14, color: Palette.color(3)),
                .text("minimum at w = 1", at: Point(1, 0.5), anchor: .above, offset: (0, 14)),
                .arrow(from: Point(-0.2, 8), to: Point(-0.95, 4.8)),
                .text("slope dJ/dw = −4", at: Point(-0.2, 8), anchor: .leading, offset: (4, 6)),
            ]))
    }

    static func subplots() -> Figure {
        var noise = Noise(state: 11)
        let names = ["size (sqft)", "bedrooms", "floors", "age (years)"]
        let samples: [[Double]] = [
            (0..<200).map { _ in 1400 + 400 * noise.normal() },
            (0..<200).map { _ in (3 + 0.8 * noise.normal()).rounded() },
            (0..<200).map { _ in (1.4 + 0.5 * noise.normal()).rounded() },
            (0..<200).map { _ in max(0, 40 + 22 * noise.normal()) },
        ]
        let panels = zip(names, samples).enumerated().map { index, pair in
            Panel(title: pair.0, xLabel: "value", yLabel: index % 2 == 0 ? "count" : nil,
                  marks: [.histogram(pair.1, color: Palette.color(index))])
        }
        return Figure(width: 900, height: 620, title: "Four features of the houses data", rows: 2, columns: 2,
                      panels: panels)
    }

    static func diverging() -> Figure {
        var cost: [Double] = []
        var value = 10.0
        for i in 0..<40 {
            cost.append(i == 25 ? .nan : value)
            value *= 1.9
        }
        cost += [.infinity, .nan]
        return Figure(panel: Panel(
            title: "A diverging cost (α too large): NaN and ∞ are skipped", xLabel: "iteration", yLabel: "cost",
            yScale: .log,
            marks: [.line(y: cost, label: "α = 0.8"), .points(x: [25], y: [.nan])]))
    }

    static func learningCurve() -> Figure {
        let degrees = (1...10).map(Double.init)
        let training = degrees.map { 30 / $0 + 2 }
        let validation = degrees.map { 30 / $0 + 2 + 0.35 * ($0 - 2) * ($0 - 2) }
        return Figure(panel: Panel(
            title: "Under- and over-fitting", xLabel: "polynomial degree", yLabel: "mean squared error",
            xTicks: degrees.map { AxisTick($0, String(Int($0))) },
            marks: [
                .line(x: degrees, y: training, marker: .circle, label: "training"),
                .line(x: degrees, y: validation, style: .dashed, marker: .square, label: "validation"),
                .verticalRule(x: 3, style: .dotted, label: "best degree"),
            ]))
    }

    static func treeDiagram() -> Figure {
        let box = Color(hex: 0xF2F2F2)
        let leafA = Palette.color(0).opacity(0.18), leafB = Palette.color(1).opacity(0.25)
        let nodes: [(String, Point, Color)] = [
            ("petal length ≤ 2.45 cm", Point(0, 3), box),
            ("setosa (50)", Point(-1.5, 2), leafA),
            ("petal width ≤ 1.75 cm", Point(1.5, 2), box),
            ("versicolor (49 / 54)", Point(0.5, 1), leafB),
            ("virginica (45 / 46)", Point(2.5, 1), leafB),
        ]
        var marks: [Mark] = []
        for (from, to, answer) in [(0, 1, "yes"), (0, 2, "no"), (2, 3, "yes"), (2, 4, "no")] {
            let a = nodes[from].1, b = nodes[to].1
            marks.append(.arrow(from: Point(a.x, a.y - 0.17), to: Point(b.x, b.y + 0.2)))
            marks.append(.text(answer, at: Point((a.x + b.x) / 2, (a.y + b.y) / 2), anchor: b.x < a.x ? .trailing : .leading,
                               offset: (b.x < a.x ? -6 : 6, 0), color: Color(hex: 0x555555)))
        }
        for (text, position, fill) in nodes { marks.append(.text(text, at: position, box: fill)) }
        return Figure(width: 800, height: 420, panel: Panel(
            title: "A decision tree for the iris data", xLimits: -2.6...3.6, yLimits: 0.6...3.4, grid: false,
            showsAxes: false, marks: marks))
    }

    static func groupedBars() -> Figure {
        let names = ["alcohol", "malic acid", "ash", "alcalinity of ash", "magnesium", "total phenols", "flavanoids",
                     "nonflavanoid phenols", "proanthocyanins", "colour intensity", "hue", "OD280/OD315", "proline"]
        let first: [Double] = [0.8, -0.3, 0.2, -0.6, 0.1, 0.3, 1.1, -0.2, 0.1, 0.9, -0.4, 0.7, 1.3]
        let second = first.map { $0 * 0.8 + 0.1 }
        let xs = names.indices.map(Double.init)
        return Figure(width: 900, height: 560, panel: Panel(
            title: "Standardised coefficients, two solvers", yLabel: "coefficient",
            xTicks: names.enumerated().map { AxisTick(Double($0.offset), $0.element) },
            marks: [
                .bars(x: xs.map { $0 - 0.2 }, heights: first, width: 0.4, label: "normal equation"),
                .bars(x: xs.map { $0 + 0.2 }, heights: second, width: 0.4, label: "gradient descent"),
                .horizontalRule(y: 0, style: .solid, width: 1),
            ]))
    }

    static func legendOutside() -> Figure {
        let iterations = (0..<200).map(Double.init)
        let rates = [0.001, 0.003, 0.01, 0.03, 0.1]
        let marks: [Mark] = rates.map { rate in
            .line(x: iterations, y: iterations.map { 0.5 + 40 * exp(-rate * 40 * $0 / 10) }, label: "α = \(rate)")
        }
        return Figure(width: 800, height: 450, panel: Panel(
            title: "Cost for five learning rates", xLabel: "iteration", yLabel: "cost", legend: .outsideRight,
            marks: marks))
    }

    static func logContourGrid() -> Figure {
        let grid = Sampling.grid(x: 0...1, y: 0.001...1, nx: 120, ny: 120) { x, y in
            (x - 0.6) * (x - 0.6) + 0.3 * (log10(y) + 1.5) * (log10(y) + 1.5)
        }
        let contour = Panel(title: "Validation loss over (weight, learning rate)", xLabel: "mixing weight",
                            yLabel: "learning rate α", yScale: .log, legend: .outsideRight,
                            marks: [.filledContour(grid, levels: .automatic(8), colorBar: "loss"),
                                    .points([Point(0.6, 0.0316)], marker: .plus, size: 16, color: Palette.color(4), label: "best")])
        let lines = Panel(title: "Training cost", xLabel: "iteration", yLabel: "cost", yScale: .log,
                          marks: [.line(y: (0..<300).map { 1e4 / Double($0 + 1) + 3 }, label: "α = 0.1"),
                                  .line(y: (0..<300).map { 1e3 / Double($0 + 1).squareRoot() + 3 }, style: .dashed,
                                        label: "α = 0.01")])
        return Figure(width: 1100, height: 440, title: "A filled contour on a log axis beside a log-scale cost",
                      rows: 1, columns: 2, panels: [contour, lines])
    }
}
