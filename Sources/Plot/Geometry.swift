/// A point in data or pixel coordinates.
public struct Point: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// True when both coordinates are finite (neither NaN nor infinite).
    public var isFinite: Bool { x.isFinite && y.isFinite }
}

/// Values of a function sampled on a rectangular grid: `values[j * xs.count + i]` is f(xs[i], ys[j]).
///
/// Contours, filled contours and heatmaps are computed from a grid.
public struct Grid2D: Sendable, Equatable {
    /// Increasing x coordinates of the grid columns.
    public var xs: [Double]
    /// Increasing y coordinates of the grid rows.
    public var ys: [Double]
    /// Row-major samples: one row per y, one column per x.
    public var values: [Double]

    public init(xs: [Double], ys: [Double], values: [Double]) {
        precondition(values.count == xs.count * ys.count, "Grid2D needs xs.count * ys.count values")
        self.xs = xs
        self.ys = ys
        self.values = values
    }

    /// The sample at column `i` (x index) and row `j` (y index).
    @inlinable
    public subscript(i: Int, j: Int) -> Double {
        values[j * xs.count + i]
    }
}
