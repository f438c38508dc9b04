/// Draws `marker` at each pixel position; filled markers get a thin outline in `background`
/// so that overlapping points stay distinguishable.
func drawMarkers(_ centers: [Point], marker: Marker, filled: Bool, size: Double, color: Color,
                 background: Color, renderer: Renderer) {
    guard !centers.isEmpty, size > 0 else { return }
    var path = Path(reservingCapacity: centers.count * 5)
    let r = size / 2
    switch marker {
    case .circle:
        for c in centers { path.addCircle(center: c, radius: r) }
    case .square:
        let h = r * 0.9
        for c in centers { path.addRect(Rect(x: c.x - h, y: c.y - h, width: 2 * h, height: 2 * h)) }
    case .triangle:
        let h = r * 1.15
        for c in centers {
            path.addPolygon([Point(c.x, c.y - h), Point(c.x + h * 0.866, c.y + h * 0.5),
                             Point(c.x - h * 0.866, c.y + h * 0.5)])
        }
    case .cross, .plus:
        let h = marker == .cross ? r * 0.78 : r
        for c in centers {
            if marker == .cross {
                path.move(to: Point(c.x - h, c.y - h)); path.line(to: Point(c.x + h, c.y + h))
                path.move(to: Point(c.x - h, c.y + h)); path.line(to: Point(c.x + h, c.y - h))
            } else {
                path.move(to: Point(c.x - h, c.y)); path.line(to: Point(c.x + h, c.y))
                path.move(to: Point(c.x, c.y - h)); path.line(to: Point(c.x, c.y + h))
            }
        }
        renderer.stroke(path, style: StrokeStyle(color: color, width: max(1.6, size / 4.5)))
        return
    }
    if filled {
        renderer.fill(path, color: color, rule: .nonZero)
        renderer.stroke(path, style: StrokeStyle(color: background.opacity(0.9), width: 0.8))
    } else {
        renderer.stroke(path, style: StrokeStyle(color: color, width: max(1.4, size / 5.5)))
    }
}
