import Testing
@testable import Plot

@Suite("Images and heatmap cells")
struct ImageMarkTests {
    /// An 8 x 8 checkerboard: 0 (white) and 16 (black) with greys.
    static let checker: [Double] = (0..<64).map { (($0 / 8) + ($0 % 8)) % 2 == 0 ? 0 : 16 }

    @Test("an 8 x 8 image is drawn nearest-neighbour: each cell one flat colour", arguments: [1.0, 2.0])
    func nearestNeighbour(scale: Double) throws {
        let figure = Figure(width: 300, height: 300, scale: scale, panel: Panel(
            equalAspect: true, showsAxes: false, marks: [.image(Self.checker, width: 8, height: 8, range: 0...16)]))
        let image = try decodePNG(try figure.pngData())
        let transform = try FigureLayout.make(figure, renderer: RecordingRenderer()).panels[0].transform
        for row in 0..<8 {
            for column in 0..<8 {
                // Pixel (column, row) of the picture, top row first, sits at y = 7 - row + 0.5 in data.
                let centre = transform.pixel(Point(Double(column) + 0.5, Double(7 - row) + 0.5))
                let pixel = image.pixel(Int(centre.x * scale), Int(centre.y * scale))
                let expected: UInt8 = (row + column) % 2 == 0 ? 255 : 0
                #expect(pixel.r == expected && pixel.g == expected && pixel.b == expected,
                        "cell (\(column), \(row)) is \(pixel)")
            }
        }
    }

    @Test("heatmap value labels pick light text on dark cells and dark text on light ones")
    func valueLabels() throws {
        let renderer = RecordingRenderer()
        let figure = Figure(panel: .matrix([[0, 10], [5, 10]], rowNames: ["a", "b"], columnNames: ["c", "d"],
                                           colormap: .greys))
        try FigureDrawing(figure: figure).draw(on: renderer)
        #expect(renderer.texts.filter { ["0", "5", "10"].contains($0.text) }.count == 4)
        let labels = renderer.operations.compactMap { op -> String? in
            if case .text(let item) = op { return item.text }
            return nil
        }
        #expect(labels.contains("c") && labels.contains("a"))
    }
}
