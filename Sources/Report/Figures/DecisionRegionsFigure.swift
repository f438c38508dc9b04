import Models
import Plot

/// The decision regions of any classifier of two features, with its training points on top.
///
/// The classifier is a closure from a batch of points (an `m x 2` ``Matrix``, one row per grid
/// point) to a class code per point and, optionally, the probability of class 1 (for a binary
/// model). It is called once, on a grid of at most 300 x 300 points that covers the training data
/// with a margin. With probabilities the background is shaded from class 0's colour through white
/// (P = 0.5) to class 1's, with a colour bar and the boundary drawn where P = 0.5; without, each
/// region is painted in its class's colour and the borders between regions are outlined (smoothly
/// when the classifier also returns its per-class scores, along the grid cells otherwise).
///
///     let regions = try DecisionRegionsFigure(
///         x: score1, y: score2, labels: admitted, classNames: ["not admitted", "admitted"],
///         xLabel: "exam 1 score (points)", yLabel: "exam 2 score (points)")
///     let panel = try regions.panel { grid in
///         let p = try model.predictPositiveProbabilities(grid)
///         return .init(classes: p.map { $0 >= 0.5 ? 1 : 0 }, probabilities: p)
///     }
///
/// Training points use a colour-blind-safe colour and a distinct marker per class, and the legend
/// names the classes. Complexity: one classifier call on `resolution²` points.
struct DecisionRegionsFigure: Sendable {
    /// What the classifier says about a batch of points.
    struct Prediction: Sendable {
        /// The predicted class code of each point, in `0..<classNames.count`.
        var classes: [Int]
        /// P(class 1 | point) for each point, for a binary classifier's shading; nil paints flat regions.
        var probabilities: [Double]?
        /// Optional per-class scores (`m x K`: logits, probabilities, any score whose largest entry
        /// is the predicted class). With them the borders are traced where the top two scores tie,
        /// smooth lines instead of the grid's staircase.
        var scores: Matrix?

        init(classes: [Int], probabilities: [Double]? = nil, scores: Matrix? = nil) {
            self.classes = classes
            self.probabilities = probabilities
            self.scores = scores
        }
    }

    /// Maps an `m x 2` matrix of points (first column x, second y) to predictions.
    typealias Classifier = (_ points: Matrix) throws -> Prediction

    /// The training points: first feature, second feature and class code.
    let x: [Double]
    let y: [Double]
    let labels: [Int]
    /// One name per class code, shown in the legend.
    let classNames: [String]
    /// Axis labels, with units.
    let xLabel: String
    let yLabel: String
    /// The panel's title.
    var title: String?
    /// Grid points per axis (2...300).
    var resolution: Int
    /// The share of each axis's data range added on both sides of the data.
    var marginFraction: Double
    /// Explicit axis ranges for the grid (and the panel); nil covers the data with the margin.
    var xLimits: ClosedRange<Double>?
    var yLimits: ClosedRange<Double>?
    /// Outline the decision boundary (P = 0.5 with probabilities, region borders without).
    var showsBoundary: Bool
    /// One data unit as long on x as on y (features in the same units).
    var equalAspect: Bool
    /// The colour bar's title when the classifier gives probabilities.
    var probabilityLabel: String
    /// The legend entry of the boundary line.
    var boundaryLabel: String
    /// More marks (other boundaries, annotations), drawn over the regions and under the points.
    var overlays: [Mark]
    var legend: LegendPlacement
    /// Marker size of the training points in pixels (nil: the theme's).
    var markerSize: Double?

    /// Colours of the classes, in code order: the Okabe-Ito palette without black, which would
    /// paint a region grey and make its points hard to tell from the boundary.
    static let classColors: [Color] = Palette.categorical.filter { $0 != .black }
    /// Markers of the classes, in code order (cycled after five classes).
    static let classMarkers: [Marker] = [.circle, .triangle, .square, .cross, .plus]
    /// The largest grid resolution per axis.
    static let maximumResolution = 300

    /// Describes the figure; nothing is evaluated until ``panel(_:)``.
    ///
    /// - Throws: ``DecisionRegionsError`` when the points are empty, of different lengths or not
    ///   finite, a label has no class name, or the resolution or margin is out of range.
    init(x: [Double], y: [Double], labels: [Int], classNames: [String], xLabel: String, yLabel: String,
         title: String? = nil, resolution: Int = 200, marginFraction: Double = 0.08,
         xLimits: ClosedRange<Double>? = nil, yLimits: ClosedRange<Double>? = nil,
         showsBoundary: Bool = true, equalAspect: Bool = false, probabilityLabel: String = "P(class 1)",
         boundaryLabel: String = "decision boundary", overlays: [Mark] = [], legend: LegendPlacement = .auto,
         markerSize: Double? = nil) throws {
        guard !x.isEmpty else { throw DecisionRegionsError.noPoints }
        guard y.count == x.count, labels.count == x.count else {
            throw DecisionRegionsError.mismatchedLengths(x: x.count, y: y.count, labels: labels.count)
        }
        if let row = x.indices.first(where: { !x[$0].isFinite || !y[$0].isFinite }) {
            throw DecisionRegionsError.nonFinitePoint(row: row)
        }
        guard !classNames.isEmpty else { throw DecisionRegionsError.noClasses }
        if let row = labels.firstIndex(where: { $0 < 0 || $0 >= classNames.count }) {
            throw DecisionRegionsError.unknownClass(row: row, code: labels[row], classCount: classNames.count)
        }
        guard (2...Self.maximumResolution).contains(resolution) else {
            throw DecisionRegionsError.invalidResolution(resolution)
        }
        guard marginFraction.isFinite, marginFraction >= 0, marginFraction <= 1 else {
            throw DecisionRegionsError.invalidMargin(marginFraction)
        }
        for limits in [xLimits, yLimits].compactMap({ $0 }) {
            guard limits.lowerBound.isFinite, limits.upperBound.isFinite, limits.lowerBound < limits.upperBound else {
                throw DecisionRegionsError.invalidLimits(limits)
            }
        }
        self.x = x
        self.y = y
        self.labels = labels
        self.classNames = classNames
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.title = title
        self.resolution = resolution
        self.marginFraction = marginFraction
        self.xLimits = xLimits
        self.yLimits = yLimits
        self.showsBoundary = showsBoundary
        self.equalAspect = equalAspect
        self.probabilityLabel = probabilityLabel
        self.boundaryLabel = boundaryLabel
        self.overlays = overlays
        self.legend = legend
        self.markerSize = markerSize
    }

    /// The x range the grid covers: `xLimits`, or the data widened by the margin.
    var xRange: ClosedRange<Double> { xLimits ?? Self.widened(x, by: marginFraction) }
    /// The y range the grid covers: `yLimits`, or the data widened by the margin.
    var yRange: ClosedRange<Double> { yLimits ?? Self.widened(y, by: marginFraction) }

    /// The grid's points as an `m x 2` matrix, row `j * resolution + i` = (xs[i], ys[j]), the
    /// row-major order of ``Grid2D``.
    func gridPoints() -> (xs: [Double], ys: [Double], points: Matrix) {
        let xs = Sampling.linspace(xRange.lowerBound, xRange.upperBound, count: resolution)
        let ys = Sampling.linspace(yRange.lowerBound, yRange.upperBound, count: resolution)
        var storage = [Double](repeating: 0, count: 2 * xs.count * ys.count)
        var k = 0
        for yj in ys {
            for xi in xs {
                storage[k] = xi
                storage[k + 1] = yj
                k += 2
            }
        }
        return (xs, ys, Matrix(rows: xs.count * ys.count, columns: 2, storage: storage))
    }

    /// Evaluates the classifier on the grid and returns the class codes (and probabilities) as grids.
    ///
    /// - Throws: ``DecisionRegionsError`` if the classifier answers with the wrong number of
    ///   values, an unknown class or a probability outside 0...1; or whatever the classifier throws.
    func evaluate(_ classify: Classifier) throws -> (classes: Grid2D, probabilities: Grid2D?, borders: [Grid2D]) {
        let (xs, ys, points) = gridPoints()
        let prediction = try classify(points)
        guard prediction.classes.count == points.rows else {
            throw DecisionRegionsError.badPrediction("\(prediction.classes.count) classes for \(points.rows) grid points")
        }
        if let bad = prediction.classes.first(where: { $0 < 0 || $0 >= classNames.count }) {
            throw DecisionRegionsError.badPrediction("class code \(bad) but there are \(classNames.count) classes")
        }
        let classes = Grid2D(xs: xs, ys: ys, values: prediction.classes.map(Double.init))
        let borders = try borderGrids(prediction, classes: classes)
        guard let probabilities = prediction.probabilities else { return (classes, nil, borders) }
        guard probabilities.count == points.rows else {
            throw DecisionRegionsError.badPrediction("\(probabilities.count) probabilities for \(points.rows) grid points")
        }
        if let bad = probabilities.first(where: { !($0 >= 0 && $0 <= 1) }) {
            throw DecisionRegionsError.badPrediction("probability \(bad) is not in 0...1")
        }
        return (classes, Grid2D(xs: xs, ys: ys, values: probabilities), borders)
    }

    /// Grids whose 0.5 contours (indicators) or 0 contours (score margins) are the borders of
    /// classes 0...K-2; together they include every pair's border, so the last class needs none.
    private func borderGrids(_ prediction: Prediction, classes: Grid2D) throws -> [Grid2D] {
        let k = classNames.count
        guard k > 1 else { return [] }
        guard let scores = prediction.scores else {
            return (0..<(k - 1)).map { code in
                Grid2D(xs: classes.xs, ys: classes.ys, values: classes.values.map { $0 == Double(code) ? 1 : 0 })
            }
        }
        guard scores.rows == classes.values.count, scores.columns == k else {
            throw DecisionRegionsError.badPrediction(
                "scores are \(scores.rows) x \(scores.columns), not \(classes.values.count) x \(k)")
        }
        return (0..<(k - 1)).map { code in
            // The margin of class `code` over its strongest rival, minus 0.5 so that every border
            // is at the same level as an indicator's.
            let margins = (0..<scores.rows).map { i -> Double in
                var rival = -Double.infinity
                for c in 0..<k where c != code { rival = max(rival, scores[i, c]) }
                return scores[i, code] - rival + 0.5
            }
            return Grid2D(xs: classes.xs, ys: classes.ys, values: margins)
        }
    }

    /// The panel: regions (or probability shading), boundary, overlays, then the training points.
    func panel(_ classify: Classifier) throws -> Panel {
        let (classes, probabilities, borders) = try evaluate(classify)
        var marks: [Mark] = []
        if let probabilities {
            marks.append(.heatmap(probabilities, colormap: shadingColormap, range: 0...1, colorBar: probabilityLabel))
            if showsBoundary {
                marks.append(.contour(probabilities, levels: .values([0.5]), color: .black, width: 2,
                                      label: boundaryLabel))
            }
        } else {
            marks.append(.regions(classes, colors: Self.classColors, opacity: 0.22))
            if showsBoundary {
                for (k, border) in borders.enumerated() {
                    marks.append(.contour(border, levels: .values([0.5]), color: .black, width: 1.5,
                                          label: k == 0 ? boundaryLabel : nil))
                }
            }
        }
        marks += overlays
        marks += pointMarks()
        return Panel(title: title, xLabel: xLabel, yLabel: yLabel, xLimits: xRange, yLimits: yRange,
                     equalAspect: equalAspect, grid: false, legend: legend, marks: marks)
    }

    /// A one-panel figure of ``panel(_:)``.
    func figure(width: Double = 720, height: Double = 520, _ classify: Classifier) throws -> Figure {
        Figure(width: width, height: height, panel: try panel(classify))
    }

    /// The training points, one labelled mark per class present.
    func pointMarks() -> [Mark] {
        classNames.indices.compactMap { k -> Mark? in
            let rows = labels.indices.filter { labels[$0] == k }
            guard !rows.isEmpty else { return nil }
            return .points(x: rows.map { x[$0] }, y: rows.map { y[$0] },
                           marker: Self.classMarkers[k % Self.classMarkers.count], size: markerSize,
                           color: Self.color(ofClass: k), label: classNames[k])
        }
    }

    /// The colour of class `code`.
    static func color(ofClass code: Int) -> Color {
        classColors[code % classColors.count]
    }

    /// Pale class 0 colour at P = 0, white at 0.5, pale class 1 colour at P = 1, so the shading
    /// agrees with the points' colours and leaves them readable.
    var shadingColormap: Colormap {
        let pale = { (color: Color) in Color(red: 1 - 0.38 * (1 - color.red), green: 1 - 0.38 * (1 - color.green),
                                            blue: 1 - 0.38 * (1 - color.blue)) }
        return Colormap(name: "class-probability",
                        anchors: [pale(Self.color(ofClass: 0)), .white, pale(Self.color(ofClass: 1))])
    }

    /// min...max of `values` widened by `fraction` of the span on each side (by 0.5 for a constant).
    static func widened(_ values: [Double], by fraction: Double) -> ClosedRange<Double> {
        let low = values.min() ?? 0, high = values.max() ?? 1
        let pad = high > low ? (high - low) * fraction : 0.5
        return (low - pad)...(high + pad)
    }
}

/// Why a decision-regions figure could not be made.
enum DecisionRegionsError: Error, Equatable, CustomStringConvertible {
    case noPoints
    case mismatchedLengths(x: Int, y: Int, labels: Int)
    case nonFinitePoint(row: Int)
    case noClasses
    case unknownClass(row: Int, code: Int, classCount: Int)
    case invalidResolution(Int)
    case invalidMargin(Double)
    case invalidLimits(ClosedRange<Double>)
    /// The classifier's answer does not fit the grid.
    case badPrediction(String)

    var description: String {
        switch self {
        case .noPoints: "decision regions need at least one training point"
        case .mismatchedLengths(let x, let y, let labels):
            "decision regions need as many x values, y values and labels; got \(x), \(y) and \(labels)"
        case .nonFinitePoint(let row): "training point \(row) has a NaN or infinite coordinate"
        case .noClasses: "decision regions need at least one class name"
        case .unknownClass(let row, let code, let count):
            "training point \(row) has class code \(code), but only codes 0...\(count - 1) have names"
        case .invalidResolution(let value):
            "grid resolution \(value) must be 2...\(DecisionRegionsFigure.maximumResolution) points per axis"
        case .invalidMargin(let value): "margin \(value) must be a fraction in 0...1 of the data range"
        case .invalidLimits(let limits): "axis limits \(limits) must be finite and increasing"
        case .badPrediction(let reason): "the classifier's answer on the grid is unusable: \(reason)"
        }
    }
}
