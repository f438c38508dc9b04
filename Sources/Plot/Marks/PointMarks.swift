extension Mark {
    /// A marker at each `(x[i], y[i])`; NaN or infinite points are skipped.
    ///
    /// - Parameters:
    ///   - filled: solid markers, or outlines (hollow) so that overlapping points stay visible.
    ///   - size: the marker's width in pixels at 1x; nil uses the theme's marker size.
    public static func points(x: [Double], y: [Double], marker: Marker = .circle, filled: Bool = true,
                              size: Double? = nil, color: Color? = nil, label: String? = nil) -> Mark {
        let problem = x.count == y.count ? sizeProblem(size)
            : PlotError.mismatchedLengths(mark: "points", expected: x.count, actual: y.count)
        return Mark(.points(PointSpec(points: zipPoints(x, y), marker: marker, filled: filled, size: size,
                                      color: color)),
                    label: label, problem: problem)
    }

    /// A marker at each point.
    public static func points(_ points: [Point], marker: Marker = .circle, filled: Bool = true,
                              size: Double? = nil, color: Color? = nil, label: String? = nil) -> Mark {
        Mark(.points(PointSpec(points: points, marker: marker, filled: filled, size: size, color: color)),
             label: label, problem: sizeProblem(size))
    }

    private static func sizeProblem(_ size: Double?) -> PlotError? {
        guard let size else { return nil }
        return size.isFinite && size >= 0 && size <= 200
            ? nil : .invalidMark(mark: "points", reason: "size \(size) px must be in 0...200")
    }
}
