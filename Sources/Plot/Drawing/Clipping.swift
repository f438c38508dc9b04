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
/// so huge values (a diverging cost) never reach the rasteriser.
///
/// `segments` receives every drawn segment (for legend placement); pass nil to skip.
func polylinePath(_ points: [Point], transform: PlotTransform, bounds: Rect,
                  segments: inout [(Point, Point)]) -> Path {
    var path = Path(reservingCapacity: points.count + 1)
    var previous: Point?
    var penDown = false
    for point in points {
        let pixel = transform.pixel(point)
        guard pixel.isFinite else {
            previous = nil
            penDown = false
            continue
        }
        if let start = previous {
            if let (a, b) = clipSegment(start, pixel, to: bounds) {
                if !penDown || a != start { path.move(to: a) }
                path.line(to: b)
                segments.append((a, b))
                penDown = b == pixel
            } else {
                penDown = false
            }
        }
        previous = pixel
    }
    return path
}

/// A pixel coordinate pulled into the range Cairo's fixed-point rasteriser handles well.
func clampForRaster(_ point: Point) -> Point {
    let limit = 1_000_000.0
    return Point(min(max(point.x, -limit), limit), min(max(point.y, -limit), limit))
}
