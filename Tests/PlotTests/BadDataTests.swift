import Testing
@testable import Plot

@Suite("NaN, infinity and other awkward data")
struct BadDataTests {
    @Test("a line breaks at NaN and skips infinities instead of failing")
    func lineBreaksAtNaN() throws {
        let transform = PlotTransform(x: AxisMapping(scale: .linear, lower: 0, upper: 4, start: 0, end: 400),
                                      y: AxisMapping(scale: .linear, lower: 0, upper: 4, start: 400, end: 0))
        var segments: [(Point, Point)] = []
        let path = polylinePath([Point(0, 0), Point(1, 1), Point(2, .nan), Point(3, 3), Point(4, 4), Point(5, .infinity)],
                                transform: transform, bounds: Rect(x: 0, y: 0, width: 400, height: 400), segments: &segments)
        let moves = path.elements.filter { if case .move = $0 { return true } else { return false } }.count
        #expect(moves == 2)
        #expect(segments.count == 2)
    }

    @Test("a segment to a huge value is clipped, keeping its direction")
    func hugeValuesClipped() {
        let (a, b) = clipSegment(Point(0, 100), Point(100, -1e12), to: Rect(x: 0, y: 0, width: 200, height: 200))!
        #expect(a == Point(0, 100))
        #expect(abs(b.y) < 1e-6)
        #expect(b.x > 0 && b.x < 1e-6)
    }

    @Test("a diverging cost curve with NaN and inf still renders")
    func divergingRenders() throws {
        var cost: [Double] = (0..<30).map { 10 * pow2($0) }
        cost[12] = .nan
        cost += [.infinity, .nan, 1e308]
        for scale in [Scale.linear, .log] {
            let figure = Figure(panel: Panel(yScale: scale, marks: [.line(y: cost, label: "α = 0.8")]))
            let image = try decodePNG(try figure.pngData())
            #expect(image.width == 800)
        }
    }

    @Test("points with NaN coordinates are skipped; the rest are drawn")
    func pointsSkipNaN() throws {
        let renderer = RecordingRenderer()
        let figure = Figure(panel: Panel(marks: [.points(x: [0, .nan, 2, 3], y: [0, 1, .infinity, 3])]))
        try FigureDrawing(figure: figure).draw(on: renderer)
        let circles = renderer.operations.compactMap { op -> Int? in
            guard case .fill(let path, _) = op else { return nil }
            return path.elements.filter { if case .circle = $0 { return true } else { return false } }.count
        }
        #expect(circles.contains(2))
    }

    @Test("heatmap with NaN cells and constant values renders")
    func awkwardHeatmap() throws {
        let grid = Grid2D(xs: [0, 1], ys: [0, 1], values: [.nan, 1, 1, 1])
        _ = try Figure(panel: Panel(marks: [.heatmap(grid, showValues: true, colorBar: "c")])).pngData()
    }

    @Test("tiny figures and single points do not crash", arguments: [(1.0, 1.0), (30.0, 20.0), (120.0, 80.0)])
    func tinyFigures(width: Double, height: Double) throws {
        let figure = Figure(width: width, height: height,
                            panel: Panel(title: "t", xLabel: "x", yLabel: "y", marks: [.points(x: [1], y: [1], label: "one")]))
        let image = try decodePNG(try figure.pngData())
        #expect(image.width == Int(width))
    }

    private func pow2(_ n: Int) -> Double { Double(1 << n) }
}
