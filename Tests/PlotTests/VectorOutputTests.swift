import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Plot

@Suite("SVG and PDF output")
struct VectorOutputTests {
    static let figure = Figure(width: 640, height: 400, title: "Vectors", panels: [Panel(
        xLabel: "x", yLabel: "y",
        marks: [.line(x: [0, 1, 2, 3], y: [0, 1, 4, 9], label: "x²"),
                .heatmap(Grid2D(xs: [0, 1], ys: [0, 1], values: [1, 2, 3, 4]), colorBar: "v")])])

    final class RootFinder: NSObject, XMLParserDelegate {
        var root: String?
        var attributes: [String: String] = [:]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String]) {
            if root == nil {
                root = name
                self.attributes = attributes
            }
        }
    }

    @Test("SVG is well-formed XML with an <svg> root sized in px")
    func svg() throws {
        let data = try Self.figure.data(format: .svg)
        let parser = XMLParser(data: data)
        let finder = RootFinder()
        parser.delegate = finder
        #expect(parser.parse(), "SVG does not parse: \(String(describing: parser.parserError))")
        #expect(finder.root == "svg")
        #expect(finder.attributes["width"] == "640px" || finder.attributes["width"] == "640")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasSuffix("</svg>\n") || text.hasSuffix("</svg>"))
    }

    @Test("PDF starts with %PDF, ends with %%EOF and is the same every time")
    func pdf() throws {
        let data = try Self.figure.data(format: .pdf)
        #expect(data.starts(with: Array("%PDF-".utf8)))
        let tail = String(decoding: data.suffix(8), as: UTF8.self)
        #expect(tail.contains("%%EOF"))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("/CreationDate (") && text.contains("20000101000000"))
        #expect(try Self.figure.data(format: .pdf) == data)
    }

    @Test("vector output draws heatmap cells as shapes, PNG as one image")
    func cellsAsShapes() throws {
        let grid = Grid2D(xs: [0, 1, 2], ys: [0, 1], values: [1, 2, 3, 4, 5, 6])
        let figure = Figure(panel: Panel(marks: [.heatmap(grid)]))
        let vector = RecordingRenderer(prefersRasterCells: false)
        try FigureDrawing(figure: figure).draw(on: vector)
        let raster = RecordingRenderer(prefersRasterCells: true)
        try FigureDrawing(figure: figure).draw(on: raster)
        let images = { (r: RecordingRenderer) in r.operations.filter { if case .image = $0 { return true } else { return false } }.count }
        #expect(images(vector) == 0)
        #expect(images(raster) == 1)
    }
}
