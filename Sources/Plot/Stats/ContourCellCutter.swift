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
    // Fixed scratch storage, allocated once per pass (a cell needs at most 12 events), so cutting a
    // cell allocates nothing.
    private let events = UnsafeMutablePointer<Event>.allocate(capacity: 12)
    private var eventCount = 0
    /// Index of the crossing event of level 0/1 on edge 0...3, or -1.
    private let crossingEvent = UnsafeMutablePointer<Int>.allocate(capacity: 8)
    private let visited = UnsafeMutablePointer<Bool>.allocate(capacity: 12)
    /// The polygon being emitted (each event is used at most once, so 12 points suffice).
    private let polygon = UnsafeMutablePointer<Point>.allocate(capacity: 16)
    private var polygonCount = 0

    init() {}

    /// Frees the scratch storage; the cutter must not be used afterwards.
    func deallocate() {
        events.deallocate()
        crossingEvent.deallocate()
        visited.deallocate()
        polygon.deallocate()
    }

    @inline(__always) private mutating func append(_ event: Event) {
        (events + eventCount).initialize(to: event)
        eventCount += 1
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

    /// Emits the polygons (one, or two in a saddle cell) of band `k` = [lower, upper) in this cell,
    /// counter-clockwise, as a buffer that is valid during the call of `emit` only.
    mutating func cut(band k: Int, lower: Double, upper: Double, emit: (UnsafeBufferPointer<Point>) -> Void) {
        // Class of a corner relative to the band: 0 below, 1 inside, 2 above.
        func side(_ c: Int) -> Int {
            let bc = band(c)
            return bc < k ? 0 : (bc == k ? 1 : 2)
        }
        eventCount = 0
        for i in 0..<8 { crossingEvent[i] = -1 }
        var crossedMask = (0, 0)  // per level: bit e when the level crosses edge e
        for c in 0..<4 {
            let here = side(c), next = side((c + 1) & 3)
            append(Event(point: corner(c), level: -1, edge: c, insideAfter: here == 1))
            if here == next { continue }
            // Crossings along the edge in walking order: rising through lower then upper, or falling.
            let rising = here < next
            var level = rising ? here : here - 1
            let last = rising ? next - 1 : next
            while true {
                let value = level == 0 ? lower : upper
                crossingEvent[level * 4 + c] = eventCount
                append(Event(
                    point: crossing(value, edge: c), level: level, edge: c,
                    insideAfter: rising ? level == 0 : level == 1))
                if level == 0 { crossedMask.0 |= 1 << c } else { crossedMask.1 |= 1 << c }
                if level == last { break }
                level += rising ? 1 : -1
            }
        }
        let count = eventCount
        for i in 0..<count { visited[i] = false }
        for start in 0..<count where events[start].level >= 0 && events[start].insideAfter && !visited[start] {
            polygonCount = 0
            var e = start
            var steps = 0
            repeat {
                visited[e] = true
                appendToPolygon(events[e].point)
                var f = (e + 1) % count
                while events[f].level < 0 {
                    appendToPolygon(events[f].point)
                    f = (f + 1) % count
                }
                // f leaves the band: follow its contour segment to where the border re-enters.
                let exit = events[f]
                appendToPolygon(exit.point)
                let levelValue = exit.level == 0 ? lower : upper
                let mask = exit.level == 0 ? crossedMask.0 : crossedMask.1
                let partnerEdge = MarchingSquares.partner(
                    of: exit.edge, crossed: mask,
                    corner0Above: value(0) >= levelValue, centreAbove: centre >= levelValue)
                e = crossingEvent[exit.level * 4 + partnerEdge]
                steps += 1
            } while e != start && e >= 0 && steps < 8
            if polygonCount > 1 && polygon[polygonCount - 1] == polygon[0] { polygonCount -= 1 }
            let points = UnsafeBufferPointer(start: polygon, count: polygonCount)
            // A band that only touches the cell at a corner or along an edge leaves no area.
            if polygonCount >= 3 && abs(Self.twiceArea(points)) > 1e-12 * abs((x1 - x0) * (y1 - y0)) {
                emit(points)
            }
        }
    }

    /// Twice the signed area of a polygon (positive when counter-clockwise).
    @inline(__always) private static func twiceArea(_ polygon: UnsafeBufferPointer<Point>) -> Double {
        var sum = 0.0
        var previous = polygon[polygon.count - 1]
        for point in polygon {
            sum += previous.x * point.y - point.x * previous.y
            previous = point
        }
        return sum
    }

    /// Appends `point` unless it repeats the last one (a crossing that falls on a corner).
    @inline(__always) private mutating func appendToPolygon(_ point: Point) {
        guard polygonCount < 16 else { return }
        if polygonCount == 0 || polygon[polygonCount - 1] != point {
            polygon[polygonCount] = point
            polygonCount += 1
        }
    }
}
