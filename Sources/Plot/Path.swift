/// An axis-aligned rectangle in pixel coordinates (y grows downwards).
struct Rect: Sendable, Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var minX: Double { x }
    var minY: Double { y }
    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    /// The rectangle shrunk by the given amounts on each side (never below zero size).
    func inset(left: Double, top: Double, right: Double, bottom: Double) -> Rect {
        Rect(x: x + left, y: y + top,
             width: max(0, width - left - right), height: max(0, height - top - bottom))
    }

    func contains(_ point: Point) -> Bool {
        point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
    }

    /// True when the two rectangles share some area.
    func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// True when `other` lies entirely inside this rectangle (with a small tolerance).
    func encloses(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        other.minX >= minX - tolerance && other.maxX <= maxX + tolerance
            && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance
    }

    /// True when the segment from `a` to `b` touches the rectangle (Liang-Barsky clipping).
    func intersectsSegment(_ a: Point, _ b: Point) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        let checks = [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)]
        for (p, q) in checks {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return false }; if r > t0 { t0 = r } }
                else { if r < t0 { return false }; if r < t1 { t1 = r } }
            }
        }
        return true
    }
}

/// A vector path in pixel coordinates: sub-paths of straight segments, and circles.
struct Path: Sendable {
    enum Element: Sendable, Equatable {
        case move(Point)
        case line(Point)
        case close
        /// A full circle as its own closed sub-path.
        case circle(center: Point, radius: Double)
    }

    private(set) var elements: [Element] = []

    init() {}

    init(reservingCapacity count: Int) {
        elements.reserveCapacity(count)
    }

    var isEmpty: Bool { elements.isEmpty }

    mutating func move(to point: Point) { elements.append(.move(point)) }
    mutating func line(to point: Point) { elements.append(.line(point)) }
    mutating func close() { elements.append(.close) }

    mutating func addRect(_ rect: Rect) {
        move(to: Point(rect.minX, rect.minY))
        line(to: Point(rect.maxX, rect.minY))
        line(to: Point(rect.maxX, rect.maxY))
        line(to: Point(rect.minX, rect.maxY))
        close()
    }

    mutating func addCircle(center: Point, radius: Double) {
        elements.append(.circle(center: center, radius: radius))
    }

    mutating func addPolygon(_ points: [Point], closed: Bool = true) {
        guard let first = points.first else { return }
        move(to: first)
        for point in points.dropFirst() { line(to: point) }
        if closed { close() }
    }

    /// Every point the path passes through (circle centres stand for circles).
    var vertices: [Point] {
        elements.compactMap { element in
            switch element {
            case .move(let p), .line(let p): return p
            case .circle(let center, _): return center
            case .close: return nil
            }
        }
    }
}

/// How a path's inside is decided when it crosses itself or holds rings.
enum FillRule: Sendable {
    case nonZero
    case evenOdd
}

/// Line cap and dash for stroking.
struct StrokeStyle: Sendable, Equatable {
    var color: Color
    var width: Double
    /// Alternating on/off lengths in pixels; empty for a solid line.
    var dash: [Double] = []
    var roundCaps: Bool = false
}
