import Foundation

/// Draws marks of one panel into its plot area and remembers where data landed (for the legend).
struct MarkPainter {
    let renderer: Renderer
    let theme: Theme
    let transform: PlotTransform
    let plot: Rect
    var obstacles = Obstacles()

    /// Generous bounds for clipping geometry before it reaches Cairo; the plot clip does the rest.
    private var guardRect: Rect { plot.inset(left: -20, top: -20, right: -20, bottom: -20) }

    mutating func draw(_ mark: Mark) {
        switch mark.kind {
        case .line(let spec): drawLine(spec)
        case .points(let spec): drawPoints(spec)
        case .rectangles(let spec): drawRectangles(spec)
        case .band(let spec): drawBand(spec)
        case .rule(let spec): drawRule(spec)
        case .cells(let spec): drawCells(spec)
        case .text(let spec): drawText(spec)
        case .arrow(let spec): drawArrow(spec)
        case .contour(let spec): drawContour(spec)
        case .filledContour(let spec): drawFilledContour(spec)
        }
    }

    /// True for marks drawn without the plot-area clip (text may sit in the margins).
    static func drawsUnclipped(_ mark: Mark) -> Bool {
        if case .text = mark.kind { return true }
        return false
    }

    private mutating func drawLine(_ spec: LineSpec) {
        let width = spec.width ?? theme.lineWidth
        let color = spec.color ?? theme.foreground
        let path = polylinePath(spec.points, transform: transform, bounds: guardRect, segments: &obstacles.segments)
        renderer.stroke(path, style: StrokeStyle(color: color, width: width, dash: spec.style.dash(width: width),
                                                 roundCaps: spec.style == .dotted))
        if let marker = spec.marker {
            let pixels = spec.points.map(transform.pixel).filter { $0.isFinite && guardRect.contains($0) }
            obstacles.points.append(contentsOf: pixels)
            drawMarkers(pixels, marker: marker, filled: true, size: theme.markerSize, color: color,
                        background: theme.background, renderer: renderer)
        }
        if spec.vertexMarkers || spec.arrows {
            let pixels = spec.points.map(transform.pixel).filter { $0.isFinite && guardRect.contains($0) }
            if spec.vertexMarkers {
                // Plain dots: on a dense path, outlined ones would wash the colour out.
                var dots = Path(reservingCapacity: pixels.count)
                for p in pixels { dots.addCircle(center: p, radius: max(2, width * 1.1)) }
                renderer.fill(dots, color: color, rule: .nonZero)
            }
            if spec.arrows {
                // An arrowhead at the end of each step long enough to show one.
                var heads = Path()
                let length = max(7, width * 3.4), half = length * 0.45
                for i in pixels.indices.dropFirst() {
                    let a = pixels[i - 1], b = pixels[i]
                    let dx = b.x - a.x, dy = b.y - a.y
                    let distance = (dx * dx + dy * dy).squareRoot()
                    guard distance > length * 1.5 else { continue }
                    addArrowHead(&heads, tip: Point(b.x - dx / distance * width * 1.5, b.y - dy / distance * width * 1.5),
                                 direction: (dx / distance, dy / distance), length: length, halfWidth: half)
                }
                renderer.fill(heads, color: color, rule: .nonZero)
            }
        }
    }

    private mutating func drawPoints(_ spec: PointSpec) {
        let pixels = spec.points.map(transform.pixel).filter { $0.isFinite && guardRect.contains($0) }
        obstacles.points.append(contentsOf: pixels)
        drawMarkers(pixels, marker: spec.marker, filled: spec.filled, size: spec.size ?? theme.markerSize,
                    color: spec.color ?? theme.foreground, background: theme.background, renderer: renderer)
    }

    /// A data rectangle in pixels, or nil when it has no finite place.
    private func pixelRect(_ rect: DataRect) -> Rect? {
        let a = clampForRaster(transform.pixel(Point(rect.x0, rect.y0)))
        let b = clampForRaster(transform.pixel(Point(rect.x1, rect.y1)))
        guard a.isFinite, b.isFinite else { return nil }
        return Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y))
    }

    private mutating func drawRectangles(_ spec: RectangleSpec) {
        var path = Path(reservingCapacity: spec.rects.count * 5)
        for rect in spec.rects {
            guard let r = pixelRect(rect) else { continue }
            path.addRect(r)
            if spec.fill != .clear { obstacles.rects.append(r) }
        }
        if let fill = spec.fill, fill.alpha > 0 {
            renderer.fill(path, color: fill.opacity(fill.alpha * spec.opacity), rule: .nonZero)
        }
        if let stroke = spec.stroke {
            renderer.stroke(path, style: StrokeStyle(color: stroke, width: stroke == .white ? 0.8 : 1.5))
        }
    }

    private mutating func drawBand(_ spec: BandSpec) {
        let color = spec.color ?? theme.foreground
        var path = Path()
        var run: [(upper: Point, lower: Point)] = []
        func flush(_ path: inout Path) {
            if run.count >= 2 {
                path.addPolygon(run.map(\.upper) + run.reversed().map(\.lower))
                for i in run.indices.dropFirst() {
                    obstacles.segments.append((run[i - 1].upper, run[i].upper))
                    obstacles.segments.append((run[i - 1].lower, run[i].lower))
                }
            }
            run.removeAll()
        }
        for i in spec.x.indices {
            let upper = transform.pixel(Point(spec.x[i], spec.upper[i]))
            let lower = transform.pixel(Point(spec.x[i], spec.lower[i]))
            if upper.isFinite && lower.isFinite {
                run.append((clampForRaster(upper), clampForRaster(lower)))
            } else {
                flush(&path)
            }
        }
        flush(&path)
        renderer.fill(path, color: color.opacity(color.alpha * spec.opacity), rule: .nonZero)
    }

    private mutating func drawRule(_ spec: RuleSpec) {
        let width = spec.width ?? 1.6
        var path = Path()
        if spec.horizontal {
            let y = transform.y.pixel(spec.value)
            guard y.isFinite, y >= plot.minY - 1, y <= plot.maxY + 1 else { return }
            path.move(to: Point(plot.minX, y))
            path.line(to: Point(plot.maxX, y))
            obstacles.segments.append((Point(plot.minX, y), Point(plot.maxX, y)))
        } else {
            let x = transform.x.pixel(spec.value)
            guard x.isFinite, x >= plot.minX - 1, x <= plot.maxX + 1 else { return }
            path.move(to: Point(x, plot.minY))
            path.line(to: Point(x, plot.maxY))
            obstacles.segments.append((Point(x, plot.minY), Point(x, plot.maxY)))
        }
        renderer.stroke(path, style: StrokeStyle(color: spec.color ?? theme.axisColor, width: width,
                                                 dash: spec.style.dash(width: width), roundCaps: spec.style == .dotted))
    }

    private func drawText(_ spec: TextSpec) {
        let anchorPixel = transform.pixel(spec.position)
        guard anchorPixel.isFinite else { return }
        let point = Point(anchorPixel.x + spec.offset.dx, anchorPixel.y - spec.offset.dy)
        let font = theme.font(spec.size ?? theme.annotationSize, bold: spec.bold)
        let (h, v): (HorizontalAlignment, VerticalAlignment)
        switch spec.anchor {
        case .center: (h, v) = (.center, .center)
        case .leading: (h, v) = (.left, .center)
        case .trailing: (h, v) = (.right, .center)
        case .above: (h, v) = (.center, .bottom)
        case .below: (h, v) = (.center, .top)
        }
        if let fill = spec.box {
            let metrics = renderer.measure(spec.text, font: font)
            let padding = font.size * 0.45
            let box = textBoxRect(metrics, anchor: point, horizontal: h, vertical: v)
            var path = Path()
            path.addRect(Rect(x: box.x - padding, y: box.y - padding * 0.6, width: box.width + 2 * padding,
                              height: box.height + 1.2 * padding))
            renderer.fill(path, color: fill, rule: .nonZero)
            renderer.stroke(path, style: StrokeStyle(color: (spec.color ?? theme.foreground).opacity(0.7), width: 1))
        }
        renderer.drawText(spec.text, anchor: point, font: font, color: spec.color ?? theme.foreground,
                          horizontal: h, vertical: v)
    }

    private func textBoxRect(_ metrics: TextMetrics, anchor: Point, horizontal: HorizontalAlignment,
                             vertical: VerticalAlignment) -> Rect {
        let x = horizontal == .left ? anchor.x : horizontal == .center ? anchor.x - metrics.width / 2 : anchor.x - metrics.width
        let y: Double
        switch vertical {
        case .top: y = anchor.y
        case .center: y = anchor.y - metrics.height / 2
        case .baseline: y = anchor.y - metrics.ascent
        case .bottom: y = anchor.y - metrics.height
        }
        return Rect(x: x, y: y, width: metrics.width, height: metrics.height)
    }

    private mutating func drawArrow(_ spec: ArrowSpec) {
        let a = transform.pixel(spec.from), b = transform.pixel(spec.to)
        guard a.isFinite, b.isFinite, let (start, end) = clipSegment(a, b, to: guardRect) else { return }
        let width = spec.width ?? 1.6
        let color = spec.color ?? theme.foreground
        let dx = end.x - start.x, dy = end.y - start.y
        let distance = (dx * dx + dy * dy).squareRoot()
        guard distance > 0 else { return }
        let length = min(max(9, width * 5), distance * 0.6)
        let ux = dx / distance, uy = dy / distance
        var shaft = Path()
        shaft.move(to: start)
        shaft.line(to: Point(end.x - ux * length * 0.8, end.y - uy * length * 0.8))
        renderer.stroke(shaft, style: StrokeStyle(color: color, width: width))
        var head = Path()
        if end == b { addArrowHead(&head, tip: end, direction: (ux, uy), length: length, halfWidth: length * 0.4) }
        renderer.fill(head, color: color, rule: .nonZero)
        obstacles.segments.append((start, end))
    }

    private mutating func drawCells(_ spec: CellSpec) {
        guard spec.columns > 0, spec.rows > 0, spec.colors.count == spec.columns * spec.rows else { return }
        let xPixels = spec.xEdges.map(transform.x.pixel)
        let yPixels = spec.yEdges.map(transform.y.pixel)
        guard xPixels.allSatisfy(\.isFinite), yPixels.allSatisfy(\.isFinite) else {
            drawCellsOneByOne(spec, xPixels: xPixels, yPixels: yPixels)
            return
        }
        if renderer.prefersRasterCells && isUniform(xPixels) && isUniform(yPixels) {
            // One nearest-neighbour image: fast to draw, and crisp in PNG.
            var pixels = [Color]()
            pixels.reserveCapacity(spec.colors.count)
            for row in (0..<spec.rows).reversed() {
                pixels.append(contentsOf: spec.colors[(row * spec.columns)..<((row + 1) * spec.columns)])
            }
            let left = min(xPixels.first!, xPixels.last!), top = min(yPixels.first!, yPixels.last!)
            let rect = Rect(x: left, y: top, width: abs(xPixels.last! - xPixels.first!),
                            height: abs(yPixels.last! - yPixels.first!))
            let image = RasterImage(width: spec.columns, height: spec.rows, pixels: pixels)
            if yPixels.first! > yPixels.last! {
                renderer.drawImage(image, in: rect)
            } else {
                // y grows upwards on screen only on a reversed axis; flip rows back.
                var flipped = [Color]()
                for row in 0..<spec.rows { flipped.append(contentsOf: spec.colors[(row * spec.columns)..<((row + 1) * spec.columns)]) }
                renderer.drawImage(RasterImage(width: spec.columns, height: spec.rows, pixels: flipped), in: rect)
            }
        } else {
            drawCellsOneByOne(spec, xPixels: xPixels, yPixels: yPixels)
        }
        if let values = spec.values { drawCellValues(spec, values: values, xPixels: xPixels, yPixels: yPixels) }
    }

    /// Cells as rectangles (vector output, log axes): runs of equal colour along a row merge
    /// into one rectangle, and each colour is filled once, so files stay small and seamless.
    private func drawCellsOneByOne(_ spec: CellSpec, xPixels: [Double], yPixels: [Double]) {
        var paths: [Color: Path] = [:]
        var order: [Color] = []
        for row in 0..<spec.rows {
            let y0 = yPixels[row], y1 = yPixels[row + 1]
            guard y0.isFinite, y1.isFinite else { continue }
            var column = 0
            while column < spec.columns {
                let color = spec.colors[row * spec.columns + column]
                var end = column + 1
                while end < spec.columns && spec.colors[row * spec.columns + end] == color { end += 1 }
                let x0 = xPixels[column], x1 = xPixels[end]
                if color.alpha > 0, x0.isFinite, x1.isFinite {
                    // A hair of overlap hides anti-aliasing seams between neighbouring cells.
                    let a = clampForRaster(Point(min(x0, x1), min(y0, y1)))
                    let b = clampForRaster(Point(max(x0, x1) + 0.3, max(y0, y1) + 0.3))
                    if paths[color] == nil { order.append(color) }
                    paths[color, default: Path()].addRect(Rect(x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y))
                }
                column = end
            }
        }
        for color in order { renderer.fill(paths[color]!, color: color, rule: .nonZero) }
    }

    private func drawCellValues(_ spec: CellSpec, values: [Double], xPixels: [Double], yPixels: [Double]) {
        let font = theme.font(theme.annotationSize)
        for row in 0..<spec.rows {
            for column in 0..<spec.columns {
                let value = values[row * spec.columns + column]
                let x0 = xPixels[column], x1 = xPixels[column + 1], y0 = yPixels[row], y1 = yPixels[row + 1]
                guard x0.isFinite, x1.isFinite, y0.isFinite, y1.isFinite else { continue }
                let text = spec.format.format(value)
                let metrics = renderer.measure(text, font: font)
                // Only when the number fits inside its cell.
                guard metrics.width + 4 <= abs(x1 - x0), metrics.height <= abs(y1 - y0) + 2 else { continue }
                let background = spec.colors[row * spec.columns + column]
                renderer.drawText(text, anchor: Point((x0 + x1) / 2, (y0 + y1) / 2), font: font,
                                  color: readableText(on: background), horizontal: .center, vertical: .center)
            }
        }
    }

    private func readableText(on color: Color) -> Color {
        // Relative luminance of the colour as composited on the background.
        let a = color.alpha
        func mix(_ c: Double, _ b: Double) -> Double { c * a + b * (1 - a) }
        let r = mix(color.red, theme.background.red), g = mix(color.green, theme.background.green)
        let b = mix(color.blue, theme.background.blue)
        let luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
        return luminance < 0.5 ? .white : theme.foreground
    }

    private func isUniform(_ edges: [Double]) -> Bool {
        guard edges.count >= 2 else { return false }
        let step = (edges.last! - edges.first!) / Double(edges.count - 1)
        guard step != 0 else { return false }
        return edges.indices.allSatisfy { abs(edges[$0] - (edges.first! + Double($0) * step)) <= 0.01 * abs(step) + 1e-9 }
    }
}

/// A filled triangle with its tip at `tip` pointing along `direction` (a unit vector).
func addArrowHead(_ path: inout Path, tip: Point, direction: (Double, Double), length: Double, halfWidth: Double) {
    let (ux, uy) = direction
    let base = Point(tip.x - ux * length, tip.y - uy * length)
    path.addPolygon([tip, Point(base.x - uy * halfWidth, base.y + ux * halfWidth),
                     Point(base.x + uy * halfWidth, base.y - ux * halfWidth)])
}

extension MarkPainter {
    mutating func drawContour(_ spec: ContourSpec) {
        guard spec.grid.xs.count >= 2, spec.grid.ys.count >= 2 else { return }
        let width = spec.width ?? 1.4
        let transform = transform, bounds = guardRect
        // One path per level, in pixels and simplified: the costly part, so banded PNGs share it.
        func levelPath(_ index: Int) -> Path {
            var path = Path()
            var segments: [(Point, Point)] = []  // Not legend obstacles: contours cover the plot.
            for polyline in spec.lines[index].polylines {
                let piece = polylinePath(polyline, transform: transform, bounds: bounds, segments: &segments)
                for element in piece.elements {
                    switch element {
                    case .move(let p): path.move(to: p)
                    case .line(let p): path.line(to: p)
                    default: break
                    }
                }
            }
            return path
        }
        let levels: [Path]
        if let shared = renderer.sharedWork {
            levels = shared.map(fingerprint: ContourPathInputs(transform: transform, bounds: bounds,
                                                               levels: spec.lines.count),
                                count: spec.lines.count, levelPath)
        } else {
            levels = spec.lines.indices.map(levelPath)
        }
        for (index, path) in levels.enumerated() {
            let color = index < spec.colors.count ? spec.colors[index] : theme.foreground
            renderer.stroke(path, style: StrokeStyle(color: color, width: width, dash: spec.style.dash(width: width),
                                                     roundCaps: spec.style == .dotted))
        }
    }

    /// What a contour's pixel paths depend on besides the mark itself (equal in every band).
    private struct ContourPathInputs: Equatable, Sendable {
        let transform: PlotTransform
        let bounds: Rect
        let levels: Int
    }

    mutating func drawFilledContour(_ spec: FilledContourSpec) {
        guard spec.grid.xs.count >= 2, spec.grid.ys.count >= 2 else { return }
        let bands = spec.bands
        // Each band is painted as the union of itself and every band above it, over the band
        // below. Neighbouring bands then leave no anti-aliased seam of background between them:
        // a boundary pixel blends exactly the two colours that meet there.
        var unions = [Path](repeating: Path(), count: bands.count)
        var running = Path()
        for index in bands.indices.reversed() {
            for polygon in bands[index].polygons {
                running.addPolygon(polygon.map { clampForRaster(transform.pixel($0)) })
            }
            unions[index] = running
        }
        let lowest = bands.firstIndex { !$0.polygons.isEmpty }
        for (index, band) in bands.enumerated() where !band.polygons.isEmpty {
            let base = index < spec.colors.count ? spec.colors[index] : theme.foreground
            // Pre-blended over the background, so stacked unions never darken a translucent map.
            let color = blend(base.opacity(base.alpha * spec.opacity), over: theme.background)
            var path = unions[index]
            if index == lowest, spec.grid.values.allSatisfy(\.isFinite) {
                // With no holes, the lowest union is the whole grid: one rectangle.
                let a = clampForRaster(transform.pixel(Point(spec.grid.xs[0], spec.grid.ys[0])))
                let b = clampForRaster(transform.pixel(Point(spec.grid.xs[spec.grid.xs.count - 1],
                                                             spec.grid.ys[spec.grid.ys.count - 1])))
                if a.isFinite && b.isFinite {
                    path = Path()
                    path.addRect(Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y)))
                }
            }
            renderer.fill(path, color: color, rule: .nonZero)
        }
    }

    /// `color` composited over an opaque `background`.
    private func blend(_ color: Color, over background: Color) -> Color {
        let a = color.alpha
        return Color(red: color.red * a + background.red * (1 - a), green: color.green * a + background.green * (1 - a),
                     blue: color.blue * a + background.blue * (1 - a))
    }
}
