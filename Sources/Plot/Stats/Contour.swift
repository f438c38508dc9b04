import Foundation

/// The contour lines of one level: polylines in data coordinates.
public struct ContourLines: Sendable, Equatable {
    /// The value along the lines.
    public var level: Double
    /// Joined polylines; a closed curve repeats its first point at the end.
    public var polylines: [[Point]]

    /// Lines of `level` made of `polylines`.
    public init(level: Double, polylines: [[Point]]) {
        self.level = level
        self.polylines = polylines
    }
}

/// Contour lines and filled contour bands of a function sampled on a grid (marching squares).
///
/// The field is taken as linear along every grid edge; inside a cell, a contour is the straight
/// segment between the points where it crosses the cell's edges. Saddle cells (two opposite corners
/// above the level, two below) are decided by the mean of the four corners. Cells with a NaN or
/// infinite corner are left out, so missing data shows as a hole, never as a wrong line.
///
/// ```swift
/// let grid = Sampling.grid(x: -2...2, y: -2...2, nx: 101, ny: 101) { x, y in x * x + y * y }
/// let circle = Contour.lines(grid, level: 1)     // one closed polyline of radius ~1
/// let bands = Contour.bands(grid, levels: [1, 2, 3])
/// ```
public enum Contour {
    // MARK: Lines

    /// The contour lines of `level`, with segments joined across cells into long polylines.
    ///
    /// A closed curve repeats its first point at the end; an open one ends at the grid border or at a
    /// missing cell. A grid with fewer than two columns or rows, or a NaN or infinite level, has none.
    ///
    /// Complexity: O(cells + points); memory for the links of every grid edge, allocated once.
    public static func lines(_ grid: Grid2D, level: Double) -> [[Point]] {
        guard level.isFinite, var tracer = LineTracer(grid) else { return [] }
        return tracer.trace(levels: [level])[0]
    }

    /// The contour lines of several levels (in the given order) from one pass over the grid: each
    /// cell is visited once and only the levels between its smallest and largest corner are traced.
    ///
    /// Complexity: O(cells x log(levels) + points).
    public static func lines(_ grid: Grid2D, levels: [Double]) -> [ContourLines] {
        guard var tracer = LineTracer(grid) else {
            return levels.map { ContourLines(level: $0, polylines: []) }
        }
        let polylines = tracer.trace(levels: levels)
        return zip(levels, polylines).map { ContourLines(level: $0, polylines: $1) }
    }

    // MARK: Levels

    /// About `count` (at most `count`) nice levels (1, 2, 2.5, 5 x 10^k steps, see ``Ticks``) strictly
    /// between the grid's smallest and largest finite values. Empty for a constant or empty grid.
    public static func niceLevels(_ grid: Grid2D, count: Int) -> [Double] {
        guard count > 0, let (low, high) = finiteRange(grid.values), high > low else { return [] }
        // Ticks at the ends of the range would be degenerate contours: keep the ones inside.
        var intervals = count + 1
        while intervals >= 1 {
            let inside = Ticks.linear(lower: low, upper: high, maxIntervals: intervals).values
                .filter { $0 > low && $0 < high }
            if inside.count <= count { return inside }
            intervals -= 1
        }
        return []
    }

    /// `count` levels spaced evenly in log scale between the grid's smallest and largest finite
    /// values, each rounded to two significant digits of its distance to the next level (so labels
    /// stay short): for surfaces with a deep bowl, such as a cost J(w, b), where even levels would
    /// crowd the rim and leave the minimum empty.
    ///
    /// When the smallest value is not positive, the levels are placed as min + d with d log-spaced from
    /// (max - min) / 1000 to (max - min). Empty for a constant or empty grid.
    public static func logLevels(_ grid: Grid2D, count: Int) -> [Double] {
        guard count > 0, let (low, high) = finiteRange(grid.values), high > low else { return [] }
        let offset: Double
        let from: Double, to: Double
        if low > 0 {
            (offset, from, to) = (0, low, high)
        } else {
            (offset, from, to) = (low, (high - low) / 1000, high - low)
        }
        // count + 2 points with the ends dropped: levels strictly inside the range.
        let raw = Sampling.geomspace(from, to, count: count + 2).dropFirst().dropLast().map { offset + $0 }
        var levels: [Double] = []
        for (k, value) in raw.enumerated() {
            // Round to two digits of the gap to the nearest neighbour, so labels stay short.
            let previousGap = k > 0 ? value - raw[k - 1] : .infinity
            let nextGap = k + 1 < raw.count ? raw[k + 1] - value : .infinity
            let gap = min(previousGap, nextGap, high - low)
            let rounded = roundedToGap(value, gap: gap)
            let level = rounded > low && rounded < high && rounded > (levels.last ?? -.infinity) ? rounded : value
            if level > (levels.last ?? -.infinity) { levels.append(level) }
        }
        return levels
    }

    /// `value` rounded to a multiple of 10^(floor(log10(gap)) - 1): two significant digits of the gap.
    static func roundedToGap(_ value: Double, gap: Double) -> Double {
        guard value.isFinite, gap > 0, gap.isFinite else { return value }
        let exponent = Ticks.decimalExponent(gap) - 1
        let units = (value / Ticks.powerOfTen(exponent)).rounded()
        guard abs(units) < 1e15 else { return value }
        return Ticks.scaled(Int(units), exponent: exponent)
    }

    /// Smallest and largest finite values, or nil when there are none.
    static func finiteRange(_ values: [Double]) -> (Double, Double)? {
        var low = Double.infinity, high = -Double.infinity
        for v in values where v.isFinite {
            low = min(low, v)
            high = max(high, v)
        }
        return low <= high ? (low, high) : nil
    }
}
