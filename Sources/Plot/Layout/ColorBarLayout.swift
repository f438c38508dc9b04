import Foundation

/// The colour bar beside a panel: a vertical strip of the colour encoding, ticks and a title.
struct ColorBarLayout: Sendable {
    var spec: ColorBarSpec
    /// The strip itself (placed once the plot area is known).
    var bar: Rect
    /// Tick positions as fractions of the strip from the bottom, with their labels.
    var ticks: [(fraction: Double, label: String)]
    var tickLabelWidth: Double
    var titleHeight: Double
    /// Everything the colour bar adds to the right of the plot area.
    var totalWidth: Double

    static func measure(_ spec: ColorBarSpec, height: Double, theme: Theme, renderer: Renderer) -> ColorBarLayout {
        let font = theme.font(theme.tickLabelSize)
        let tickHeight = renderer.measure("0", font: font).height
        var ticks: [(Double, String)] = []
        switch spec.kind {
        case .continuous(_, let lower, let upper):
            let set = Ticks.linear(lower: lower, upper: upper, maxIntervals: clampedInt(height / 50, 2...9))
            for (value, label) in zip(set.values, set.labels) where value >= lower - 1e-9 * (upper - lower)
                && value <= upper + 1e-9 * (upper - lower) {
                ticks.append(((value - lower) / (upper - lower), label))
            }
        case .discrete(let colors, let levels, let positions):
            // Blocks of equal height; a label at every k-th level so labels never touch.
            let blocks = Double(max(1, colors.count))
            let labels = levelLabels(levels)
            let spacing = height / blocks * (positions.count >= 2 ? positions[1] - positions[0] : 1)
            let every = clampedInt(((tickHeight + 3) / max(spacing, 1e-9)).rounded(.up), 1...10_000)
            for i in levels.indices where i % every == 0 {
                ticks.append((positions[i] / blocks, labels[i]))
            }
        }
        let labelWidth = ticks.map { renderer.measure($0.1, font: font).width }.max() ?? 0
        let titleHeight = spec.label.isEmpty ? 0 : renderer.measure(spec.label, font: theme.font(theme.axisLabelSize)).height
        let total = Spacing.colorBarGap + Spacing.colorBarWidth + Spacing.tickLength + Spacing.tickLabelGap + labelWidth
            + (titleHeight > 0 ? Spacing.axisLabelGap + titleHeight : 0)
        return ColorBarLayout(spec: spec, bar: Rect(x: 0, y: 0, width: Spacing.colorBarWidth, height: height),
                              ticks: ticks, tickLabelWidth: labelWidth, titleHeight: titleHeight, totalWidth: total)
    }

    mutating func place(beside plot: Rect) {
        bar = Rect(x: plot.maxX + Spacing.colorBarGap, y: plot.minY, width: Spacing.colorBarWidth, height: plot.height)
    }

    func draw(on renderer: Renderer, theme: Theme) {
        let axis = StrokeStyle(color: theme.axisColor, width: 1)
        switch spec.kind {
        case .continuous(let colormap, _, _):
            let steps = 256
            let pixels = (0..<steps).map { colormap.color(at: 1 - (Double($0) + 0.5) / Double(steps)) }
            if renderer.prefersRasterCells {
                renderer.drawImage(RasterImage(width: 1, height: steps, pixels: pixels), in: bar)
            } else {
                // Vector output: thin slightly overlapping strips, so viewers show no seams.
                let h = bar.height / Double(steps)
                for (i, color) in pixels.enumerated() {
                    var path = Path()
                    path.addRect(Rect(x: bar.x, y: bar.y + Double(i) * h, width: bar.width,
                                      height: h + (i == steps - 1 ? 0 : 0.6)))
                    renderer.fill(path, color: color, rule: .nonZero)
                }
            }
        case .discrete(let colors, _, _):
            let h = bar.height / Double(max(1, colors.count))
            for (i, color) in colors.enumerated() {
                var path = Path()
                // Blocks overlap by a hair so no seam shows between them.
                path.addRect(Rect(x: bar.x, y: bar.maxY - Double(i + 1) * h, width: bar.width,
                                  height: h + (i == 0 ? 0 : 0.5)))
                renderer.fill(path, color: color, rule: .nonZero)
            }
        }
        var frame = Path()
        frame.addRect(Rect(x: bar.x - 0.5, y: bar.y - 0.5, width: bar.width + 1, height: bar.height + 1))
        renderer.stroke(frame, style: axis)
        let font = theme.font(theme.tickLabelSize)
        var tickPath = Path()
        for (fraction, label) in ticks {
            let y = snapHalf(bar.maxY - fraction * bar.height)
            tickPath.move(to: Point(bar.maxX, y))
            tickPath.line(to: Point(bar.maxX + Spacing.tickLength, y))
            renderer.drawText(label, anchor: Point(bar.maxX + Spacing.tickLength + Spacing.tickLabelGap, y),
                              font: font, color: theme.foreground, horizontal: .left, vertical: .center)
        }
        renderer.stroke(tickPath, style: axis)
        if !spec.label.isEmpty {
            let x = bar.maxX + Spacing.tickLength + Spacing.tickLabelGap + tickLabelWidth + Spacing.axisLabelGap
            renderer.drawText(spec.label, anchor: Point(x, bar.midY), font: theme.font(theme.axisLabelSize),
                              color: theme.foreground, horizontal: .left, vertical: .center, rotated: true)
        }
    }
}

/// Labels for contour levels: one shared step when they are evenly spaced, otherwise three
/// significant digits each (log-spaced levels).
func levelLabels(_ levels: [Double]) -> [String] {
    guard levels.count >= 2 else { return levels.map { Ticks.label($0, step: abs($0) > 0 ? abs($0) / 100 : 1) } }
    let step = levels[1] - levels[0]
    let evenlySpaced = step > 0 && levels.indices.dropFirst().allSatisfy {
        abs((levels[$0] - levels[$0 - 1]) - step) <= 1e-6 * abs(step)
    }
    if evenlySpaced { return levels.map { Ticks.label($0, step: step) } }
    return levels.map(significantLabel)
}

/// `value` with three significant digits and no trailing zeros ("0.215", "4.64", "1000", "2.15×10⁶").
func significantLabel(_ value: Double) -> String {
    guard value.isFinite, value != 0 else { return Ticks.label(value, step: 1) }
    let exponent = Int(floor(log10(abs(value))))
    let step = pow(10, Double(exponent - 2))
    var text = Ticks.label(value, step: step)
    // Drop trailing zeros of the mantissa ("2.50" -> "2.5"), never touching a "×10ⁿ" suffix.
    let suffixStart = text.range(of: "×")?.lowerBound ?? text.endIndex
    var mantissa = String(text[..<suffixStart])
    let suffix = String(text[suffixStart...])
    if mantissa.contains(".") {
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa.removeLast() }
    }
    text = mantissa + suffix
    return text
}

/// `value` truncated to an integer inside `range`; NaN gives the lower bound. Layout arithmetic
/// never traps on odd sizes this way.
func clampedInt(_ value: Double, _ range: ClosedRange<Int>) -> Int {
    guard value.isFinite else { return value == .infinity ? range.upperBound : range.lowerBound }
    return Int(min(max(value, Double(range.lowerBound)), Double(range.upperBound)))
}

/// A coordinate moved to the nearest half pixel, so 1 px lines fall on whole pixels.
func snapHalf(_ value: Double) -> Double {
    (value - 0.5).rounded() + 0.5
}
