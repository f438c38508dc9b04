import Foundation
import Testing
@testable import Plot

/// Layout checked with the recording renderer: where text and plot areas land, without pixels.
@Suite("Layout from measured text")
struct LayoutTests {
    static func render(_ figure: Figure) throws -> (FigureLayout, RecordingRenderer) {
        let renderer = RecordingRenderer()
        try FigureDrawing(figure: figure).draw(on: renderer)
        return (try FigureLayout.make(figure, renderer: RecordingRenderer()), renderer)
    }

    /// The same, with text measured by Cairo and DejaVu Sans as in real output.
    static func renderWithRealText(_ figure: Figure) throws -> (FigureLayout, RecordingRenderer) {
        try CairoOutput.withMeasuringRenderer { cairo in
            let renderer = RecordingRenderer(measuringWith: cairo)
            try FigureDrawing(figure: figure).draw(on: renderer)
            return (try FigureLayout.make(figure, renderer: RecordingRenderer(measuringWith: cairo)), renderer)
        }
    }

    static let sample = Panel(title: "Cost per iteration", xLabel: "iteration", yLabel: "cost J(w, b)",
                              marks: [.line(x: [0, 250, 500, 1000], y: [4000, 300, 20, 2], label: "α = 0.01"),
                                      .points(x: [0, 1000], y: [4000, 2], label: "ends")])

    @Test("plot area and every text stay inside the figure",
          arguments: [(800.0, 500.0), (400.0, 300.0), (1600.0, 900.0)], [false, true])
    func insideFigure(size: (Double, Double), realText: Bool) throws {
        let (width, height) = size
        let figure = Figure(width: width, height: height, panel: Self.sample)
        let (layout, renderer) = try realText ? Self.renderWithRealText(figure) : Self.render(figure)
        let page = Rect(x: 0, y: 0, width: width, height: height)
        #expect(page.encloses(layout.panels[0].plot))
        for item in renderer.texts {
            #expect(page.encloses(item.box), "\(item.text) at \(item.box) is cut off")
        }
    }

    @Test("tick labels, axis labels and the title do not overlap each other or the plot area",
          arguments: [false, true])
    func noOverlaps(realText: Bool) throws {
        let figure = Figure(panel: Self.sample)
        let (layout, renderer) = try realText ? Self.renderWithRealText(figure) : Self.render(figure)
        let plot = layout.panels[0].plot
        let frameTexts = renderer.texts.filter { !["α = 0.01", "ends"].contains($0.text) }
        for (i, a) in frameTexts.enumerated() {
            #expect(!a.box.intersects(plot), "\(a.text) overlaps the plot area")
            for b in frameTexts[(i + 1)...] {
                #expect(!a.box.intersects(b.box), "\(a.text) overlaps \(b.text)")
            }
        }
    }

    @Test("a 2 x 2 grid lines up plot areas along rows and columns, under the figure title")
    func gridAlignment() throws {
        let panels = (0..<4).map { i in
            Panel(title: "panel \(i)", xLabel: "x", yLabel: i == 1 ? "a much longer y label" : "y",
                  marks: [.line(x: [0, 1], y: [0, i == 2 ? 123_456 : 1])])
        }
        let figure = Figure(width: 900, height: 600, title: "Four panels", rows: 2, columns: 2, panels: panels)
        let (layout, renderer) = try Self.renderWithRealText(figure)
        let plots = layout.panels.map(\.plot)
        #expect(plots[0].minX == plots[2].minX && plots[1].minX == plots[3].minX)
        #expect(plots[0].minY == plots[1].minY && plots[2].maxY == plots[3].maxY)
        let title = try #require(renderer.texts.first { $0.text == "Four panels" })
        for plot in plots { #expect(title.box.maxY < plot.minY) }
        for (i, a) in plots.enumerated() { for b in plots[(i + 1)...] { #expect(!a.intersects(b)) } }
    }

    @Test("at 2x and 3x the layout in CSS pixels is the same as at 1x", arguments: [2.0, 3.0])
    func scaleIndependent(scale: Double) throws {
        let one = try FigureLayout.make(Figure(panel: Self.sample), renderer: RecordingRenderer())
        let other = try FigureLayout.make(Figure(scale: scale, panel: Self.sample), renderer: RecordingRenderer())
        #expect(one.panels[0].plot == other.panels[0].plot)
    }

    @Test("long y tick labels push the plot area right")
    func marginsFollowText() throws {
        let short = try FigureLayout.make(Figure(panel: Panel(marks: [.line(x: [0, 1], y: [0, 1])])), renderer: RecordingRenderer())
        let long = try FigureLayout.make(Figure(panel: Panel(marks: [.line(x: [0, 1], y: [0, 1_234_567])])), renderer: RecordingRenderer())
        #expect(long.panels[0].plot.minX > short.panels[0].plot.minX + 20)
    }

    @Test("a colour bar takes room on the right and its labels stay inside the figure")
    func colorBar() throws {
        let grid = Grid2D(xs: [0, 1, 2], ys: [0, 1, 2], values: (0..<9).map(Double.init))
        let figure = Figure(width: 600, height: 400, panel: Panel(marks: [.heatmap(grid, colorBar: "value")]))
        let (layout, renderer) = try Self.render(figure)
        let bar = try #require(layout.panels[0].colorBar?.bar)
        #expect(bar.minX > layout.panels[0].plot.maxX)
        #expect(bar.maxX < 600)
        let label = try #require(renderer.texts.first { $0.text == "value" })
        #expect(label.rotated && label.box.maxX <= 600)
    }

    @Test("x tick labels never touch, even on a narrow panel")
    func xTickSpacing() throws {
        let figure = Figure(width: 260, height: 240, panel: Panel(marks: [.line(x: [0, 123_456], y: [0, 1])]))
        let layout = try FigureLayout.make(figure, renderer: RecordingRenderer())
        let renderer = RecordingRenderer()
        let panel = layout.panels[0]
        let boxes = zip(panel.xTicks.values, panel.xTicks.labels).map { value, label in
            let metrics = renderer.measure(label, font: Theme.standard.font(Theme.standard.tickLabelSize))
            return (panel.transform.x.pixel(value) - metrics.width / 2, panel.transform.x.pixel(value) + metrics.width / 2)
        }
        #expect(boxes.count >= 2)
        for i in boxes.indices.dropFirst() { #expect(boxes[i].0 > boxes[i - 1].1) }
    }
}

@Suite("Rotated category labels")
struct RotatedLabelTests {
    @Test("names too wide to sit side by side turn upwards and stay inside the figure without overlapping")
    func rotatedNames() throws {
        let names = (0..<12).map { "a rather long feature name \($0)" }
        let panel = Panel(xLabel: "feature", xTicks: names.enumerated().map { AxisTick(Double($0.offset), $0.element) },
                          marks: [.bars(x: names.indices.map(Double.init), heights: names.indices.map { Double($0) })])
        let figure = Figure(width: 800, height: 600, panel: panel)
        let (layout, renderer) = try LayoutTests.renderWithRealText(figure)
        #expect(layout.panels[0].xTicks.rotated)
        let labels = renderer.texts.filter { $0.text.hasPrefix("a rather") }
        #expect(labels.count == 12 && labels.allSatisfy(\.rotated))
        let page = Rect(x: 0, y: 0, width: 800, height: 600)
        for (i, a) in labels.enumerated() {
            #expect(page.encloses(a.box))
            #expect(!a.box.intersects(layout.panels[0].plot))
            for b in labels[(i + 1)...] { #expect(!a.box.intersects(b.box)) }
        }
        let title = try #require(renderer.texts.first { $0.text == "feature" })
        #expect(labels.allSatisfy { !$0.box.intersects(title.box) })
    }
}

@Suite("Long titles")
struct LongTitleTests {
    @Test("a title wider than its panel is set smaller and stays inside the figure")
    func longTitle() throws {
        let title = "A very long panel title that would never fit into a small panel of a grid"
        let panels = (0..<2).map { _ in Panel(title: title, xLabel: "x", yLabel: "y", marks: [.line(x: [0, 1], y: [0, 1])]) }
        let figure = Figure(width: 700, height: 300, rows: 1, columns: 2, panels: panels)
        let (_, renderer) = try LayoutTests.render(figure)
        let titles = renderer.texts.filter { $0.text.hasPrefix("A very long") }
        #expect(titles.count == 2)
        for item in titles {
            #expect(item.font.size < Theme.standard.titleSize)
            #expect(item.box.minX >= 0 && item.box.maxX <= 700)
        }
        #expect(!titles[0].box.intersects(titles[1].box))
    }
}

@Suite("Busy figures with real text")
struct BusyFigureTests {
    static func frameTexts(_ renderer: RecordingRenderer, excluding marks: Set<String>) -> [RecordingRenderer.TextItem] {
        renderer.texts.filter { !marks.contains($0.text) }
    }

    @Test("colour bar, outside legend, log axis and titles in a grid never overlap or leave the figure",
          arguments: [1.0, 2.0])
    func busyGrid(scale: Double) throws {
        let grid = Sampling.grid(x: 0...1, y: 1...1000, nx: 20, ny: 20) { x, y in x * log10(y) }
        let contour = Panel(title: "contours α", xLabel: "w₁", yLabel: "b (log)", yScale: .log, legend: .outsideRight,
                            marks: [.filledContour(grid, levels: .automatic(8), colorBar: "J(w, b)"),
                                    .line(x: [0, 1], y: [1, 1000], label: "path")])
        let lines = Panel(title: "cost", xLabel: "iteration", yLabel: "cost", yScale: .log,
                          marks: [.line(y: (0..<50).map { 1e6 / Double($0 + 1) }, label: "α = 0.1"),
                                  .line(y: (0..<50).map { 1e5 / Double($0 + 1) }, style: .dashed, label: "α = 0.01")])
        let figure = Figure(width: 1000, height: 420, scale: scale, title: "A busy figure", rows: 1, columns: 2,
                            panels: [contour, lines])
        let (layout, renderer) = try LayoutTests.renderWithRealText(figure)
        let page = Rect(x: 0, y: 0, width: 1000, height: 420)
        let texts = Self.frameTexts(renderer, excluding: ["path", "α = 0.1", "α = 0.01"])
        for (i, a) in texts.enumerated() {
            #expect(page.encloses(a.box), "\(a.text) leaves the figure")
            for panel in layout.panels { #expect(!a.box.intersects(panel.plot), "\(a.text) overlaps a plot area") }
            for b in texts[(i + 1)...] { #expect(!a.box.intersects(b.box), "\(a.text) overlaps \(b.text)") }
        }
        let legend = renderer.texts.filter { $0.text == "path" }
        let bar = try #require(layout.panels[0].colorBar?.bar)
        #expect(legend.allSatisfy { $0.box.minX > bar.maxX })
    }
}
