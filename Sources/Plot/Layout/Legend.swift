/// One row of a legend: a small sample of the mark and its label.
struct LegendEntry: Sendable {
    enum Symbol: Sendable {
        case line(color: Color, style: LineStyle, width: Double, marker: Marker? = nil)
        case marker(Marker, filled: Bool, color: Color, size: Double)
        case swatch(color: Color, stroke: Color?)
    }
    var label: String
    var symbol: Symbol
}

/// Legend entries of the labelled marks, in mark order.
func legendEntries(_ marks: [Mark], theme: Theme) -> [LegendEntry] {
    marks.compactMap { mark -> LegendEntry? in
        guard let label = mark.label, !label.isEmpty else { return nil }
        let symbol: LegendEntry.Symbol
        switch mark.kind {
        case .line(let spec):
            symbol = .line(color: spec.color ?? theme.foreground, style: spec.style,
                           width: spec.width ?? theme.lineWidth, marker: spec.marker)
        case .points(let spec):
            symbol = .marker(spec.marker, filled: spec.filled, color: spec.color ?? theme.foreground,
                             size: min(spec.size ?? theme.markerSize, 12))
        case .rectangles(let spec):
            symbol = .swatch(color: (spec.fill ?? theme.foreground).opacity((spec.fill?.alpha ?? 1) * spec.opacity),
                             stroke: spec.stroke == .white ? nil : spec.stroke)
        case .band(let spec):
            symbol = .swatch(color: (spec.color ?? theme.foreground).opacity(spec.opacity), stroke: nil)
        case .rule(let spec):
            symbol = .line(color: spec.color ?? theme.axisColor, style: spec.style, width: spec.width ?? 1.6)
        case .arrow(let spec):
            symbol = .line(color: spec.color ?? theme.foreground, style: .solid, width: spec.width ?? 1.5)
        case .contour(let spec):
            symbol = .line(color: spec.colors.last ?? theme.foreground, style: spec.style, width: spec.width ?? 1.2)
        case .cells, .text, .filledContour:
            return nil
        }
        return LegendEntry(label: label, symbol: symbol)
    }
}

/// A legend box: its size from measured labels, its place chosen to hide the least data.
struct LegendLayout {
    static let padding = 8.0
    static let symbolWidth = 28.0
    static let symbolGap = 8.0
    static let inset = 8.0
    /// Between the plot area (or its colour bar) and a legend placed outside.
    static let outsideGap = 14.0

    /// Width, height and row height of a legend holding `entries`.
    static func size(of entries: [LegendEntry], font: Font, renderer: Renderer) -> (Double, Double, Double) {
        let metrics = entries.map { renderer.measure($0.label, font: font) }
        let rowHeight = max(metrics.map(\.height).max() ?? 0, 12) + 3
        let width = padding * 2 + symbolWidth + symbolGap + (metrics.map(\.width).max() ?? 0)
        let height = padding * 2 + rowHeight * Double(entries.count) - 3
        return (width, height, rowHeight)
    }

    var entries: [LegendEntry]
    var box: Rect
    var rowHeight: Double
    var font: Font

    /// Measures the legend and places it in `plot` according to `placement`, scoring the
    /// candidate spots by the data (pixel points and segments) they would cover.
    static func make(entries: [LegendEntry], placement: LegendPlacement, plot: Rect, obstacles: Obstacles,
                     colorBarWidth: Double = 0, theme: Theme, renderer: Renderer) -> LegendLayout? {
        guard !entries.isEmpty, placement != .hidden else { return nil }
        let font = theme.font(theme.legendSize)
        let (width, height, rowHeight) = size(of: entries, font: font, renderer: renderer)
        let inner = plot.inset(left: inset, top: inset, right: inset, bottom: inset)
        func at(_ h: Double, _ v: Double) -> Rect {
            Rect(x: inner.minX + (inner.width - width) * h, y: inner.minY + (inner.height - height) * v,
                 width: width, height: height)
        }
        let box: Rect
        switch placement {
        case .topLeft: box = at(0, 0)
        case .topRight: box = at(1, 0)
        case .bottomLeft: box = at(0, 1)
        case .bottomRight: box = at(1, 1)
        case .hidden: return nil
        case .outsideRight:
            box = Rect(x: plot.maxX + outsideGap + colorBarWidth, y: plot.minY, width: width, height: height)
        case .auto:
            // Corners first (ties go to the earlier one), then the middles of the edges.
            let candidates = [at(1, 0), at(0, 0), at(0, 1), at(1, 1), at(1, 0.5), at(0, 0.5), at(0.5, 0), at(0.5, 1)]
            var best = candidates[0]
            var bestScore = Double.infinity
            for candidate in candidates {
                let score = obstacles.cost(of: candidate)
                if score < bestScore - 1e-9 {
                    bestScore = score
                    best = candidate
                }
            }
            box = best
        }
        return LegendLayout(entries: entries, box: Rect(x: box.x.rounded(), y: box.y.rounded(), width: box.width,
                                                        height: box.height),
                            rowHeight: rowHeight, font: font)
    }

    func draw(on renderer: Renderer, theme: Theme) {
        var frame = Path()
        frame.addRect(Rect(x: box.x + 0.5, y: box.y + 0.5, width: box.width - 1, height: box.height - 1))
        renderer.fill(frame, color: theme.background.opacity(0.88), rule: .nonZero)
        renderer.stroke(frame, style: StrokeStyle(color: Color(hex: 0xCCCCCC), width: 1))
        for (i, entry) in entries.enumerated() {
            let rowTop = box.y + LegendLayout.padding + Double(i) * rowHeight
            let centerY = rowTop + (rowHeight - 3) / 2
            let symbolX = box.x + LegendLayout.padding
            switch entry.symbol {
            case .line(let color, let style, let width, let marker):
                var path = Path()
                path.move(to: Point(symbolX, centerY))
                path.line(to: Point(symbolX + LegendLayout.symbolWidth, centerY))
                renderer.stroke(path, style: StrokeStyle(color: color, width: width, dash: style.dash(width: width),
                                                         roundCaps: style == .dotted))
                if let marker {
                    drawMarkers([Point(symbolX + LegendLayout.symbolWidth / 2, centerY)], marker: marker, filled: true,
                                size: min(theme.markerSize, 12), color: color, background: theme.background,
                                renderer: renderer)
                }
            case .marker(let marker, let filled, let color, let size):
                drawMarkers([Point(symbolX + LegendLayout.symbolWidth / 2, centerY)], marker: marker, filled: filled,
                            size: size, color: color, background: theme.background, renderer: renderer)
            case .swatch(let color, let stroke):
                var path = Path()
                let side = min(rowHeight - 5, 14)
                path.addRect(Rect(x: symbolX + 4, y: centerY - side / 2, width: LegendLayout.symbolWidth - 8, height: side))
                renderer.fill(path, color: color, rule: .nonZero)
                if let stroke { renderer.stroke(path, style: StrokeStyle(color: stroke, width: 1)) }
            }
            renderer.drawText(entry.label, anchor: Point(symbolX + LegendLayout.symbolWidth + LegendLayout.symbolGap, centerY),
                              font: font, color: theme.foreground, horizontal: .left, vertical: .center)
        }
    }
}

/// Data in pixel space that a legend should avoid covering.
struct Obstacles {
    var points: [Point] = []
    var segments: [(Point, Point)] = []
    var rects: [Rect] = []

    /// How much data a box would hide: points inside, segments crossing, area of filled shapes.
    func cost(of box: Rect) -> Double {
        var cost = 0.0
        for point in points where box.contains(point) { cost += 1 }
        for (a, b) in segments where box.intersectsSegment(a, b) { cost += 1 }
        for rect in rects where rect.intersects(box) {
            let w = min(rect.maxX, box.maxX) - max(rect.minX, box.minX)
            let h = min(rect.maxY, box.maxY) - max(rect.minY, box.minY)
            cost += max(0, w) * max(0, h) / 40
        }
        return cost
    }
}
