/// The part of segment `a`-`b` inside `rect`, or nil when it misses (Liang-Barsky).
func clipSegment(_ a: Point, _ b: Point, to rect: Rect) -> (Point, Point)? {
    var t0 = 0.0, t1 = 1.0
    let dx = b.x - a.x, dy = b.y - a.y
    for (p, q) in [(-dx, a.x - rect.minX), (dx, rect.maxX - a.x), (-dy, a.y - rect.minY), (dy, rect.maxY - a.y)] {
        if p == 0 {
            if q < 0 { return nil }
        } else {
            let r = q / p
            if p < 0 {
                if r > t1 { return nil }
                if r > t0 { t0 = r }
            } else {
                if r < t0 { return nil }
                if r < t1 { t1 = r }
            }
        }
    }
    let start = t0 == 0 ? a : Point(a.x + t0 * dx, a.y + t0 * dy)
    let end = t1 == 1 ? b : Point(a.x + t1 * dx, a.y + t1 * dy)
    return (start, end)
}

/// A polyline in pixels, broken where a point is NaN or infinite and clipped to `bounds`,
/// so huge values (a diverging cost) never reach the rasteriser. Each unbroken run is simplified
/// to within `tolerance` pixels, which keeps dense curves (1000 samples, contour lines) cheap to
/// stroke without any visible change.
///
/// `segments` receives every drawn segment (for legend placement).
func polylinePath(_ points: [Point], transform: PlotTransform, bounds: Rect,
                  segments: inout [(Point, Point)], tolerance: Double = 0.15) -> Path {
    var path = Path(reservingCapacity: points.count + 1)
    var run: [Point] = []
    func flush() {
        if run.count >= 2 {
            let kept = simplify(run, tolerance: tolerance)
            path.move(to: kept[0])
            for i in 1..<kept.count {
                path.line(to: kept[i])
                segments.append((kept[i - 1], kept[i]))
            }
        }
        run.removeAll(keepingCapacity: true)
    }
    var previous: Point?
    for point in points {
        let pixel = transform.pixel(point)
        guard pixel.isFinite else {
            flush()
            previous = nil
            continue
        }
        if let start = previous {
            if let (a, b) = clipSegment(start, pixel, to: bounds) {
                if run.isEmpty || a != start {
                    flush()
                    run.append(a)
                }
                run.append(b)
                if b != pixel { flush() }
            } else {
                flush()
            }
        }
        previous = pixel
    }
    flush()
    return path
}

/// The points of `line` that keep every dropped point within `tolerance` of the result
/// (Douglas-Peucker, iterative). Ends are always kept.
///
/// Complexity: O(n log n) typical, O(n²) worst case.
func simplify(_ line: [Point], tolerance: Double) -> [Point] {
    guard line.count > 2, tolerance > 0 else { return line }
    var keep = [Bool](repeating: false, count: line.count)
    keep[0] = true
    keep[line.count - 1] = true
    var stack: [(Int, Int)] = [(0, line.count - 1)]
    let limit = tolerance * tolerance
    line.withUnsafeBufferPointer { p in
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            let a = p[first], b = p[last]
            let dx = b.x - a.x, dy = b.y - a.y
            let length2 = dx * dx + dy * dy
            var farthest = -1
            var farthestDistance = limit
            for i in (first + 1)..<last {
                let q = p[i]
                var distance2: Double
                if length2 == 0 {
                    distance2 = (q.x - a.x) * (q.x - a.x) + (q.y - a.y) * (q.y - a.y)
                } else {
                    // Distance to the segment (not the infinite line), so spikes are never lost.
                    let t = max(0, min(1, ((q.x - a.x) * dx + (q.y - a.y) * dy) / length2))
                    let ex = a.x + t * dx - q.x, ey = a.y + t * dy - q.y
                    distance2 = ex * ex + ey * ey
                }
                if distance2 > farthestDistance {
                    farthestDistance = distance2
                    farthest = i
                }
            }
            if farthest >= 0 {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
    }
    var result: [Point] = []
    result.reserveCapacity(line.count / 2)
    for i in line.indices where keep[i] { result.append(line[i]) }
    return result
}

/// A pixel coordinate pulled into the range Cairo's fixed-point rasteriser handles well.
func clampForRaster(_ point: Point) -> Point {
    let limit = 1_000_000.0
    return Point(min(max(point.x, -limit), limit), min(max(point.y, -limit), limit))
}
