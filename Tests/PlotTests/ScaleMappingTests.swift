import Testing
@testable import Plot

@Suite("Data-to-pixel mapping")
struct ScaleMappingTests {
    @Test("linear mapping sends the limits to the ends and is affine in between",
          arguments: [(0.0, 0.0), (5.0, 250.0), (10.0, 500.0), (-2.0, -100.0)])
    func linear(value: Double, pixel: Double) {
        let map = AxisMapping(scale: .linear, lower: 0, upper: 10, start: 0, end: 500)
        #expect(abs(map.pixel(value) - pixel) < 1e-9)
        #expect(abs(map.value(atPixel: pixel) - value) < 1e-9)
    }

    @Test("log mapping puts each decade at the same distance", arguments: [(1.0, 0.0), (10.0, 100.0), (100.0, 200.0), (1000.0, 300.0)])
    func logarithmic(value: Double, pixel: Double) {
        let map = AxisMapping(scale: .log, lower: 1, upper: 1000, start: 0, end: 300)
        #expect(abs(map.pixel(value) - pixel) < 1e-9)
        #expect(abs(map.value(atPixel: pixel) - value) < 1e-9 * value)
    }

    @Test func logOfNonPositiveHasNoPixel() {
        let map = AxisMapping(scale: .log, lower: 1, upper: 100, start: 0, end: 200)
        #expect(!map.pixel(0).isFinite)
        #expect(map.pixel(-3).isNaN || !map.pixel(-3).isFinite)
    }

    @Test("y grows upwards in data but downwards on screen")
    func yFlip() {
        let transform = PlotTransform(
            x: AxisMapping(scale: .linear, lower: 0, upper: 1, start: 50, end: 450),
            y: AxisMapping(scale: .linear, lower: 0, upper: 1, start: 400, end: 100))
        #expect(transform.pixel(Point(0, 0)) == Point(50, 400))
        #expect(transform.pixel(Point(1, 1)) == Point(450, 100))
        #expect(transform.pixel(Point(0.5, 0.25)) == Point(250, 325))
    }

    @Test("equal aspect gives one data unit the same length on both axes")
    func equalAspect() throws {
        let panel = Panel(xLimits: 0...4, yLimits: 0...1, equalAspect: true, marks: [.line(x: [0, 4], y: [0, 1])])
        let layout = try FigureLayout.make(Figure(width: 800, height: 500, panel: panel), renderer: RecordingRenderer())
        let plot = layout.panels[0].plot
        let xUnit = plot.width / 4, yUnit = plot.height / 1
        #expect(abs(xUnit - yUnit) <= 1)
        #expect(abs(layout.panels[0].transform.x.pixelsPerUnit - layout.panels[0].transform.y.pixelsPerUnit) <= 1)
    }

    @Test("automatic limits pad lines by 5% but not below a bar baseline")
    func automaticLimits() throws {
        let lines = try PreparedPanel(panel: Panel(marks: [.line(x: [0, 10], y: [0, 100])]), index: 0, theme: .standard)
        #expect(abs(lines.xLimits.lower - -0.5) < 1e-9 && abs(lines.xLimits.upper - 10.5) < 1e-9)
        #expect(abs(lines.yLimits.lower - -5) < 1e-9 && abs(lines.yLimits.upper - 105) < 1e-9)
        let bars = try PreparedPanel(panel: Panel(marks: [.bars(x: [1, 2, 3], heights: [2, 4, 8])]), index: 0, theme: .standard)
        #expect(bars.yLimits.lower == 0)
        #expect(bars.yLimits.upper > 8)
    }

    @Test("log limits pad in decades and ignore non-positive data")
    func logLimits() throws {
        let panel = Panel(yScale: .log, marks: [.line(x: [0, 1, 2, 3], y: [1, 10, 100, -5])])
        let prepared = try PreparedPanel(panel: panel, index: 0, theme: .standard)
        let decades = 0.05 * 2
        #expect(abs(prepared.yLimits.lower - pow10(-decades)) < 1e-9)
        #expect(abs(prepared.yLimits.upper - pow10(2 + decades)) < 1e-6)
    }

    @Test("heatmaps fit their cells exactly")
    func tightLimits() throws {
        let grid = Grid2D(xs: [0, 1, 2], ys: [0, 1], values: [1, 2, 3, 4, 5, 6])
        let prepared = try PreparedPanel(panel: Panel(marks: [.heatmap(grid)]), index: 0, theme: .standard)
        #expect(prepared.xLimits == (-0.5, 2.5))
        #expect(prepared.yLimits == (-0.5, 1.5))
    }

    private func pow10(_ x: Double) -> Double { Scale.log.inverse(x) }
}
