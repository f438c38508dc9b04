import Foundation

/// How data values map to positions along an axis.
public enum Scale: Sendable, Equatable {
    /// Equal steps in data are equal steps on screen.
    case linear
    /// Equal ratios are equal steps (base 10); every value shown must be above zero.
    case log

    /// The value in the space where the mapping is linear.
    @inline(__always)
    func forward(_ value: Double) -> Double {
        switch self {
        case .linear: return value
        case .log: return value > 0 ? Foundation.log10(value) : -.infinity
        }
    }

    @inline(__always)
    func inverse(_ value: Double) -> Double {
        switch self {
        case .linear: return value
        case .log: return Foundation.pow(10, value)
        }
    }
}

/// The data-to-pixel transform of one axis: data `lower...upper` onto pixels `start...end`.
///
/// For a y axis `start` is the bottom pixel and `end` the top one, so the y flip happens here
/// and nowhere else.
struct AxisMapping: Sendable, Equatable {
    var scale: Scale
    var lower: Double
    var upper: Double
    var start: Double
    var end: Double

    private var forwardLower: Double { scale.forward(lower) }
    private var forwardSpan: Double { scale.forward(upper) - scale.forward(lower) }

    /// The pixel for a data value (can fall outside the axis; NaN or ±inf for values with no place).
    @inline(__always)
    func pixel(_ value: Double) -> Double {
        let t = (scale.forward(value) - forwardLower) / forwardSpan
        return start + t * (end - start)
    }

    /// The data value at a pixel.
    func value(atPixel pixel: Double) -> Double {
        let t = (pixel - start) / (end - start)
        return scale.inverse(forwardLower + t * forwardSpan)
    }

    /// Pixels per unit of the linear space (data units for linear, decades for log).
    var pixelsPerUnit: Double { abs(end - start) / forwardSpan }
}

/// The data-to-pixel transform of a panel's plot area.
struct PlotTransform: Sendable, Equatable {
    var x: AxisMapping
    var y: AxisMapping

    @inline(__always)
    func pixel(_ point: Point) -> Point {
        Point(x.pixel(point.x), y.pixel(point.y))
    }
}
