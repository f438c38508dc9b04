import Testing
@testable import Plot

@Suite("Contour and filled-contour marks")
struct ContourMarkTests {
    /// f(x, y) = x² + y² on [-2, 2]²: circles around the origin.
    static let bowl = Sampling.grid(x: -2...2, y: -2...2, nx: 81, ny: 81) { x, y in x * x + y * y }

    @Test("contour lines are traced when the mark is made, one colour per level")
    func linesAtLevels() throws {
        guard case .contour(let spec) = Mark.contour(Self.bowl, levels: .values([1, 2]), colormap: .greys).kind else {
            Issue.record("not a contour"); return
        }
        #expect(spec.levels == [1, 2])
        #expect(spec.colors == [Colormap.greys.color(at: 0), Colormap.greys.color(at: 1)])
        // Level 1 is the unit circle: every traced point lies close to radius 1.
        let circle = try #require(spec.lines.first?.polylines.first)
        #expect(circle.count > 20)
        for point in circle { #expect(abs((point.x * point.x + point.y * point.y).squareRoot() - 1) < 0.01) }
    }

    @Test("log levels grow geometrically and label with significant digits")
    func logLevels() {
        let levels = ContourLevels.logarithmic(5).resolve(for: Self.bowl)
        #expect(levels.count == 5)
        for i in levels.indices.dropFirst() { #expect(levels[i] > levels[i - 1]) }
        let ratios = levels.indices.dropFirst().map { levels[$0] / levels[$0 - 1] }
        #expect(ratios.max()! / ratios.min()! < 1.3)
    }

    @Test("n levels give n + 1 filled bands and colour-bar blocks")
    func filledBands() {
        let mark = Mark.filledContour(Self.bowl, levels: .values([1, 2, 4]), colorBar: "f")
        guard case .filledContour(let spec) = mark.kind else { return }
        #expect(spec.bands.count == 4)
        #expect(spec.colors.count == 4)
        guard case .discrete(let colors, let levels, let positions)? = mark.colorBar?.kind else {
            Issue.record("no discrete colour bar"); return
        }
        #expect(colors.count == 4 && levels == [1, 2, 4] && positions == [1, 2, 3])
    }

    @Test("a filled contour renders the right colour inside and outside a level")
    func filledPixels() throws {
        let colors = Colormap(name: "two", anchors: [Color(hex: 0x0000FF), Color(hex: 0xFF0000)])
        let figure = Figure(width: 300, height: 300, panel: Panel(
            equalAspect: true, marks: [.filledContour(Self.bowl, levels: .values([1]), colormap: colors)]))
        let image = try decodePNG(try figure.pngData())
        let layout = try FigureLayout.make(figure, renderer: RecordingRenderer())
        let centre = layout.panels[0].transform.pixel(Point(0, 0))
        let corner = layout.panels[0].transform.pixel(Point(1.9, 1.9))
        let inside = image.pixel(Int(centre.x), Int(centre.y))
        let outside = image.pixel(Int(corner.x), Int(corner.y))
        #expect(inside.b == 255 && inside.r == 0)
        #expect(outside.r == 255 && outside.b == 0)
    }

    @Test("a constant grid has no levels and still renders")
    func constantGrid() throws {
        let flat = Grid2D(xs: [0, 1, 2], ys: [0, 1], values: [3, 3, 3, 3, 3, 3])
        _ = try Figure(panel: Panel(marks: [.contour(flat, colorBar: "c"), .filledContour(flat, colorBar: "c")])).pngData()
    }

    @Test("a grid too small for contours is a typed error")
    func tinyGrid() {
        let line = Grid2D(xs: [0, 1], ys: [0], values: [1, 2])
        #expect { try Figure(panel: Panel(marks: [.contour(line)])).pngData() } throws: { error in
            guard case PlotError.invalidMark(let mark, _) = error else { return false }
            return mark == "contour"
        }
    }
}
