/// The region of a grid where a function lies in lower <= f < upper.
public struct ContourBand: Sendable, Equatable {
    /// Inclusive lower bound; -infinity for the band below the first level.
    public var lower: Double
    /// Exclusive upper bound; +infinity for the band above the last level.
    public var upper: Double
    /// Counter-clockwise polygons (for increasing grid coordinates) that tile the band without gaps or
    /// overlaps: rectangles for runs of cells wholly inside the band and the clipped parts of the cells
    /// its borders cross. Fill them as one path (nonzero winding) to get a seamless region.
    public var polygons: [[Point]]

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
    /// Complexity: O(cells x log(levels) + output), one pass over the grid.
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

/// One pass over the cells: a cell inside one band extends a run of whole cells, a cell that a
/// border crosses is cut into the parts of each band it touches.
struct BandBuilder {
    let grid: Grid2D
    let levels: [Double]
    /// Polygons per band.
    var polygons: [[[Point]]]

    init(grid: Grid2D, levels: [Double]) {
        self.grid = grid
        self.levels = levels
        polygons = Array(repeating: [], count: levels.count + 1)
    }

    /// The band of every grid node (number of levels <= value), or -1 for NaN and infinity.
    private func nodeBands() -> [Int32] {
        let levels = levels
        return grid.values.map { value in
            guard value.isFinite else { return -1 }
            var low = 0, high = levels.count
            while low < high {
                let mid = (low + high) / 2
                if levels[mid] <= value { low = mid + 1 } else { high = mid }
            }
            return Int32(low)
        }
    }

    mutating func build() {
        let nx = grid.xs.count, ny = grid.ys.count
        let bandOf = nodeBands()
        var cell = CellCutter()
        grid.values.withUnsafeBufferPointer { v in
            grid.xs.withUnsafeBufferPointer { xs in
                grid.ys.withUnsafeBufferPointer { ys in
                    bandOf.withUnsafeBufferPointer { bandOf in
                        for j in 0..<(ny - 1) {
                            let row = j * nx
                            var runBand = -1, runStart = 0
                            func flushRun(endingAt end: Int) {
                                guard runBand >= 0 else { return }
                                polygons[runBand].append([
                                    Point(xs[runStart], ys[j]), Point(xs[end], ys[j]),
                                    Point(xs[end], ys[j + 1]), Point(xs[runStart], ys[j + 1]),
                                ])
                                runBand = -1
                            }
                            for i in 0..<(nx - 1) {
                                let b0 = Int(bandOf[row + i]), b1 = Int(bandOf[row + i + 1])
                                let b2 = Int(bandOf[row + nx + i + 1]), b3 = Int(bandOf[row + nx + i])
                                let lowest = min(b0, b1, b2, b3), highest = max(b0, b1, b2, b3)
                                if lowest < 0 {
                                    flushRun(endingAt: i)
                                    continue
                                }
                                if lowest == highest {
                                    if runBand != lowest {
                                        flushRun(endingAt: i)
                                        runBand = lowest
                                        runStart = i
                                    }
                                    continue
                                }
                                flushRun(endingAt: i)
                                cell.load(
                                    values: (v[row + i], v[row + i + 1], v[row + nx + i + 1], v[row + nx + i]),
                                    bands: (b0, b1, b2, b3),
                                    x0: xs[i], x1: xs[i + 1], y0: ys[j], y1: ys[j + 1]
                                )
                                for k in lowest...highest {
                                    cell.cut(
                                        band: k,
                                        lower: k > 0 ? levels[k - 1] : -.infinity,
                                        upper: k < levels.count ? levels[k] : .infinity
                                    ) { polygons[k].append($0) }
                                }
                            }
                            flushRun(endingAt: nx - 1)
                        }
                    }
                }
            }
        }
    }
}

/// Cuts one grid cell into the part that lies in one band, walking the cell's border
/// counter-clockwise and jumping along contour segments where the border leaves the band.
struct CellCutter {
    // The cell: corner values, bands and positions, c0...c3 counter-clockwise.
    private var v = (0.0, 0.0, 0.0, 0.0)
    private var b = (0, 0, 0, 0)
    private var x0 = 0.0, x1 = 0.0, y0 = 0.0, y1 = 0.0
    private var centre = 0.0

    /// Border events: corners and level crossings, at most 4 + 2 x 4.
    private struct Event {
        var point: Point
        /// -1 for a corner, otherwise 0 (the band's lower level) or 1 (its upper level).
        var level: Int
        var edge: Int
        /// Whether the border just after this event lies inside the band.
        var insideAfter: Bool
    }
    private var events: [Event] = []
    /// Index of the crossing event of level 0/1 on edge 0...3, or -1.
    private var crossingEvent = [Int](repeating: -1, count: 8)
    private var visited = [Bool](repeating: false, count: 12)

    init() {
        events.reserveCapacity(12)
    }

    mutating func load(
        values: (Double, Double, Double, Double), bands: (Int, Int, Int, Int),
        x0: Double, x1: Double, y0: Double, y1: Double
    ) {
        v = values
        b = bands
        (self.x0, self.x1, self.y0, self.y1) = (x0, x1, y0, y1)
        centre = (values.0 + values.1 + values.2 + values.3) / 4
    }

    @inline(__always) private func value(_ c: Int) -> Double {
        switch c { case 0: v.0; case 1: v.1; case 2: v.2; default: v.3 }
    }

    @inline(__always) private func band(_ c: Int) -> Int {
        switch c { case 0: b.0; case 1: b.1; case 2: b.2; default: b.3 }
    }

    @inline(__always) private func corner(_ c: Int) -> Point {
        switch c {
        case 0: Point(x0, y0)
        case 1: Point(x1, y0)
        case 2: Point(x1, y1)
        default: Point(x0, y1)
        }
    }

    /// The crossing of `level` on `edge`, computed from the edge's lower grid node as
    /// ``LineTracer`` does, so neighbouring cells and contour lines agree exactly.
    @inline(__always) private func crossing(_ level: Double, edge: Int) -> Point {
        switch edge {
        case 0: MarchingSquares.crossing(level: level, from: v.0, to: v.1, xa: x0, ya: y0, xb: x1, yb: y0)
        case 1: MarchingSquares.crossing(level: level, from: v.1, to: v.2, xa: x1, ya: y0, xb: x1, yb: y1)
        case 2: MarchingSquares.crossing(level: level, from: v.3, to: v.2, xa: x0, ya: y1, xb: x1, yb: y1)
        default: MarchingSquares.crossing(level: level, from: v.0, to: v.3, xa: x0, ya: y0, xb: x0, yb: y1)
        }
    }

    /// Emits the polygons (one, or two in a saddle cell) of band `k` = [lower, upper) in this cell.
    mutating func cut(band k: Int, lower: Double, upper: Double, emit: ([Point]) -> Void) {
        // Class of a corner relative to the band: 0 below, 1 inside, 2 above.
        func side(_ c: Int) -> Int {
            let bc = band(c)
            return bc < k ? 0 : (bc == k ? 1 : 2)
        }
        events.removeAll(keepingCapacity: true)
        for i in 0..<8 { crossingEvent[i] = -1 }
        var crossedMask = (0, 0)  // per level: bit e when the level crosses edge e
        for c in 0..<4 {
            let here = side(c), next = side((c + 1) & 3)
            events.append(Event(point: corner(c), level: -1, edge: c, insideAfter: here == 1))
            if here == next { continue }
            // Crossings along the edge in walking order: rising through lower then upper, or falling.
            let rising = here < next
            var level = rising ? here : here - 1
            let last = rising ? next - 1 : next
            while true {
                let value = level == 0 ? lower : upper
                crossingEvent[level * 4 + c] = events.count
                events.append(Event(
                    point: crossing(value, edge: c), level: level, edge: c,
                    insideAfter: rising ? level == 0 : level == 1))
                if level == 0 { crossedMask.0 |= 1 << c } else { crossedMask.1 |= 1 << c }
                if level == last { break }
                level += rising ? 1 : -1
            }
        }
        let count = events.count
        for i in 0..<count { visited[i] = false }
        for start in 0..<count where events[start].level >= 0 && events[start].insideAfter && !visited[start] {
            var polygon: [Point] = []
            polygon.reserveCapacity(8)
            var e = start
            var steps = 0
            repeat {
                visited[e] = true
                append(events[e].point, to: &polygon)
                var f = (e + 1) % count
                while events[f].level < 0 {
                    append(events[f].point, to: &polygon)
                    f = (f + 1) % count
                }
                // f leaves the band: follow its contour segment to where the border re-enters.
                let exit = events[f]
                append(exit.point, to: &polygon)
                let levelValue = exit.level == 0 ? lower : upper
                let mask = exit.level == 0 ? crossedMask.0 : crossedMask.1
                let partnerEdge = MarchingSquares.partner(
                    of: exit.edge, crossed: mask,
                    corner0Above: value(0) >= levelValue, centreAbove: centre >= levelValue)
                e = crossingEvent[exit.level * 4 + partnerEdge]
                steps += 1
            } while e != start && e >= 0 && steps < 8
            if polygon.count > 1 && polygon[polygon.count - 1] == polygon[0] { polygon.removeLast() }
            // A band that only touches the cell at a corner or along an edge leaves no area.
            if polygon.count >= 3 && abs(Self.twiceArea(polygon)) > 1e-12 * abs((x1 - x0) * (y1 - y0)) {
                emit(polygon)
            }
        }
    }

    /// Twice the signed area of a polygon (positive when counter-clockwise).
    @inline(__always) private static func twiceArea(_ polygon: [Point]) -> Double {
        var sum = 0.0
        var previous = polygon[polygon.count - 1]
        for point in polygon {
            sum += previous.x * point.y - point.x * previous.y
            previous = point
        }
        return sum
    }

    /// Appends `point` unless it repeats the last one (a crossing that falls on a corner).
    @inline(__always) private func append(_ point: Point, to polygon: inout [Point]) {
        if polygon.last != point { polygon.append(point) }
    }
}
