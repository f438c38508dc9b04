/// Marching squares for lines.
///
/// One pass over the cells records, for every level, the segments as pairs of grid-edge ids. Every
/// crossed grid edge then has at most two segments (one per cell on either side), so per level the
/// segments form paths and cycles, which are walked into polylines.
struct LineTracer {
    let grid: Grid2D
    let nx: Int, ny: Int
    /// Number of horizontal edges (id j * (nx - 1) + i); vertical edge ids follow them
    /// (horizontalCount + j * nx + i).
    let horizontalCount: Int
    /// Two neighbour edge ids per edge (-1: none), reset after each level.
    private var links: [Int32]
    private var visited: [Bool]
    /// Edges with at least one link, in discovery order (to reset and to walk).
    private var touched: [Int32] = []

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

    /// Polylines for each level, in the order given; NaN or infinite levels get none.
    mutating func trace(levels: [Double]) -> [[[Point]]] {
        // Sorted finite levels with their positions in the caller's list.
        let order = levels.indices.filter { levels[$0].isFinite }.sorted { levels[$0] < levels[$1] }
        let sorted = order.map { levels[$0] }
        let segments = collectSegments(sorted)
        var result = [[[Point]]](repeating: [], count: levels.count)
        for (k, index) in order.enumerated() where !segments[k].isEmpty {
            result[index] = polylines(segments[k], level: sorted[k])
        }
        return result
    }

    /// Segments (pairs of edge ids) of every level, from one pass over the cells.
    private func collectSegments(_ levels: [Double]) -> [[Int32]] {
        var segments = [[Int32]](repeating: [], count: levels.count)
        guard !levels.isEmpty else { return segments }
        let nx = nx, ny = ny, horizontalCount = horizontalCount
        grid.values.withUnsafeBufferPointer { v in
            levels.withUnsafeBufferPointer { levels in
                for j in 0..<(ny - 1) {
                    let row = j * nx
                    for i in 0..<(nx - 1) {
                        let v0 = v[row + i], v1 = v[row + i + 1]
                        let v2 = v[row + nx + i + 1], v3 = v[row + nx + i]
                        let low = min(min(v0, v1), min(v2, v3)), high = max(max(v0, v1), max(v2, v3))
                        // A level crosses the cell when some corner is below it and some at or above.
                        guard low < high, high >= levels[0], low < levels[levels.count - 1] else { continue }
                        guard v0.isFinite, v1.isFinite, v2.isFinite, v3.isFinite else { continue }
                        // First level above `low`.
                        var k = 0, upper = levels.count
                        while k < upper {
                            let mid = (k + upper) >> 1
                            if levels[mid] <= low { k = mid + 1 } else { upper = mid }
                        }
                        let ids = (
                            Int32(j * (nx - 1) + i),                  // 0: bottom
                            Int32(horizontalCount + j * nx + i + 1),  // 1: right
                            Int32((j + 1) * (nx - 1) + i),            // 2: top
                            Int32(horizontalCount + j * nx + i)       // 3: left
                        )
                        let centre = (v0 + v1 + v2 + v3) / 4
                        while k < levels.count && levels[k] <= high {
                            let level = levels[k]
                            let a0 = v0 >= level, a1 = v1 >= level, a2 = v2 >= level, a3 = v3 >= level
                            var crossed = 0
                            if a0 != a1 { crossed |= 1 }
                            if a1 != a2 { crossed |= 2 }
                            if a2 != a3 { crossed |= 4 }
                            if a3 != a0 { crossed |= 8 }
                            var remaining = crossed
                            while remaining != 0 {
                                let e = remaining.trailingZeroBitCount
                                let f = MarchingSquares.partner(
                                    of: e, crossed: crossed, corner0Above: a0, centreAbove: centre >= level)
                                remaining &= ~(1 << e | 1 << f)
                                segments[k].append(Self.edgeID(e, ids))
                                segments[k].append(Self.edgeID(f, ids))
                            }
                            k += 1
                        }
                    }
                }
            }
        }
        return segments
    }

    @inline(__always)
    private static func edgeID(_ e: Int, _ ids: (Int32, Int32, Int32, Int32)) -> Int32 {
        switch e {
        case 0: ids.0
        case 1: ids.1
        case 2: ids.2
        default: ids.3
        }
    }

    /// Links one level's segments, walks them into polylines and resets the links it used.
    private mutating func polylines(_ segments: [Int32], level: Double) -> [[Point]] {
        links.withUnsafeMutableBufferPointer { links in
            for s in stride(from: 0, to: segments.count, by: 2) {
                let a = Int(segments[s]), b = Int(segments[s + 1])
                if links[2 * a] < 0 { links[2 * a] = Int32(b); touched.append(Int32(a)) } else { links[2 * a + 1] = Int32(b) }
                if links[2 * b] < 0 { links[2 * b] = Int32(a); touched.append(Int32(b)) } else { links[2 * b + 1] = Int32(a) }
            }
        }
        let result = walk(level: level)
        for e in touched {
            links[2 * Int(e)] = -1
            links[2 * Int(e) + 1] = -1
            visited[Int(e)] = false
        }
        touched.removeAll(keepingCapacity: true)
        return result
    }

    /// The crossing point on grid edge `id`, from the edge's lower node as the bands compute it.
    @inline(__always)
    private static func point(
        _ id: Int, level: Double, nx: Int, horizontalCount: Int, _ v: UnsafeBufferPointer<Double>,
        _ xs: UnsafeBufferPointer<Double>, _ ys: UnsafeBufferPointer<Double>
    ) -> Point {
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
        let nx = nx, horizontalCount = horizontalCount, touched = touched
        grid.values.withUnsafeBufferPointer { v in
            grid.xs.withUnsafeBufferPointer { xs in
                grid.ys.withUnsafeBufferPointer { ys in
                    links.withUnsafeBufferPointer { links in
                        visited.withUnsafeMutableBufferPointer { visited in
                            for pass in 0..<2 {
                                for start in touched {
                                    let s = Int(start)
                                    if visited[s] { continue }
                                    // Pass 0 starts at path ends (one link), pass 1 takes the cycles left.
                                    if pass == 0 && links[2 * s + 1] >= 0 { continue }
                                    var polyline: [Point] = []
                                    var previous = -1, current = s
                                    while true {
                                        visited[current] = true
                                        polyline.append(Self.point(
                                            current, level: level, nx: nx, horizontalCount: horizontalCount,
                                            v, xs, ys))
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
            }
        }
        return polylines
    }
}
