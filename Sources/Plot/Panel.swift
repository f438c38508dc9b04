/// A tick placed by hand: a position on the axis and the text under it (class names, months).
public struct AxisTick: Sendable, Equatable {
    public var value: Double
    public var label: String

    public init(_ value: Double, _ label: String) {
        self.value = value
        self.label = label
    }
}

/// One axis of a panel: its title, scale, limits and ticks.
public struct Axis: Sendable {
    /// The axis title, e.g. "iteration" or "cost J(w, b)".
    public var label: String?
    public var scale: Scale
    /// Explicit limits; nil fits the data with a small margin.
    public var limits: ClosedRange<Double>?
    /// Hand-placed ticks; nil chooses nice ones.
    public var ticks: [AxisTick]?

    public init(label: String? = nil, scale: Scale = .linear, limits: ClosedRange<Double>? = nil,
                ticks: [AxisTick]? = nil) {
        self.label = label
        self.scale = scale
        self.limits = limits
        self.ticks = ticks
    }
}

/// Where a panel's legend goes.
public enum LegendPlacement: Sendable, Equatable {
    /// The corner (or edge middle) where the legend covers the least data.
    case auto
    case topLeft, topRight, bottomLeft, bottomRight
    /// Beside the plot area on the right (after any colour bar), for charts whose data fills
    /// every corner; the plot area narrows to make room.
    case outsideRight
    /// No legend even when marks are labelled.
    case hidden
}

/// One set of axes with its marks: the unit a figure is made of.
///
/// ```swift
/// Panel(title: "Cost", xLabel: "iteration", yLabel: "J(w, b)", yScale: .log,
///       marks: [.line(y: history, label: "α = 0.01")])
/// ```
public struct Panel: Sendable {
    public var title: String?
    public var x: Axis
    public var y: Axis
    /// One data unit is as long on x as on y (the plot area shrinks to keep it so).
    public var equalAspect: Bool
    /// Light grid lines at the major ticks.
    public var grid: Bool
    public var legend: LegendPlacement
    /// False hides axis lines, ticks and labels (pictures such as digits).
    public var showsAxes: Bool
    public var marks: [Mark]

    /// A panel with its axes described inline.
    ///
    /// - Parameters:
    ///   - xLimits, yLimits: explicit limits; nil fits the data (with a 5% margin around lines and
    ///     points, edge to edge for heatmaps and contours, never below a bar baseline).
    ///   - xTicks, yTicks: hand-placed ticks (class names); long names turn upwards when needed.
    ///   - legend: where labelled marks are explained; `.auto` covers the least data.
    ///   - showsAxes: false for pictures and diagrams.
    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
                xScale: Scale = .linear, yScale: Scale = .linear,
                xLimits: ClosedRange<Double>? = nil, yLimits: ClosedRange<Double>? = nil,
                xTicks: [AxisTick]? = nil, yTicks: [AxisTick]? = nil,
                equalAspect: Bool = false, grid: Bool = true, legend: LegendPlacement = .auto,
                showsAxes: Bool = true, marks: [Mark]) {
        self.title = title
        self.x = Axis(label: xLabel, scale: xScale, limits: xLimits, ticks: xTicks)
        self.y = Axis(label: yLabel, scale: yScale, limits: yLimits, ticks: yTicks)
        self.equalAspect = equalAspect
        self.grid = grid
        self.legend = legend
        self.showsAxes = showsAxes
        self.marks = marks
    }

    /// A matrix panel (confusion matrix, correlations): `values[0]` is the top row, rows and
    /// columns named by their ticks, each cell labelled with its value.
    public static func matrix(_ values: [[Double]], rowNames: [String], columnNames: [String],
                              title: String? = nil, xLabel: String? = "predicted", yLabel: String? = "actual",
                              colormap: Colormap = .viridis, format: NumberFormat = .automatic,
                              colorBar: String? = nil) -> Panel {
        let rows = values.count
        let xTicks = columnNames.enumerated().map { AxisTick(Double($0.offset), $0.element) }
        let yTicks = rowNames.enumerated().map { AxisTick(Double(rows - 1 - $0.offset), $0.element) }
        return Panel(title: title, xLabel: xLabel, yLabel: yLabel, xTicks: xTicks, yTicks: yTicks,
                     grid: false, legend: .hidden,
                     marks: [.matrix(values, colormap: colormap, showValues: true, format: format, colorBar: colorBar)])
    }
}
