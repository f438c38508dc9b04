import Foundation
import Testing
@testable import Plot

@Suite("PNG output")
struct PNGOutputTests {
    /// A figure whose plot area is covered by one red rectangle, so pixels are predictable.
    static let redSquare = Figure(width: 400, height: 300, panel: Panel(
        xLimits: 0...1, yLimits: 0...1, grid: false,
        marks: [.rectangle(x: 0.25...0.75, y: 0.25...0.75, fill: Color(hex: 0xFF0000), opacity: 1)]))

    @Test("decoded pixels: white background, the rectangle's colour at its centre", arguments: [1.0, 2.0])
    func samplePixels(scale: Double) throws {
        let figure = Self.redSquare.scaled(scale)
        let image = try decodePNG(try figure.pngData())
        #expect(image.width == Int(400 * scale) && image.height == Int(300 * scale))
        let corner = image.pixel(2, 2)
        #expect(corner.r == 255 && corner.g == 255 && corner.b == 255 && corner.a == 255)
        let layout = try FigureLayout.make(figure, renderer: RecordingRenderer())
        let centre = layout.panels[0].transform.pixel(Point(0.5, 0.5))
        let red = image.pixel(Int(centre.x * scale), Int(centre.y * scale))
        #expect(red.r == 255 && red.g == 0 && red.b == 0)
        // Inside the plot area but outside the rectangle: still white.
        let outside = layout.panels[0].transform.pixel(Point(0.1, 0.9))
        let white = image.pixel(Int(outside.x * scale), Int(outside.y * scale))
        #expect(white.r == 255 && white.g == 255 && white.b == 255)
    }

    @Test("the same figure gives the same bytes")
    func deterministic() throws {
        let a = try Self.redSquare.pngData(), b = try Self.redSquare.pngData()
        #expect(a == b)
        let figure = Figure(panel: Panel(title: "α − β ²", marks: [.line(x: [0, 1, 2], y: [1, 3, 2], label: "l")]))
        #expect(try figure.pngData() == figure.pngData())
    }

    @Test("pHYs says 96 dpi times the scale, and text chunks carry title and alt text")
    func chunks() throws {
        var figure = Self.redSquare.scaled(2)
        figure.title = "Red square"
        figure.altText = "A red square on white, θ ≈ 1"
        let data = try figure.pngData()
        let chunks = pngChunks(data)
        let phys = try #require(chunks.first { $0.type == "pHYs" }?.body)
        let perMeter = phys.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
        #expect(perMeter == UInt32((96 * 2 / 0.0254).rounded()))
        #expect(phys.last == 1)
        let title = try #require(chunks.first { $0.type == "tEXt" }?.body)
        #expect(String(decoding: title, as: UTF8.self) == "Title\0Red square")
        // Non-ASCII alt text goes into an international text chunk.
        #expect(chunks.contains { $0.type == "iTXt" })
        #expect(chunks.last?.type == "IEND")
    }

    @Test("writing picks the format from the extension")
    func writeFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plot-tests-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in OutputFormat.allCases {
            let url = directory.appendingPathComponent("figure.\(format.rawValue)")
            try Self.redSquare.write(to: url)
            let bytes = try Data(contentsOf: url)
            #expect(bytes == (try Self.redSquare.data(format: format)), "\(format) differs between two renders")
        }
        let png = try Data(contentsOf: directory.appendingPathComponent("figure.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    /// The chunks of a PNG file: (type, body).
    func pngChunks(_ data: Data) -> [(type: String, body: [UInt8])] {
        let bytes = [UInt8](data)
        var chunks: [(String, [UInt8])] = []
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) })
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            chunks.append((type, Array(bytes[offset + 8..<min(bytes.count, offset + 8 + length)])))
            offset += 12 + length
        }
        return chunks
    }
}
