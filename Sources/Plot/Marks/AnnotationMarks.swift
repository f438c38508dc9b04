extension Mark {
    /// Text placed at a point in data coordinates.
    ///
    /// - Parameters:
    ///   - anchor: where the text sits relative to the point.
    ///   - offset: a further shift in pixels, x to the right and y upwards.
    ///   - size: font size in pixels at 1x; nil uses the theme's annotation size.
    ///   - box: a fill colour for a box behind the text (outlined in the text colour), e.g. the
    ///     nodes of a tree diagram; nil draws the text alone.
    public static func text(_ text: String, at position: Point, anchor: TextAnchor = .center,
                            offset: (x: Double, y: Double) = (0, 0), color: Color? = nil,
                            size: Double? = nil, bold: Bool = false, box: Color? = nil) -> Mark {
        let valid = (size.map { $0.isFinite && $0 > 0 && $0 <= 500 } ?? true) && offset.x.isFinite && offset.y.isFinite
        return Mark(.text(TextSpec(text: text, position: position, color: color, size: size, anchor: anchor,
                                   offset: (offset.x, offset.y), bold: bold, box: box)),
                    problem: valid ? nil : .invalidMark(mark: "text", reason: "size must be in 0...500 px and the offset finite"))
    }

    /// An arrow from one point to another in data coordinates, its head at `to`.
    public static func arrow(from: Point, to: Point, color: Color? = nil, width: Double? = nil,
                             label: String? = nil) -> Mark {
        Mark(.arrow(ArrowSpec(from: from, to: to, color: color, width: width)), label: label,
             problem: widthProblem("arrow", width))
    }

    /// A horizontal line across the whole panel at `y` (a threshold, a mean, a target).
    public static func horizontalRule(y: Double, color: Color? = nil, style: LineStyle = .dashed,
                                      width: Double? = nil, label: String? = nil) -> Mark {
        Mark(.rule(RuleSpec(horizontal: true, value: y, color: color, style: style, width: width)), label: label,
             problem: widthProblem("rule", width))
    }

    /// A vertical line across the whole panel at `x`.
    public static func verticalRule(x: Double, color: Color? = nil, style: LineStyle = .dashed,
                                    width: Double? = nil, label: String? = nil) -> Mark {
        Mark(.rule(RuleSpec(horizontal: false, value: x, color: color, style: style, width: width)), label: label,
             problem: widthProblem("rule", width))
    }
}
