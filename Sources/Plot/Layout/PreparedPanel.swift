/// A panel checked and ready to lay out: colours assigned, limits chosen, legend and colour bar known.
struct PreparedPanel: Sendable {
    var index: Int
    var panel: Panel
    /// The marks with every automatic colour replaced by a palette colour.
    var marks: [Mark]
    var xLimits: (lower: Double, upper: Double)
    var yLimits: (lower: Double, upper: Double)
    var legend: [LegendEntry]
    var colorBar: ColorBarSpec?

    init(panel: Panel, index: Int, theme: Theme) throws {
        guard !panel.marks.isEmpty else { throw PlotError.emptyPanel(panel: index) }
        if let problem = panel.marks.lazy.compactMap(\.problem).first { throw problem }
        self.index = index
        self.panel = panel
        self.marks = assignColors(panel.marks, theme: theme)
        let (xExtent, yExtent) = extents(of: marks, xScale: panel.x.scale, yScale: panel.y.scale)
        if xExtent.isEmpty && yExtent.isEmpty && panel.x.limits == nil && panel.y.limits == nil
            && panel.x.ticks == nil && panel.y.ticks == nil {
            if panel.x.scale == .log || panel.y.scale == .log {
                // Finite data that a log axis cannot show says more than "no data".
                let plain = extents(of: marks, xScale: .linear, yScale: .linear)
                if !plain.x.isEmpty || !plain.y.isEmpty {
                    throw PlotError.noPositiveDataForLogScale(axis: panel.x.scale == .log ? "x" : "y")
                }
            }
            throw PlotError.noFiniteData(panel: index)
        }
        xLimits = try resolveLimits(axis: panel.x, name: "x", extent: xExtent,
                                    otherHasData: !yExtent.isEmpty || panel.y.limits != nil, panel: index)
        yLimits = try resolveLimits(axis: panel.y, name: "y", extent: yExtent,
                                    otherHasData: !xExtent.isEmpty || panel.x.limits != nil, panel: index)
        legend = panel.legend == .hidden ? [] : legendEntries(marks, theme: theme)
        colorBar = marks.lazy.compactMap(\.colorBar).first
    }
}

extension Mark {
    /// The colour bar this mark asks for, if any.
    var colorBar: ColorBarSpec? {
        switch kind {
        case .cells(let spec): return spec.colorBar
        case .contour(let spec): return spec.colorBar
        case .filledContour(let spec): return spec.colorBar
        default: return nil
        }
    }
}

/// Gives each mark that did not choose a colour the next palette colour; rules, arrows and text
/// default to the theme's text colour instead.
func assignColors(_ marks: [Mark], theme: Theme) -> [Mark] {
    var next = 0
    func take() -> Color {
        defer { next += 1 }
        return theme.color(at: next)
    }
    return marks.map { mark in
        var mark = mark
        switch mark.kind {
        case .line(var spec):
            if spec.color == nil { spec.color = take() }
            mark.kind = .line(spec)
        case .points(var spec):
            if spec.color == nil { spec.color = take() }
            mark.kind = .points(spec)
        case .rectangles(var spec):
            if spec.fill == nil { spec.fill = take() }
            mark.kind = .rectangles(spec)
        case .band(var spec):
            if spec.color == nil { spec.color = take() }
            mark.kind = .band(spec)
        case .rule(var spec):
            if spec.color == nil { spec.color = theme.axisColor }
            mark.kind = .rule(spec)
        case .arrow(var spec):
            if spec.color == nil { spec.color = theme.foreground }
            mark.kind = .arrow(spec)
        case .text(var spec):
            if spec.color == nil { spec.color = theme.foreground }
            mark.kind = .text(spec)
        case .cells, .contour, .filledContour:
            break
        }
        return mark
    }
}
