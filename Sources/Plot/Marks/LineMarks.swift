extension Mark {
    /// A polyline through `(x[i], y[i])`. NaN or infinite points break the line into pieces;
    /// huge values are clipped, so a diverging cost curve still draws.
    ///
    /// - Parameters:
    ///   - color: nil takes the next palette colour.
    ///   - width: in pixels at 1x; nil uses the theme's line width.
    ///   - marker: a marker at every point as well (a learning curve), nil for none.
    ///   - label: the legend entry.
    public static func line(x: [Double], y: [Double], color: Color? = nil, style: LineStyle = .solid,
                            width: Double? = nil, marker: Marker? = nil, label: String? = nil) -> Mark {
        let problem = x.count == y.count ? widthProblem("line", width)
            : PlotError.mismatchedLengths(mark: "line", expected: x.count, actual: y.count)
        return Mark(.line(LineSpec(points: zipPoints(x, y), color: color, style: style, width: width, marker: marker)),
                    label: label, problem: problem)
    }

    /// A polyline through `y[i]` at x = 0, 1, 2, ... (a cost per iteration).
    public static func line(y: [Double], color: Color? = nil, style: LineStyle = .solid,
                            width: Double? = nil, marker: Marker? = nil, label: String? = nil) -> Mark {
        line(x: (0..<y.count).map(Double.init), y: y, color: color, style: style, width: width, marker: marker,
             label: label)
    }

    /// A polyline through `points`.
    public static func line(_ points: [Point], color: Color? = nil, style: LineStyle = .solid,
                            width: Double? = nil, marker: Marker? = nil, label: String? = nil) -> Mark {
        Mark(.line(LineSpec(points: points, color: color, style: style, width: width, marker: marker)),
             label: label, problem: widthProblem("line", width))
    }

    /// The graph of `function` sampled at `samples` evenly spaced x in `range`.
    public static func function(_ function: (Double) -> Double, x range: ClosedRange<Double>,
                                samples: Int = 200, color: Color? = nil, style: LineStyle = .solid,
                                width: Double? = nil, label: String? = nil) -> Mark {
        guard samples >= 2, samples <= 1_000_000, range.lowerBound.isFinite, range.upperBound.isFinite else {
            return Mark(.line(LineSpec(points: [], color: color, style: style, width: width)), label: label,
                        problem: .invalidMark(mark: "function", reason: "needs 2...1000000 samples over a finite range"))
        }
        let step = (range.upperBound - range.lowerBound) / Double(samples - 1)
        let points = (0..<samples).map { i -> Point in
            let x = i == samples - 1 ? range.upperBound : range.lowerBound + Double(i) * step
            return Point(x, function(x))
        }
        return line(points, color: color, style: style, width: width, label: label)
    }

    /// A path through `points` with an arrowhead on each step long enough to carry one and a dot
    /// at every point: the trajectory of gradient descent over a cost surface.
    public static func path(_ points: [Point], color: Color? = nil, width: Double? = nil,
                            arrows: Bool = true, dots: Bool = true, label: String? = nil) -> Mark {
        Mark(.line(LineSpec(points: points, color: color, style: .solid, width: width,
                            arrows: arrows, vertexMarkers: dots)),
             label: label, problem: widthProblem("path", width))
    }

    /// An area between `lower` and `upper` over `x` (a confidence band, a margin).
    public static func band(x: [Double], lower: [Double], upper: [Double], color: Color? = nil,
                            opacity: Double = 0.25, label: String? = nil) -> Mark {
        var problem: PlotError?
        if lower.count != x.count {
            problem = .mismatchedLengths(mark: "band", expected: x.count, actual: lower.count)
        } else if upper.count != x.count {
            problem = .mismatchedLengths(mark: "band", expected: x.count, actual: upper.count)
        }
        return Mark(.band(BandSpec(x: x, lower: lower, upper: upper, color: color, opacity: clampOpacity(opacity))),
                    label: label, problem: problem)
    }

    /// The area between a curve and a constant baseline.
    public static func area(x: [Double], y: [Double], baseline: Double = 0, color: Color? = nil,
                            opacity: Double = 0.3, label: String? = nil) -> Mark {
        band(x: x, lower: Array(repeating: baseline, count: y.count), upper: y, color: color,
             opacity: opacity, label: label)
    }
}

func zipPoints(_ x: [Double], _ y: [Double]) -> [Point] {
    zip(x, y).map { Point($0, $1) }
}

func widthProblem(_ mark: String, _ width: Double?) -> PlotError? {
    guard let width else { return nil }
    return width.isFinite && width >= 0 && width <= 100
        ? nil : .invalidMark(mark: mark, reason: "width \(width) px must be in 0...100")
}

func clampOpacity(_ value: Double) -> Double {
    value.isFinite ? min(max(value, 0), 1) : 1
}
