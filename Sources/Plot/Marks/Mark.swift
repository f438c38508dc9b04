/// One layer of a panel: a line, points, bars, a heatmap, a contour, a note ...
///
/// Marks are values built with static functions, in the spirit of Swift Charts:
///
/// ```swift
/// Panel(title: "Fit", xLabel: "x", yLabel: "y", marks: [
///     .points(x: xs, y: ys, label: "data"),
///     .line(x: grid, y: fitted, style: .dashed, label: "model"),
/// ])
/// ```
///
/// Marks never fail to build; problems (mismatched arrays, bad parameters) are reported as a
/// ``PlotError`` when the figure is rendered. NaN and infinite values are skipped when drawn.
public struct Mark: Sendable {
    /// What to draw; the geometry stays in data coordinates until the panel is laid out.
    enum Kind: Sendable {
        case line(LineSpec)
        case points(PointSpec)
        case rectangles(RectangleSpec)
        case band(BandSpec)
        case rule(RuleSpec)
        case cells(CellSpec)
        case text(TextSpec)
        case arrow(ArrowSpec)
        case contour(ContourSpec)
        case filledContour(FilledContourSpec)
    }

    var kind: Kind
    /// The legend entry; unlabeled marks stay out of the legend.
    var label: String?
    /// The first problem found when the mark was built, thrown at render time.
    var problem: PlotError?

    init(_ kind: Kind, label: String? = nil, problem: PlotError? = nil) {
        self.kind = kind
        self.label = label
        self.problem = problem
    }

    /// The same mark with another legend label (nil removes it from the legend).
    public func labeled(_ label: String?) -> Mark {
        var copy = self
        copy.label = label
        return copy
    }
}

/// How a line is stroked.
public enum LineStyle: Sendable, Equatable {
    case solid
    case dashed
    case dotted

    /// The dash pattern in pixels for a line `width` wide.
    func dash(width: Double) -> [Double] {
        switch self {
        case .solid: return []
        case .dashed: return [max(5, 3.2 * width), max(3, 1.8 * width)]
        case .dotted: return [0.01, max(3, 2.1 * width)]
        }
    }
}

/// The symbol drawn at each point.
public enum Marker: Sendable, Equatable, CaseIterable {
    case circle
    case cross
    case plus
    case square
    case triangle
}

/// How numbers printed on cells (heatmaps, confusion matrices) look.
public enum NumberFormat: Sendable, Equatable {
    /// Up to three significant decimals, no trailing zeros.
    case automatic
    /// A fixed number of decimals.
    case decimals(Int)
    /// The value times 100 with a percent sign and the given decimals.
    case percent(Int)

    func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        switch self {
        case .automatic:
            let magnitude = abs(value)
            let decimals = magnitude >= 100 || magnitude == magnitude.rounded() ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
            return Self.fixed(value, decimals: decimals, trimZeros: true)
        case .decimals(let count):
            return Self.fixed(value, decimals: max(0, min(count, 12)), trimZeros: false)
        case .percent(let count):
            return Self.fixed(value * 100, decimals: max(0, min(count, 12)), trimZeros: false) + "%"
        }
    }

    /// `value` with `decimals` digits after the point, minus sign U+2212, never "-0".
    static func fixed(_ value: Double, decimals: Int, trimZeros: Bool) -> String {
        let scale = pow10(decimals)
        var rounded = (abs(value) * scale).rounded()
        if rounded > 9e15 { rounded = abs(value).rounded(); return (value < 0 ? "−" : "") + String(Int64(min(rounded, 9e18))) }
        let integerPart = Int64(rounded / scale)
        var fraction = Int64(rounded - Double(integerPart) * scale)
        var digits = decimals
        var text = String(integerPart)
        if digits > 0 {
            if trimZeros {
                while digits > 0 && fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            }
            if digits > 0 {
                let fractionText = String(fraction)
                text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
            }
        }
        let isZero = rounded == 0
        return (value < 0 && !isZero ? "−" : "") + text
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }
}

/// Where text sits relative to its anchor point.
public enum TextAnchor: Sendable, Equatable {
    /// Centred on the point.
    case center
    /// Starting at the point, extending to the right.
    case leading
    /// Ending at the point.
    case trailing
    /// Centred above the point.
    case above
    /// Centred below the point.
    case below
}

// MARK: - Internal geometry of each kind

struct LineSpec: Sendable {
    var points: [Point]
    var color: Color?
    var style: LineStyle
    var width: Double?
    /// Arrowheads along the path (a descent path), and dots at its vertices.
    var arrows: Bool = false
    var vertexMarkers: Bool = false
    /// A marker at every data point (a learning curve with its measured points).
    var marker: Marker? = nil
}

struct PointSpec: Sendable {
    var points: [Point]
    var marker: Marker
    var filled: Bool
    var size: Double?
    var color: Color?
}

/// A rectangle in data coordinates.
struct DataRect: Sendable, Equatable {
    var x0: Double, x1: Double, y0: Double, y1: Double
    var isFinite: Bool { x0.isFinite && x1.isFinite && y0.isFinite && y1.isFinite }
}

struct RectangleSpec: Sendable {
    var rects: [DataRect]
    var fill: Color?
    var opacity: Double
    var stroke: Color?
    /// A y value (bar baseline) that automatic limits should not pad beyond.
    var stickyY: Double?
    /// Pad automatic limits around the rectangles (bars) or fit them tightly (explicit rectangles).
    var tight: Bool = false
}

struct BandSpec: Sendable {
    var x: [Double]
    var lower: [Double]
    var upper: [Double]
    var color: Color?
    var opacity: Double
}

struct RuleSpec: Sendable {
    var horizontal: Bool
    var value: Double
    var color: Color?
    var style: LineStyle
    var width: Double?
}

/// A grid of coloured cells: heatmaps, decision regions, confusion matrices, images.
struct CellSpec: Sendable {
    /// Column edges (count = columns + 1), increasing.
    var xEdges: [Double]
    /// Row edges (count = rows + 1), increasing; row 0 is the lowest.
    var yEdges: [Double]
    /// One colour per cell, row-major from the lowest row.
    var colors: [Color]
    /// Values printed on the cells, row-major like `colors`, or nil for none.
    var values: [Double]?
    var format: NumberFormat
    var colorBar: ColorBarSpec?
    var columns: Int { xEdges.count - 1 }
    var rows: Int { yEdges.count - 1 }
}

struct TextSpec: Sendable {
    var text: String
    var position: Point
    var color: Color?
    var size: Double?
    var anchor: TextAnchor
    /// Shift in pixels (x right, y up) applied after anchoring.
    var offset: (dx: Double, dy: Double)
    var bold: Bool
    /// A filled box behind the text (tree-diagram nodes, callouts), outlined in the text colour.
    var box: Color? = nil
}

struct ArrowSpec: Sendable {
    var from: Point
    var to: Point
    var color: Color?
    var width: Double?
}

struct ContourSpec: Sendable {
    var grid: Grid2D
    var levels: [Double]
    /// Traced when the mark is made, so drawing the figure in several formats traces once.
    var lines: [ContourLines]
    /// One colour per level.
    var colors: [Color]
    var width: Double?
    var style: LineStyle
    var colorBar: ColorBarSpec?
}

struct FilledContourSpec: Sendable {
    var grid: Grid2D
    /// Band boundaries, increasing: band i lies between levels[i] and levels[i + 1].
    var levels: [Double]
    /// Computed when the mark is made: n + 1 bands for n levels, lowest first.
    var bands: [ContourBand]
    /// One colour per band (levels.count + 1).
    var colors: [Color]
    var opacity: Double
    var colorBar: ColorBarSpec?
}

/// A colour bar beside the plot area that explains a colour encoding.
struct ColorBarSpec: Sendable {
    enum Kind: Sendable {
        /// A smooth map from `lower...upper`.
        case continuous(colormap: Colormap, lower: Double, upper: Double)
        /// Equal blocks, one per colour from the bottom, with level labels at positions measured
        /// in blocks from the bottom (filled contours label the borders between blocks, contour
        /// lines the middle of each block).
        case discrete(colors: [Color], levels: [Double], positions: [Double])
    }
    var kind: Kind
    var label: String
}
