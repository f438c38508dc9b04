import Foundation

/// Fixed distances of the layout, in pixels at 1x.
enum Spacing {
    /// Space around each panel's cell (and so half the gap between panels).
    static let cellPadding = 10.0
    static let tickLength = 5.0
    static let minorTickLength = 3.0
    /// Between a tick's end and its label.
    static let tickLabelGap = 4.0
    /// Between tick labels and the axis title.
    static let axisLabelGap = 7.0
    /// Between a panel title and the plot area.
    static let titleGap = 10.0
    /// Least room between neighbouring x tick labels.
    static let tickLabelSeparation = 14.0
    static let colorBarGap = 16.0
    static let colorBarWidth = 16.0
    /// Below the figure title.
    static let suptitleGap = 6.0
}

/// Space a panel needs around its plot area for ticks, labels, title and colour bar.
struct Margins: Sendable, Equatable {
    var left = 0.0, top = 0.0, right = 0.0, bottom = 0.0
}

/// Where everything of one panel goes.
struct PanelLayout: Sendable {
    var prepared: PreparedPanel
    var cell: Rect
    var plot: Rect
    var transform: PlotTransform
    var xTicks: AxisTicks
    var yTicks: AxisTicks
    var colorBar: ColorBarLayout?
}

/// The measuring half of the layout: what margins a panel needs for a given plot-area size.
struct PanelMeasurement {
    let prepared: PreparedPanel
    let theme: Theme
    let renderer: Renderer

    var panel: Panel { prepared.panel }
    var tickFont: Font { theme.font(theme.tickLabelSize) }
    var labelFont: Font { theme.font(theme.axisLabelSize) }
    var titleFont: Font { theme.font(theme.titleSize) }

    /// Margins and ticks for a plot area of `width` x `height`.
    func measure(width: Double, height: Double) -> (Margins, AxisTicks, AxisTicks, ColorBarLayout?) {
        let pad = Spacing.cellPadding
        var margins = Margins(left: pad, top: pad, right: pad, bottom: pad)
        if let title = panel.title, !title.isEmpty {
            margins.top += renderer.measure(title, font: titleFont).height + Spacing.titleGap
        }
        var colorBar: ColorBarLayout?
        if let spec = prepared.colorBar {
            let bar = ColorBarLayout.measure(spec, height: height, theme: theme, renderer: renderer)
            margins.right += bar.totalWidth
            colorBar = bar
        }
        if panel.legend == .outsideRight, !prepared.legend.isEmpty {
            let (legendWidth, _, _) = LegendLayout.size(of: prepared.legend, font: theme.font(theme.legendSize),
                                                        renderer: renderer)
            margins.right += LegendLayout.outsideGap + legendWidth
        }
        let besidePlot = margins.right - pad
        guard panel.showsAxes else { return (margins, AxisTicks(), AxisTicks(), colorBar) }

        let tickHeight = renderer.measure("0", font: tickFont).height
        let labelHeight = renderer.measure("Ag", font: labelFont).height
        let xTicks = chooseXTicks(width: width)
        let yTicks = AxisTicks.make(for: panel.y, lower: prepared.yLimits.lower, upper: prepared.yLimits.upper,
                                    maxIntervals: clampedInt(height / 52, 2...9))
        let yLabelWidth = yTicks.labels.map { renderer.measure($0, font: tickFont).width }.max() ?? 0
        let tickBlock = Spacing.tickLength + Spacing.tickLabelGap
        margins.left += yLabelWidth + tickBlock
        if hasText(panel.y.label) { margins.left += labelHeight + Spacing.axisLabelGap }
        let xLabelBlock = xTicks.rotated
            ? (xTicks.labels.map { renderer.measure($0, font: tickFont).width }.max() ?? 0) : tickHeight
        margins.bottom += xLabelBlock + tickBlock
        if hasText(panel.x.label) { margins.bottom += labelHeight + Spacing.axisLabelGap }
        // The top y tick label is centred on the plot's top edge: leave room for its upper half.
        if panel.title == nil || panel.title?.isEmpty == true {
            margins.top = max(margins.top, pad + tickHeight / 2 + 2)
        }
        // x tick labels at the ends stick out of the plot area by up to half their width.
        let xMap = AxisMapping(scale: panel.x.scale, lower: prepared.xLimits.lower,
                               upper: prepared.xLimits.upper, start: 0, end: width)
        for (value, label) in zip(xTicks.values, xTicks.labels) {
            let metrics = renderer.measure(label, font: tickFont)
            let half = (xTicks.rotated ? metrics.height : metrics.width) / 2
            let position = xMap.pixel(value)
            margins.left = max(margins.left, pad + half - position + 2)
            margins.right = max(margins.right, besidePlot + pad + position + half - width + 2)
        }
        return (margins, xTicks, yTicks, colorBar)
    }

    /// Linear x ticks as many as fit without their labels touching.
    private func chooseXTicks(width: Double) -> AxisTicks {
        let xAxis = panel.x
        var intervals = clampedInt(width / 75, 2...9)
        while true {
            let ticks = AxisTicks.make(for: xAxis, lower: prepared.xLimits.lower, upper: prepared.xLimits.upper,
                                       maxIntervals: intervals)
            if labelsFit(ticks, width: width) { return ticks }
            if xAxis.ticks != nil || intervals <= 1 {
                // Names cannot be thinned out: turn them to read upwards instead.
                var turned = ticks
                turned.rotated = xAxis.ticks != nil
                return turned
            }
            intervals -= 1
        }
    }

    private func labelsFit(_ ticks: AxisTicks, width: Double) -> Bool {
        let map = AxisMapping(scale: panel.x.scale, lower: prepared.xLimits.lower, upper: prepared.xLimits.upper,
                              start: 0, end: width)
        var previousRight = -Double.infinity
        for (value, label) in zip(ticks.values, ticks.labels) {
            let half = renderer.measure(label, font: tickFont).width / 2
            let center = map.pixel(value)
            if center - half < previousRight + Spacing.tickLabelSeparation { return false }
            previousRight = center + half
        }
        return true
    }
}

func hasText(_ text: String?) -> Bool {
    guard let text else { return false }
    return !text.isEmpty
}

/// Lays out all panels of a figure: cells in a grid, margins aligned along rows and columns.
struct FigureLayout: Sendable {
    var panels: [PanelLayout]
    /// Where the figure title goes, if any.
    var titleAnchor: Point?

    static func make(_ figure: Figure, renderer: Renderer) throws -> FigureLayout {
        let theme = figure.theme
        let prepared = try figure.panels.enumerated().map { try PreparedPanel(panel: $1, index: $0, theme: theme) }
        var content = Rect(x: 0, y: 0, width: figure.width, height: figure.height)
        var titleAnchor: Point?
        if let title = figure.title, !title.isEmpty {
            let metrics = renderer.measure(title, font: theme.font(theme.suptitleSize, bold: true))
            titleAnchor = Point(figure.width / 2, Spacing.cellPadding)
            content = content.inset(left: 0, top: Spacing.cellPadding + metrics.height + Spacing.suptitleGap,
                                    right: 0, bottom: 0)
        }
        let rows = figure.rows, columns = figure.columns
        let cellWidth = content.width / Double(columns), cellHeight = content.height / Double(rows)
        let cells = prepared.indices.map { i in
            Rect(x: content.x + Double(i % columns) * cellWidth, y: content.y + Double(i / columns) * cellHeight,
                 width: cellWidth, height: cellHeight)
        }
        let measurements = prepared.map { PanelMeasurement(prepared: $0, theme: theme, renderer: renderer) }

        // Measure twice: tick counts depend on the plot size, which depends on the margins.
        var sizes = cells.map { (width: max(10, $0.width - 90), height: max(10, $0.height - 70)) }
        var results = measurements.indices.map { measurements[$0].measure(width: sizes[$0].width, height: sizes[$0].height) }
        for pass in 0..<2 {
            let aligned = alignedMargins(results.map(\.0), rows: rows, columns: columns)
            sizes = cells.indices.map { i in
                (width: max(10, cells[i].width - aligned[i].left - aligned[i].right),
                 height: max(10, cells[i].height - aligned[i].top - aligned[i].bottom))
            }
            if pass == 0 {
                results = measurements.indices.map { measurements[$0].measure(width: sizes[$0].width, height: sizes[$0].height) }
            }
        }
        let aligned = alignedMargins(results.map(\.0), rows: rows, columns: columns)
        var layouts: [PanelLayout] = []
        for i in prepared.indices {
            let margins = aligned[i]
            var plot = cells[i].inset(left: margins.left, top: margins.top, right: margins.right, bottom: margins.bottom)
            plot = Rect(x: plot.x.rounded(), y: plot.y.rounded(), width: max(1, plot.width.rounded()),
                        height: max(1, plot.height.rounded()))
            let p = prepared[i]
            if p.panel.equalAspect { plot = equalAspect(plot, p) }
            let transform = PlotTransform(
                x: AxisMapping(scale: p.panel.x.scale, lower: p.xLimits.lower, upper: p.xLimits.upper,
                               start: plot.minX, end: plot.maxX),
                y: AxisMapping(scale: p.panel.y.scale, lower: p.yLimits.lower, upper: p.yLimits.upper,
                               start: plot.maxY, end: plot.minY))
            var colorBar = results[i].3
            colorBar?.place(beside: plot)
            layouts.append(PanelLayout(prepared: p, cell: cells[i], plot: plot, transform: transform,
                                       xTicks: results[i].1, yTicks: results[i].2, colorBar: colorBar))
        }
        return FigureLayout(panels: layouts, titleAnchor: titleAnchor)
    }

    /// Margins made equal along each grid column (left, right) and row (top, bottom) so that
    /// plot areas line up.
    static func alignedMargins(_ margins: [Margins], rows: Int, columns: Int) -> [Margins] {
        var result = margins
        for column in 0..<columns {
            let members = margins.indices.filter { $0 % columns == column }
            let left = members.map { margins[$0].left }.max() ?? 0
            let right = members.map { margins[$0].right }.max() ?? 0
            for i in members { result[i].left = left; result[i].right = right }
        }
        for row in 0..<rows {
            let members = margins.indices.filter { $0 / columns == row }
            let top = members.map { margins[$0].top }.max() ?? 0
            let bottom = members.map { margins[$0].bottom }.max() ?? 0
            for i in members { result[i].top = top; result[i].bottom = bottom }
        }
        return result
    }

    /// The largest centred sub-rectangle in which one unit of x is as long as one unit of y.
    static func equalAspect(_ plot: Rect, _ prepared: PreparedPanel) -> Rect {
        let xSpan = prepared.panel.x.scale.forward(prepared.xLimits.upper) - prepared.panel.x.scale.forward(prepared.xLimits.lower)
        let ySpan = prepared.panel.y.scale.forward(prepared.yLimits.upper) - prepared.panel.y.scale.forward(prepared.yLimits.lower)
        guard xSpan > 0, ySpan > 0, xSpan.isFinite, ySpan.isFinite else { return plot }
        let unit = min(plot.width / xSpan, plot.height / ySpan)
        let width = (xSpan * unit).rounded(), height = (ySpan * unit).rounded()
        return Rect(x: (plot.midX - width / 2).rounded(), y: (plot.midY - height / 2).rounded(),
                    width: max(1, width), height: max(1, height))
    }
}
