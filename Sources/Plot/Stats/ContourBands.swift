/// The region of a grid where a function lies in lower <= f < upper.
public struct ContourBand: Sendable, Equatable {
    /// Inclusive lower bound; -infinity for the band below the first level.
    public var lower: Double
    /// Exclusive upper bound; +infinity for the band above the last level.
    public var upper: Double
    /// Counter-clockwise polygons (for increasing grid coordinates) that tile the band without gaps or
    /// overlaps: within each row of grid cells, one polygon per connected stretch of the band. Fill
    /// them as one path (nonzero winding) to get a seamless region.
    public var polygons: [[Point]]

    /// The band lower <= f < upper covered by `polygons`.
    public init(lower: Double, upper: Double, polygons: [[Point]]) {
        self.lower = lower
        self.upper = upper
        self.polygons = polygons
    }
}

extension Contour {
    /// Filled contour bands between consecutive levels.
    ///
    /// The levels are sorted, with duplicates and non-finite values dropped; for n levels the result
    /// has n + 1 bands: (-inf, l0), [l0, l1), ..., [l(n-1), +inf), in that order, so band k can take
    /// colour k and together the bands cover every cell without a NaN or infinite corner. A band may
    /// have no polygons. The borders of the bands are exactly the segments of ``lines(_:level:)``.
    ///
    /// Complexity: O(cells x log(levels) + output) in one pass over the grid, with no allocation
    /// per cell.
    public static func bands(_ grid: Grid2D, levels: [Double]) -> [ContourBand] {
        let levels = Array(Set(levels.filter(\.isFinite))).sorted()
        var bands = (0...levels.count).map { k in
            ContourBand(
                lower: k == 0 ? -.infinity : levels[k - 1],
                upper: k == levels.count ? .infinity : levels[k],
                polygons: []
            )
        }
        let nx = grid.xs.count, ny = grid.ys.count
        guard nx >= 2, ny >= 2 else { return bands }
        var builder = BandBuilder(grid: grid, levels: levels)
        builder.build()
        for k in bands.indices {
            bands[k].polygons = builder.polygons[k]
        }
        return bands
    }
}
