import Testing
@testable import Plot

@Suite("Legend placement")
struct LegendPlacementTests {
    static func legendBox(_ panel: Panel) throws -> (box: Rect, plot: Rect) {
        let renderer = RecordingRenderer()
        let figure = Figure(panel: panel)
        try FigureDrawing(figure: figure).draw(on: renderer)
        let layout = try FigureLayout.make(figure, renderer: RecordingRenderer())
        let label = try #require(renderer.texts.first { $0.text == "data" })
        return (label.box, layout.panels[0].plot)
    }

    @Test("auto placement avoids the corner where the data is", arguments: [
        ([0.0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [10.0, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0], "bottomLeft"),   // falling line: top-right free
        ([0.0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [0.0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "topLeft"),     // rising line: top-left free
    ])
    func avoidsData(x: [Double], y: [Double], free: String) throws {
        let (box, plot) = try Self.legendBox(Panel(marks: [.line(x: x, y: y, label: "data")]))
        if free == "bottomLeft" {
            #expect(box.midX > plot.midX && box.midY < plot.midY, "falling line: legend should be top right")
        } else {
            #expect(box.midX < plot.midX && box.midY < plot.midY, "rising line: legend should be top left")
        }
    }

    @Test func explicitCorner() throws {
        let (box, plot) = try Self.legendBox(Panel(legend: .bottomRight, marks: [.line(x: [0, 1], y: [0, 1], label: "data")]))
        #expect(box.midX > plot.midX && box.midY > plot.midY)
    }

    @Test func hiddenLegendDrawsNoLabels() throws {
        let renderer = RecordingRenderer()
        try FigureDrawing(figure: Figure(panel: Panel(legend: .hidden, marks: [.line(x: [0, 1], y: [0, 1], label: "data")])))
            .draw(on: renderer)
        #expect(!renderer.texts.contains { $0.text == "data" })
    }

    @Test func entriesFollowLabelledMarks() {
        let marks: [Mark] = [.line(x: [0], y: [0], label: "a"), .points(x: [0], y: [0]), .bars(x: [0], heights: [1], label: "c")]
        let entries = legendEntries(assignColors(marks, theme: .standard), theme: .standard)
        #expect(entries.map(\.label) == ["a", "c"])
    }
}

@Suite("Legend outside the plot")
struct OutsideLegendTests {
    @Test("an outside legend sits right of the plot area, inside the figure, and narrows the plot")
    func outsideRight() throws {
        let marks: [Mark] = (0..<4).map { .line(x: [0, 1], y: [Double($0), 1], label: "learning rate \($0)") }
        let inside = try FigureLayout.make(Figure(panel: Panel(marks: marks)), renderer: RecordingRenderer())
        let figure = Figure(panel: Panel(legend: .outsideRight, marks: marks))
        let (layout, renderer) = try LayoutTests.render(figure)
        let plot = layout.panels[0].plot
        #expect(plot.width < inside.panels[0].plot.width - 100)
        for item in renderer.texts where item.text.hasPrefix("learning rate") {
            #expect(item.box.minX > plot.maxX && item.box.maxX <= 800)
        }
    }
}
