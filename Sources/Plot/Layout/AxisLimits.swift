import Foundation

/// What the marks of a panel cover along one axis, gathered before choosing automatic limits.
struct AxisExtent: Sendable, Equatable {
    /// Data that gets a margin around it (lines, points, bars).
    var looseLower = Double.infinity
    var looseUpper = -Double.infinity
    /// Data that fills the plot edge to edge (heatmaps, contours, images, explicit rectangles).
    var tightLower = Double.infinity
    var tightUpper = -Double.infinity
    /// Values the margin must not cross when the data starts there (a bar baseline at 0).
    var sticky: [Double] = []

    /// Values beyond this magnitude are treated like infinities: drawn clipped, never scaled to.
    static let largestScalable = 1e300

    var isEmpty: Bool { !(looseLower <= looseUpper) && !(tightLower <= tightUpper) }

    mutating func include(_ value: Double, on scale: Scale, tight: Bool = false) {
        guard value.isFinite, abs(value) <= Self.largestScalable, scale != .log || value > 0 else { return }
        if tight {
            tightLower = min(tightLower, value)
            tightUpper = max(tightUpper, value)
        } else {
            looseLower = min(looseLower, value)
            looseUpper = max(looseUpper, value)
        }
    }

    /// Automatic limits: the tight data's range when there is any (a heatmap, a contour), else the
    /// loose data widened by `margin` of its span (in the scale's linear space). Nil without data.
    func automaticLimits(scale: Scale, margin: Double = 0.05) -> (lower: Double, upper: Double)? {
        var lower = Double.infinity, upper = -Double.infinity
        let hasTight = tightLower <= tightUpper
        if hasTight {
            // A heatmap or contour fills the plot edge to edge and sets the limits: points drawn on
            // it are clipped at its edges rather than leaving blank strips around it.
        } else if looseLower <= looseUpper {
            var a = scale.forward(looseLower), b = scale.forward(looseUpper)
            if a == b {
                // A constant: give it room around it.
                let room = scale == .log ? 0.5 : (a == 0 ? 1 : abs(a) * 0.1)
                a -= room
                b += room
            } else {
                let pad = (b - a) * margin
                let paddedA = a - pad, paddedB = b + pad
                // A margin never crosses a sticky value the data starts on (bars rise from 0).
                a = sticky.contains { scale.forward($0) <= a && scale.forward($0) > paddedA } ? a : paddedA
                b = sticky.contains { scale.forward($0) >= b && scale.forward($0) < paddedB } ? b : paddedB
            }
            lower = scale.inverse(a)
            upper = scale.inverse(b)
        }
        if hasTight {
            lower = min(lower, tightLower)
            upper = max(upper, tightUpper)
            if lower == upper {
                let room = lower == 0 ? 0.5 : abs(lower) * 0.1
                lower -= room
                upper += room
                if scale == .log { lower = upper / 10 }
            }
        }
        guard lower < upper, lower.isFinite, upper.isFinite else { return nil }
        return (lower, upper)
    }
}

/// Gathers the x and y extents of a panel's marks.
func extents(of marks: [Mark], xScale: Scale, yScale: Scale) -> (x: AxisExtent, y: AxisExtent) {
    var x = AxisExtent(), y = AxisExtent()
    func include(_ point: Point, tight: Bool = false) {
        // A point counts only when both coordinates can be shown, so NaN partners do not stretch an axis.
        let xOK = point.x.isFinite && abs(point.x) <= AxisExtent.largestScalable && (xScale != .log || point.x > 0)
        let yOK = point.y.isFinite && abs(point.y) <= AxisExtent.largestScalable && (yScale != .log || point.y > 0)
        guard xOK && yOK else { return }
        x.include(point.x, on: xScale, tight: tight)
        y.include(point.y, on: yScale, tight: tight)
    }
    for mark in marks {
        switch mark.kind {
        case .line(let spec): spec.points.forEach { include($0) }
        case .points(let spec): spec.points.forEach { include($0) }
        case .rectangles(let spec):
            for rect in spec.rects {
                include(Point(rect.x0, rect.y0), tight: spec.tight)
                include(Point(rect.x1, rect.y1), tight: spec.tight)
            }
            if let sticky = spec.stickyY { y.sticky.append(sticky) }
        case .band(let spec):
            for i in spec.x.indices where i < spec.lower.count && i < spec.upper.count {
                include(Point(spec.x[i], spec.lower[i]))
                include(Point(spec.x[i], spec.upper[i]))
            }
        case .rule(let spec):
            if spec.horizontal { y.include(spec.value, on: yScale) } else { x.include(spec.value, on: xScale) }
        case .cells(let spec):
            if let first = spec.xEdges.first, let last = spec.xEdges.last,
               let bottom = spec.yEdges.first, let top = spec.yEdges.last {
                include(Point(first, bottom), tight: true)
                include(Point(last, top), tight: true)
            }
        case .text:
            break
        case .arrow(let spec):
            include(spec.from)
            include(spec.to)
        case .contour(let spec):
            includeGrid(spec.grid)
        case .filledContour(let spec):
            includeGrid(spec.grid)
        }
    }
    func includeGrid(_ grid: Grid2D) {
        if let x0 = grid.xs.first, let x1 = grid.xs.last, let y0 = grid.ys.first, let y1 = grid.ys.last {
            include(Point(x0, y0), tight: true)
            include(Point(x1, y1), tight: true)
        }
    }
    return (x, y)
}

/// The limits of one axis: explicit ones checked, or automatic ones from the data.
func resolveLimits(axis: Axis, name: String, extent: AxisExtent, otherHasData: Bool,
                   panel: Int) throws -> (lower: Double, upper: Double) {
    if let limits = axis.limits {
        let lower = limits.lowerBound, upper = limits.upperBound
        guard lower.isFinite, upper.isFinite, lower < upper else {
            throw PlotError.invalidLimits(axis: name, lower: lower, upper: upper)
        }
        if axis.scale == .log && lower <= 0 {
            throw PlotError.nonPositiveLogLimits(axis: name, lower: lower, upper: upper)
        }
        return (lower, upper)
    }
    if let automatic = extent.automaticLimits(scale: axis.scale) { return automatic }
    // Hand-placed ticks can stand in for data (an axis of class names with only rules on it).
    if let ticks = axis.ticks?.map(\.value).filter({ $0.isFinite && (axis.scale != .log || $0 > 0) }),
       let lo = ticks.min(), let hi = ticks.max() {
        return lo < hi ? (lo, hi) : (axis.scale == .log ? (lo / 10, hi * 10) : (lo - 0.5, hi + 0.5))
    }
    guard otherHasData else {
        throw axis.scale == .log ? PlotError.noPositiveDataForLogScale(axis: name) : PlotError.noFiniteData(panel: panel)
    }
    if axis.scale == .log { throw PlotError.noPositiveDataForLogScale(axis: name) }
    return (0, 1)
}
