import Foundation

/// Renders a whole figure onto a renderer: background, figure title, then each panel.
struct FigureDrawing {
    let figure: Figure

    var theme: Theme { figure.theme }

    func draw(on renderer: Renderer) throws {
        let layout = try FigureLayout.make(figure, renderer: renderer)
        var background = Path()
        background.addRect(Rect(x: 0, y: 0, width: figure.width, height: figure.height))
        renderer.fill(background, color: theme.background, rule: .nonZero)
        if let anchor = layout.titleAnchor, let title = figure.title {
            let (text, font) = fitted(title, theme.font(theme.suptitleSize, bold: true),
                                      width: figure.width - 2 * Spacing.cellPadding, renderer: renderer)
            renderer.drawText(text, anchor: anchor, font: font,
                              color: theme.foreground, horizontal: .center, vertical: .top)
        }
        for panel in layout.panels { drawPanel(panel, on: renderer) }
    }

    private func drawPanel(_ layout: PanelLayout, on renderer: Renderer) {
        let panel = layout.prepared.panel
        let plot = layout.plot
        if panel.showsAxes && panel.grid { drawGrid(layout, on: renderer) }

        var painter = MarkPainter(renderer: renderer, theme: theme, transform: layout.transform, plot: plot)
        renderer.pushClip(plot)
        for mark in layout.prepared.marks where !MarkPainter.drawsUnclipped(mark) { painter.draw(mark) }
        renderer.popClip()
        for mark in layout.prepared.marks where MarkPainter.drawsUnclipped(mark) { painter.draw(mark) }

        if panel.showsAxes {
            drawAxes(layout, on: renderer)
        } else if layout.prepared.marks.contains(where: { if case .cells = $0.kind { return true } else { return false } }) {
            // A hairline frame shows where a picture (a digit) ends; diagrams go without.
            var frame = Path()
            frame.addRect(Rect(x: plot.minX - 0.5, y: plot.minY - 0.5, width: plot.width + 1, height: plot.height + 1))
            renderer.stroke(frame, style: StrokeStyle(color: Color(hex: 0xBBBBBB), width: 1))
        }
        if let legend = LegendLayout.make(entries: layout.prepared.legend, placement: panel.legend, plot: plot,
                                          obstacles: painter.obstacles,
                                          colorBarWidth: layout.colorBar?.totalWidth ?? 0, theme: theme,
                                          renderer: renderer) {
            legend.draw(on: renderer, theme: theme)
        }
        layout.colorBar?.draw(on: renderer, theme: theme)
        if let title = panel.title, !title.isEmpty {
            // Centred over the plot area, but kept inside the panel's cell.
            let (text, font) = fitted(title, theme.font(theme.titleSize),
                                      width: layout.cell.width - 2 * Spacing.cellPadding, renderer: renderer)
            let width = renderer.measure(text, font: font).width
            let x = min(max(plot.midX, layout.cell.minX + Spacing.cellPadding + width / 2),
                        layout.cell.maxX - Spacing.cellPadding - width / 2)
            renderer.drawText(text, anchor: Point(x, plot.minY - Spacing.titleGap),
                              font: font, color: theme.foreground,
                              horizontal: .center, vertical: .bottom)
        }
    }

    private func drawGrid(_ layout: PanelLayout, on renderer: Renderer) {
        let plot = layout.plot
        var major = Path()
        for value in layout.xTicks.values {
            let x = snapHalf(layout.transform.x.pixel(value))
            guard x.isFinite, x > plot.minX + 0.6, x < plot.maxX - 0.6 else { continue }
            major.move(to: Point(x, plot.minY)); major.line(to: Point(x, plot.maxY))
        }
        for value in layout.yTicks.values {
            let y = snapHalf(layout.transform.y.pixel(value))
            guard y.isFinite, y > plot.minY + 0.6, y < plot.maxY - 0.6 else { continue }
            major.move(to: Point(plot.minX, y)); major.line(to: Point(plot.maxX, y))
        }
        renderer.stroke(major, style: StrokeStyle(color: theme.gridColor, width: 1))
    }

    private func drawAxes(_ layout: PanelLayout, on renderer: Renderer) {
        let panel = layout.prepared.panel
        let plot = layout.plot
        let tickFont = theme.font(theme.tickLabelSize)
        let axisStyle = StrokeStyle(color: theme.axisColor, width: 1)
        // Spines: left and bottom, just outside the plot area.
        var spines = Path()
        spines.move(to: Point(plot.minX - 0.5, plot.minY))
        spines.line(to: Point(plot.minX - 0.5, plot.maxY + 0.5))
        spines.line(to: Point(plot.maxX, plot.maxY + 0.5))
        var ticks = Path(), minorTicks = Path()
        let tickOffset = Spacing.tickLength + Spacing.tickLabelGap
        var xLabelBlock = renderer.measure("0", font: tickFont).height
        for (value, label) in zip(layout.xTicks.values, layout.xTicks.labels) {
            let x = snapHalf(layout.transform.x.pixel(value))
            guard x.isFinite else { continue }
            ticks.move(to: Point(x, plot.maxY + 1)); ticks.line(to: Point(x, plot.maxY + 1 + Spacing.tickLength))
            let box = renderer.drawText(label, anchor: Point(x, plot.maxY + 1 + tickOffset), font: tickFont,
                                        color: theme.foreground, horizontal: .center, vertical: .top,
                                        rotated: layout.xTicks.rotated)
            xLabelBlock = max(xLabelBlock, box.height)
        }
        var widest = 0.0
        for (value, label) in zip(layout.yTicks.values, layout.yTicks.labels) {
            let y = snapHalf(layout.transform.y.pixel(value))
            guard y.isFinite else { continue }
            ticks.move(to: Point(plot.minX - 1, y)); ticks.line(to: Point(plot.minX - 1 - Spacing.tickLength, y))
            let box = renderer.drawText(label, anchor: Point(plot.minX - 1 - tickOffset, y), font: tickFont,
                                        color: theme.foreground, horizontal: .right, vertical: .center)
            widest = max(widest, box.width)
        }
        for value in layout.xTicks.minor {
            let x = snapHalf(layout.transform.x.pixel(value))
            guard x.isFinite, x >= plot.minX, x <= plot.maxX else { continue }
            minorTicks.move(to: Point(x, plot.maxY + 1)); minorTicks.line(to: Point(x, plot.maxY + 1 + Spacing.minorTickLength))
        }
        for value in layout.yTicks.minor {
            let y = snapHalf(layout.transform.y.pixel(value))
            guard y.isFinite, y >= plot.minY, y <= plot.maxY else { continue }
            minorTicks.move(to: Point(plot.minX - 1, y)); minorTicks.line(to: Point(plot.minX - 1 - Spacing.minorTickLength, y))
        }
        renderer.stroke(spines, style: axisStyle)
        renderer.stroke(ticks, style: axisStyle)
        renderer.stroke(minorTicks, style: StrokeStyle(color: theme.axisColor, width: 0.8))

        let labelFont = theme.font(theme.axisLabelSize)
        if let label = panel.x.label, !label.isEmpty {
            let (text, font) = fitted(label, labelFont, width: layout.cell.width - 2 * Spacing.cellPadding, renderer: renderer)
            renderer.drawText(text, anchor: Point(plot.midX, plot.maxY + 1 + tickOffset + xLabelBlock + Spacing.axisLabelGap),
                              font: font, color: theme.foreground, horizontal: .center, vertical: .top)
        }
        if let label = panel.y.label, !label.isEmpty {
            let (text, font) = fitted(label, labelFont, width: layout.cell.height - 2 * Spacing.cellPadding, renderer: renderer)
            renderer.drawText(text, anchor: Point(plot.minX - 1 - tickOffset - widest - Spacing.axisLabelGap, plot.midY),
                              font: font, color: theme.foreground, horizontal: .right, vertical: .center,
                              rotated: true)
        }
    }

    /// `text` and `font` that fit in `width`: the font made smaller (down to 60%), then the text
    /// shortened with an ellipsis, so long titles and labels stay inside their panel.
    private func fitted(_ text: String, _ font: Font, width: Double, renderer: Renderer) -> (String, Font) {
        let measured = renderer.measure(text, font: font).width
        guard measured > width, measured > 0, width > 0 else { return (text, font) }
        var smaller = font
        smaller.size = max(font.size * 0.6, font.size * width / measured)
        var shortened = text
        while shortened.count > 1 && renderer.measure(shortened, font: smaller).width > width {
            shortened.removeLast(max(1, shortened.count / 20))
            shortened = shortened.trimmingCharacters(in: .whitespaces)
            if renderer.measure(shortened + "…", font: smaller).width <= width { return (shortened + "…", smaller) }
        }
        return (shortened, smaller)
    }
}
