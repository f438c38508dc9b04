extension Mark {
    /// Vertical bars centred on `x`, rising from `baseline` to `heights[i]`.
    ///
    /// - Parameter width: bar width in data units; nil uses 80% of the closest spacing of `x`.
    public static func bars(x: [Double], heights: [Double], width: Double? = nil, baseline: Double = 0,
                            color: Color? = nil, label: String? = nil) -> Mark {
        if x.count != heights.count {
            return Mark(.rectangles(RectangleSpec(rects: [], fill: color, opacity: 1, stroke: nil)), label: label,
                        problem: .mismatchedLengths(mark: "bars", expected: x.count, actual: heights.count))
        }
        if let width, !(width.isFinite && width > 0) {
            return Mark(.rectangles(RectangleSpec(rects: [], fill: color, opacity: 1, stroke: nil)), label: label,
                        problem: .invalidMark(mark: "bars", reason: "width \(width) must be finite and above zero"))
        }
        let barWidth = width ?? 0.8 * closestSpacing(x)
        let rects = zip(x, heights).map { x, height in
            DataRect(x0: x - barWidth / 2, x1: x + barWidth / 2, y0: baseline, y1: height)
        }
        return Mark(.rectangles(RectangleSpec(rects: rects, fill: color, opacity: 1, stroke: nil,
                                              stickyY: baseline.isFinite ? baseline : nil)),
                    label: label)
    }

    /// Bars of a binned distribution: `counts[i]` over `edges[i]...edges[i + 1]`, touching each other.
    public static func histogram(edges: [Double], counts: [Double], color: Color? = nil,
                                 opacity: Double = 0.85, label: String? = nil) -> Mark {
        guard edges.count == counts.count + 1 else {
            return Mark(.rectangles(RectangleSpec(rects: [], fill: color, opacity: 1, stroke: nil)), label: label,
                        problem: .mismatchedLengths(mark: "histogram (edges vs. counts + 1)",
                                                    expected: edges.count, actual: counts.count + 1))
        }
        let rects = counts.indices.map { DataRect(x0: edges[$0], x1: edges[$0 + 1], y0: 0, y1: counts[$0]) }
        return Mark(.rectangles(RectangleSpec(rects: rects, fill: color, opacity: clampOpacity(opacity),
                                              stroke: .white, stickyY: 0)),
                    label: label)
    }

    /// One rectangle in data coordinates, filled and/or outlined (a region to highlight, a margin).
    public static func rectangle(x: ClosedRange<Double>, y: ClosedRange<Double>, fill: Color? = nil,
                                 opacity: Double = 0.2, stroke: Color? = nil, label: String? = nil) -> Mark {
        let rect = DataRect(x0: x.lowerBound, x1: x.upperBound, y0: y.lowerBound, y1: y.upperBound)
        return Mark(.rectangles(RectangleSpec(rects: [rect], fill: fill ?? (stroke == nil ? nil : .clear),
                                              opacity: clampOpacity(opacity), stroke: stroke, tight: true)),
                    label: label)
    }
}

extension Color {
    /// Fully transparent.
    static let clear = Color(red: 0, green: 0, blue: 0, alpha: 0)
}

/// The smallest positive distance between sorted finite values, or 1 when there is none.
func closestSpacing(_ values: [Double]) -> Double {
    let sorted = values.filter(\.isFinite).sorted()
    var best = Double.infinity
    for i in sorted.indices.dropFirst() {
        let gap = sorted[i] - sorted[i - 1]
        if gap > 0 && gap < best { best = gap }
    }
    return best.isFinite ? best : 1
}

extension Mark {
    /// A histogram of `values` (NaN and infinities ignored): counts, or a density whose bar areas
    /// sum to 1 so that a probability density curve can be drawn over it.
    public static func histogram(_ values: [Double], bins: HistogramBins = .auto, density: Bool = false,
                                 color: Color? = nil, opacity: Double = 0.85, label: String? = nil) -> Mark {
        let histogram: Histogram
        do {
            histogram = try Histogram(values, bins: bins)
        } catch {
            return Mark(.rectangles(RectangleSpec(rects: [], fill: color, opacity: 1, stroke: nil)), label: label,
                        problem: .invalidMark(mark: "histogram", reason: error.description))
        }
        return self.histogram(histogram, density: density, color: color, opacity: opacity, label: label)
    }

    /// Bars of a computed ``Histogram``.
    public static func histogram(_ histogram: Histogram, density: Bool = false, color: Color? = nil,
                                 opacity: Double = 0.85, label: String? = nil) -> Mark {
        let heights = density ? histogram.density() : histogram.counts.map(Double.init)
        return self.histogram(edges: histogram.edges, counts: heights, color: color, opacity: opacity, label: label)
    }
}
