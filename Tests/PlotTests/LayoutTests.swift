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

    static let sample = Panel(title: "Cost per iteration", xLabel: "iteration", yLabel: "cost J(w, b)",
                              marks: [.line(x: [0, 250, 500, 1000], y: [4000, 300, 20, 2], label: "α = 0.01"),
                                      .points(x: [0, 1000], y: [4000, 2], label: "ends")])

    @Test("plot area and every text stay inside the figure", arguments: [(800.0, 500.0), (400.0, 300.0), (1600.0, 900.0)])
    func insideFigure(width: Double, height: Double) throws {
        let (layout, renderer) = try Self.render(Figure(width: width, height: height, panel: Self.sample))
        let page = Rect(x: 0, y: 0, width: width, height: height)
        #expect(page.encloses(layout.panels[0].plot))
        for item in renderer.texts {
            #expect(page.encloses(item.box), "\(item.text) at \(item.box) is cut off")
        }
    }

    @Test("tick labels, axis labels and the title do not overlap each other or the plot area")
    func noOverlaps() throws {
        let (layout, renderer) = try Self.render(Figure(panel: Self.sample))
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
        let (layout, renderer) = try Self.render(figure)
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
        let (layout, renderer) = try LayoutTests.render(figure)
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
