import Foundation
import Testing
@testable import Plot

/// Large images are deflated in stripes on parallel threads and joined into one zlib stream;
/// these check that the joined stream decodes to exactly the pixels encoded, every time the same.
@Suite("Striped PNG encoding")
struct StripedPNGTests {
    static let width: Int32 = 900, height: Int32 = 601

    /// Smooth gradients (compressible) in the top half, pseudo-random noise below (not compressible),
    /// so both stripes and the dictionary carried across the boundary matter.
    static func pixel(_ x: Int, _ y: Int, seed: UInt32 = 0) -> (r: UInt8, g: UInt8, b: UInt8) {
        if y < Int(height) / 2 {
            return (UInt8(x & 0xFF), UInt8(y & 0xFF), UInt8((x + y) / 8 & 0xFF))
        }
        var h = UInt32(truncatingIfNeeded: x &* 73_856_093) ^ UInt32(truncatingIfNeeded: y &* 19_349_663) ^ seed
        h ^= h >> 13; h = h &* 0x5bd1_e995; h ^= h >> 15
        return (UInt8(h & 0xFF), UInt8((h >> 8) & 0xFF), UInt8((h >> 16) & 0xFF))
    }

    static func xrgbRows() -> [UInt32] {
        var words = [UInt32](repeating: 0, count: Int(width * height))
        for y in 0..<Int(height) {
            for x in 0..<Int(width) {
                let p = pixel(x, y)
                words[y * Int(width) + x] = UInt32(p.r) << 16 | UInt32(p.g) << 8 | UInt32(p.b)
            }
        }
        return words
    }

    static func encodeXRGB(_ words: [UInt32]) throws -> Data {
        try words.withUnsafeBytes { raw in
            try CairoOutput.encodePNG(pixels: raw.baseAddress!, width: width, height: height, stride: Int(width) * 4,
                                        layout: .nativeXRGB, pixelsPerMeter: 3780, title: "stripes", description: "α test")
        }
    }

    @Test("the test image is large enough to be split into several stripes")
    func usesSeveralStripes() {
        #expect(CairoOutput.pngStripeCount(width: Self.width, height: Self.height, layout: .nativeXRGB) > 1)
        #expect(CairoOutput.pngStripeCount(width: 40, height: 30, layout: .nativeXRGB) == 1)
    }

    @Test("an RGB image in several stripes decodes to exactly the encoded pixels")
    func rgbRoundTrip() throws {
        let image = try decodePNG(try Self.encodeXRGB(Self.xrgbRows()))
        #expect(image.width == Int(Self.width) && image.height == Int(Self.height))
        var mismatches = 0
        for y in 0..<image.height {
            for x in 0..<image.width {
                let expected = Self.pixel(x, y), got = image.pixel(x, y)
                if got.r != expected.r || got.g != expected.g || got.b != expected.b || got.a != 255 { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("an RGBA image in several stripes decodes to exactly the encoded pixels")
    func rgbaRoundTrip() throws {
        let (w, h) = (Int(Self.width), Int(Self.height))
        #expect(CairoOutput.pngStripeCount(width: Self.width, height: Self.height, layout: .rgba) > 1)
        // Opaque pixels so the decoder's premultiplication cannot round them.
        var bytes = [UInt8](repeating: 255, count: w * h * 4)
        for y in 0..<h {
            for x in 0..<w {
                let p = Self.pixel(x, y, seed: 7), i = (y * w + x) * 4
                (bytes[i], bytes[i + 1], bytes[i + 2]) = (p.r, p.g, p.b)
            }
        }
        let data = try bytes.withUnsafeBytes { raw in
            try CairoOutput.encodePNG(pixels: raw.baseAddress!, width: Self.width, height: Self.height, stride: w * 4,
                                        layout: .rgba, pixelsPerMeter: 0, title: nil, description: nil)
        }
        let image = try decodePNG(data)
        #expect(image.rgba == bytes)
    }

    @Test("striped encoding is deterministic and keeps the chunks in standard order")
    func deterministicAndOrdered() throws {
        let words = Self.xrgbRows()
        let first = try Self.encodeXRGB(words)
        for _ in 0..<5 { #expect(try Self.encodeXRGB(words) == first) }
        #expect(first.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // Walk the chunks: IHDR first, pHYs and text before the image data, IEND last.
        var types: [String] = []
        var offset = 8
        while offset + 8 <= first.count {
            let length = first[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            types.append(String(decoding: first[offset + 4..<offset + 8], as: UTF8.self))
            offset += 12 + length
        }
        #expect(offset == first.count)
        #expect(types.first == "IHDR" && types.last == "IEND")
        let firstData = try #require(types.firstIndex(of: "IDAT"))
        #expect(types[..<firstData].contains("pHYs") && types[..<firstData].contains("tEXt"))
        #expect(types[..<firstData].contains("iTXt"))
    }
}

/// Large figures are drawn in horizontal bands on parallel threads, each on its own surface.
@Suite("Banded PNG drawing")
struct BandedPNGTests {
    /// Dense anti-aliased lines, text and a filled area crossing every band boundary.
    static let figure = Figure(width: 800, height: 500, panel: Panel(
        title: "Bands", xLabel: "x", yLabel: "y",
        marks: [
            .area(x: [0, 1, 2, 3], y: [1, 3, 2, 4], label: "area"),
            .line(x: (0..<400).map { Double($0) / 100 }, y: (0..<400).map { 2 + 1.8 * sin(Double($0) / 9) }, label: "sin"),
        ]))

    static func render(_ figure: Figure, bands: Int?) throws -> Data {
        try CairoOutput.png(width: figure.width, height: figure.height, scale: figure.scale,
                            opaque: figure.theme.background.alpha >= 1, title: "t", description: nil, bands: bands) {
            try FigureDrawing(figure: figure).draw(on: $0)
        }
    }

    @Test("drawing in 2 or 3 bands gives the same pixels as one surface", arguments: [2, 3])
    func bandsMatchWholeImage(bands: Int) throws {
        let whole = try decodePNG(try Self.render(Self.figure, bands: 1))
        let banded = try decodePNG(try Self.render(Self.figure, bands: bands))
        #expect(banded.width == whole.width && banded.height == whole.height)
        #expect(banded.rgba == whole.rgba)
    }

    @Test("a transparent figure in bands keeps its alpha exactly")
    func transparentBands() throws {
        var figure = Self.figure
        figure.theme.background = figure.theme.background.opacity(0)
        let whole = try decodePNG(try Self.render(figure, bands: 1))
        let banded = try decodePNG(try Self.render(figure, bands: 2))
        #expect(banded.rgba == whole.rgba)
        #expect(banded.pixel(1, 1).a == 0)
    }

    @Test("the public PNG of a large figure is banded and byte-identical run to run")
    func deterministic() throws {
        #expect(CairoOutput.pngStripeCount(width: 800, height: 500, layout: .nativeXRGB) == 2)
        let first = try Self.figure.pngData()
        for _ in 0..<4 { #expect(try Self.figure.pngData() == first) }
    }
}
