import Foundation

/// The contour lines of one level: polylines in data coordinates.
public struct ContourLines: Sendable, Equatable {
    /// The value along the lines.
    public var level: Double
    /// Joined polylines; a closed curve repeats its first point at the end.
    public var polylines: [[Point]]

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
        return tracer.trace(level: level)
    }

    /// The contour lines of several levels, sharing one set of working buffers.
    public static func lines(_ grid: Grid2D, levels: [Double]) -> [ContourLines] {
        guard var tracer = LineTracer(grid) else {
            return levels.map { ContourLines(level: $0, polylines: []) }
        }
        return levels.map { level in
            ContourLines(level: level, polylines: level.isFinite ? tracer.trace(level: level) : [])
        }
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
    /// values, each rounded to two significant digits: for surfaces with a deep bowl, such as a cost
    /// J(w, b), where even levels would crowd the rim and leave the minimum empty.
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
        let ratios = Sampling.geomspace(from, to, count: count + 2).dropFirst().dropLast()
        var levels: [Double] = []
        for value in ratios {
            let rounded = offset == 0 ? roundedToTwoDigits(value) : offset + value
            if rounded > low, rounded < high, rounded != levels.last { levels.append(rounded) }
        }
        return levels
    }

    /// `value` rounded to two significant digits, as the double nearest the decimal (0.0123 -> 0.012).
    static func roundedToTwoDigits(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let exponent = Ticks.decimalExponent(abs(value)) - 1
        let digits = (value / Ticks.powerOfTen(exponent)).rounded()
        return Ticks.scaled(Int(digits), exponent: exponent)
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

/// Marching squares for lines: every crossed grid edge gets at most two links (one per cell on
/// either side), so the crossings form paths and cycles that are then walked into polylines.
struct LineTracer {
    let grid: Grid2D
    let nx: Int, ny: Int
    /// Number of horizontal edges; vertical edge ids follow them.
    let horizontalCount: Int
    /// Two neighbour edge ids per edge (-1: none).
    var links: [Int32]
    var visited: [Bool]
    /// Edges with at least one link, in discovery order (to reset and to walk).
    var touched: [Int32] = []

    init?(_ grid: Grid2D) {
        nx = grid.xs.count
        ny = grid.ys.count
        guard nx >= 2, ny >= 2 else { return nil }
        self.grid = grid
        horizontalCount = (nx - 1) * ny
        let edgeCount = horizontalCount + nx * (ny - 1)
        links = [Int32](repeating: -1, count: 2 * edgeCount)
        visited = [Bool](repeating: false, count: edgeCount)
    }

    mutating func trace(level: Double) -> [[Point]] {
        link(level: level)
        let polylines = walk(level: level)
        for e in touched {
            links[2 * Int(e)] = -1
            links[2 * Int(e) + 1] = -1
            visited[Int(e)] = false
        }
        touched.removeAll(keepingCapacity: true)
        return polylines
    }

    /// Classifies every cell and links the edges its segments join.
    private mutating func link(level: Double) {
        let nx = nx, ny = ny, horizontalCount = horizontalCount
        grid.values.withUnsafeBufferPointer { v in
            links.withUnsafeMutableBufferPointer { links in
                func connect(_ a: Int, _ b: Int, _ touched: inout [Int32]) {
                    if links[2 * a] < 0 { links[2 * a] = Int32(b); touched.append(Int32(a)) } else { links[2 * a + 1] = Int32(b) }
                    if links[2 * b] < 0 { links[2 * b] = Int32(a); touched.append(Int32(b)) } else { links[2 * b + 1] = Int32(a) }
                }
                for j in 0..<(ny - 1) {
                    let row = j * nx
                    for i in 0..<(nx - 1) {
                        let v0 = v[row + i], v1 = v[row + i + 1]
                        let v2 = v[row + nx + i + 1], v3 = v[row + nx + i]
                        let a0 = v0 >= level, a1 = v1 >= level, a2 = v2 >= level, a3 = v3 >= level
                        // All above or all below (or NaN, which compares false everywhere): nothing here.
                        if a0 == a1 && a1 == a2 && a2 == a3 { continue }
                        guard v0.isFinite, v1.isFinite, v2.isFinite, v3.isFinite else { continue }
                        var crossed = 0
                        if a0 != a1 { crossed |= 1 }
                        if a1 != a2 { crossed |= 2 }
                        if a2 != a3 { crossed |= 4 }
                        if a3 != a0 { crossed |= 8 }
                        let edgeIDs = (
                            j * (nx - 1) + i,                     // 0: bottom
                            horizontalCount + j * nx + i + 1,     // 1: right
                            (j + 1) * (nx - 1) + i,               // 2: top
                            horizontalCount + j * nx + i          // 3: left
                        )
                        func id(_ e: Int) -> Int {
                            switch e {
                            case 0: edgeIDs.0
                            case 1: edgeIDs.1
                            case 2: edgeIDs.2
                            default: edgeIDs.3
                            }
                        }
                        let centreAbove = (v0 + v1 + v2 + v3) / 4 >= level
                        var remaining = crossed
                        while remaining != 0 {
                            let e = remaining.trailingZeroBitCount
                            let f = MarchingSquares.partner(
                                of: e, crossed: crossed, corner0Above: a0, centreAbove: centreAbove)
                            remaining &= ~(1 << e | 1 << f)
                            connect(id(e), id(f), &touched)
                        }
                    }
                }
            }
        }
    }

    /// The crossing point on grid edge `id`.
    @inline(__always)
    private func point(_ id: Int, level: Double, _ v: UnsafeBufferPointer<Double>,
                       _ xs: UnsafeBufferPointer<Double>, _ ys: UnsafeBufferPointer<Double>) -> Point {
        if id < horizontalCount {
            let j = id / (nx - 1), i = id - j * (nx - 1)
            return MarchingSquares.crossing(
                level: level, from: v[j * nx + i], to: v[j * nx + i + 1],
                xa: xs[i], ya: ys[j], xb: xs[i + 1], yb: ys[j])
        }
        let k = id - horizontalCount
        let j = k / nx, i = k - j * nx
        return MarchingSquares.crossing(
            level: level, from: v[j * nx + i], to: v[(j + 1) * nx + i],
            xa: xs[i], ya: ys[j], xb: xs[i], yb: ys[j + 1])
    }

    /// Walks open paths from their ends first, then the remaining cycles.
    private mutating func walk(level: Double) -> [[Point]] {
        var polylines: [[Point]] = []
        grid.values.withUnsafeBufferPointer { v in
            grid.xs.withUnsafeBufferPointer { xs in
                grid.ys.withUnsafeBufferPointer { ys in
                    for pass in 0..<2 {
                        for start in touched {
                            let s = Int(start)
                            if visited[s] { continue }
                            let isEnd = links[2 * s + 1] < 0
                            if pass == 0 && !isEnd { continue }
                            var polyline: [Point] = []
                            var previous = -1, current = s
                            while true {
                                visited[current] = true
                                polyline.append(point(current, level: level, v, xs, ys))
                                let first = Int(links[2 * current]), second = Int(links[2 * current + 1])
                                let next = first != previous ? first : second
                                if next < 0 { break }
                                if next == s {
                                    polyline.append(polyline[0])
                                    break
                                }
                                if visited[next] { break }
                                previous = current
                                current = next
                            }
                            if polyline.count >= 2 { polylines.append(polyline) }
                        }
                    }
                }
            }
        }
        return polylines
    }
}
