import Foundation
import Plot

/// A contour plot of a cost J over two parameters with one or more gradient-descent paths on it:
/// the picture of "walking downhill on a bowl".
///
/// The cost is evaluated once, on a grid over the two parameter ranges, when the value is made.
/// The contour levels are log-spaced *above the grid's lowest cost* (``bowlLevels(_:count:)``), so
/// both the steep walls and the flat floor of a bowl get lines even when the minimum cost is far
/// from zero. Each path is drawn with arrows and dots, its start (hollow square) and end (filled
/// circle) marked, and the true minimum (a plus) when it is known.
///
///     let contour = CostContourFigure(
///         xLabel: "w (k$ per 1000 sqft)", yLabel: "b (k$)", x: 0...400, y: -200...400,
///         paths: [.init(label: "α = 0.1", points: history.path.map { Point($0.weights[0], $0.bias) })],
///         minimum: Point(200, 100)
///     ) { w, b in 0.5 * ((w + b - 300) * (w + b - 300) + (2 * w + b - 500) * (2 * w + b - 500)) / 2 }
///     let figure = contour.figure(width: 760, height: 520)
///
/// The panel's limits are the two ranges, so a path that leaves them (a diverging run) is clipped
/// at the frame; choose ranges that hold the part of the path worth seeing.
/// Complexity: `resolution²` evaluations of the cost when made.
struct CostContourFigure: Sendable {
    /// One run of gradient descent as a sequence of parameter pairs (x, y), in step order.
    struct DescentPath: Sendable {
        /// The legend entry, e.g. "α = 0.01".
        var label: String
        /// The parameters after each recorded step, first the start.
        var points: [Point]
        /// nil takes the next of ``CostContourFigure/pathColors``.
        var color: Color?
        /// Write the step number (its index in `points`) beside the first this-many steps after
        /// the start, so a path that doubles back on itself (zig-zag, overshooting) shows its order.
        var numberedSteps: Int

        init(label: String, points: [Point], color: Color? = nil, numberedSteps: Int = 0) {
            self.label = label
            self.points = points
            self.color = color
            self.numberedSteps = numberedSteps
        }
    }

    /// Path colours that stand out on viridis contour lines: vermillion, black, reddish purple, blue.
    static let pathColors = [Palette.color(4), Palette.color(2), Palette.color(6), Palette.color(0)]

    /// The cost sampled over the two ranges (`values[j * nx + i] = J(xs[i], ys[j])`).
    let grid: Grid2D
    var xLabel: String
    var yLabel: String
    var xRange: ClosedRange<Double>
    var yRange: ClosedRange<Double>
    var paths: [DescentPath]
    /// The true minimum of the cost (from a closed-form solve), marked with a plus; nil marks none.
    var minimum: Point?
    var title: String?
    /// How many log-spaced contour levels to draw.
    var levelCount: Int
    /// Explicit levels instead of ``bowlLevels(_:count:)`` (nil: bowl levels).
    var levels: ContourLevels?
    /// The colour bar's title (e.g. "J(w, b)"); nil shows no colour bar.
    var colorBarLabel: String?
    /// One data unit as long on x as on y: for parameters in the same units (scaled weights).
    var equalAspect: Bool
    /// Dots closer than this fraction of the panel (in range-normalised distance) to the previous
    /// dot are skipped, so thousands of tiny final steps do not pile up into a blob.
    var minimumDotSpacing: Double

    /// Evaluates `cost` on a `resolution` x `resolution` grid spanning `x` and `y`.
    ///
    /// - Parameters:
    ///   - resolution: grid points per axis (clamped to 2...300; 150 is smooth for a bowl).
    ///   - cost: J at (x, y); NaN or infinite values are left out of the contours.
    init(xLabel: String, yLabel: String, x: ClosedRange<Double>, y: ClosedRange<Double>,
         paths: [DescentPath], minimum: Point? = nil, title: String? = nil, levelCount: Int = 14,
         levels: ContourLevels? = nil,
         colorBarLabel: String? = nil, equalAspect: Bool = false, resolution: Int = 150,
         minimumDotSpacing: Double = 0.015, cost: (Double, Double) -> Double) {
        let n = min(max(resolution, 2), 300)
        self.grid = Sampling.grid(x: x, y: y, nx: n, ny: n, cost)
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xRange = x
        self.yRange = y
        self.paths = paths
        self.minimum = minimum
        self.title = title
        self.levelCount = levelCount
        self.levels = levels
        self.colorBarLabel = colorBarLabel
        self.equalAspect = equalAspect
        self.minimumDotSpacing = minimumDotSpacing
    }

    /// The contour panel with its paths and markers, ready to sit in a figure grid.
    var panel: Panel {
        let contourLevels = levels ?? .values(Self.bowlLevels(grid, count: levelCount))
        var marks: [Mark] = [.contour(grid, levels: contourLevels, width: 1.1, colorBar: colorBarLabel)]
        let several = paths.count > 1
        for (index, path) in paths.enumerated() {
            let color = path.color ?? Self.pathColors[index % Self.pathColors.count]
            let points = path.points.filter(\.isFinite)
            guard let first = points.first, let last = points.last else { continue }
            marks.append(.path(thinned(points), color: color, width: 1.8, label: path.label))
            // One path: its own start and end in the legend. Several: the path colours say which
            // run is which, and neutral legend entries below explain the two marker shapes.
            marks.append(.points([first], marker: .square, filled: false, size: 12, color: color,
                                 label: several ? nil : "start"))
            marks.append(.points([last], marker: .circle, size: 11, color: color,
                                 label: several ? nil : "end (step \(path.points.count - 1))"))
            for (step, point) in path.points.enumerated().dropFirst().prefix(path.numberedSteps) where point.isFinite {
                marks.append(.text("\(step)", at: point, anchor: .leading, offset: (7, -12), color: color,
                                   size: 13, bold: true))
            }
        }
        if several {
            marks.append(.points([], marker: .square, filled: false, size: 12, color: .black, label: "start"))
            marks.append(.points([], marker: .circle, size: 11, color: .black, label: "end"))
        }
        if let minimum {
            marks.append(.points([minimum], marker: .plus, size: 18, color: .black, label: "minimum"))
        }
        return Panel(title: title, xLabel: xLabel, yLabel: yLabel, xLimits: xRange, yLimits: yRange,
                     equalAspect: equalAspect, grid: false, legend: .auto, marks: marks)
    }

    /// The panel alone in a figure of the given size (pixels at 1x).
    func figure(width: Double = 760, height: Double = 520) -> Figure {
        Figure(width: width, height: height, panel: panel)
    }

    /// `points` without those closer than ``minimumDotSpacing`` (measured with both axes scaled
    /// to 0...1) to the last one kept; the first and last points are always kept.
    func thinned(_ points: [Point]) -> [Point] {
        guard points.count > 2, minimumDotSpacing > 0 else { return points }
        let width = max(xRange.upperBound - xRange.lowerBound, .leastNormalMagnitude)
        let height = max(yRange.upperBound - yRange.lowerBound, .leastNormalMagnitude)
        var kept = [points[0]]
        for point in points.dropFirst().dropLast() {
            let previous = kept[kept.count - 1]
            let dx = (point.x - previous.x) / width, dy = (point.y - previous.y) / height
            if (dx * dx + dy * dy).squareRoot() >= minimumDotSpacing { kept.append(point) }
        }
        kept.append(points[points.count - 1])
        return kept
    }

    /// `count` levels J_min + (J_max - J_min) 10^e for exponents e evenly spaced from -3.5 to just
    /// below 0, where J_min and J_max are the grid's lowest and highest finite values: dense near
    /// the floor of the bowl, sparse on its walls. Each level is rounded to two significant digits
    /// of its height above J_min (the level itself is rounded to that
    /// decimal place), so colour-bar labels stay short.
    static func bowlLevels(_ grid: Grid2D, count: Int) -> [Double] {
        let finite = grid.values.filter(\.isFinite)
        guard count > 0, let low = finite.min(), let high = finite.max(), high > low else { return [] }
        let span = high - low
        var levels: [Double] = []
        for k in 0..<count {
            let exponent = -3.5 + 3.5 * Double(k) / Double(count)
            let height = span * pow(10, exponent)
            let unit = pow(10, (log10(height)).rounded(.down) - 1)
            let level = ((low + height) / unit).rounded() * unit
            let previous = levels.last ?? low
            if level > previous && high > level { levels.append(level) }
        }
        return levels
    }
}
