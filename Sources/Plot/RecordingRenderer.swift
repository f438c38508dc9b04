/// A renderer that draws nothing and records what it was asked to draw, so tests can check
/// layout (where text went, what was filled) without pixels. Text is measured with simple
/// per-character widths close to DejaVu Sans.
final class RecordingRenderer: Renderer {
    /// One piece of text as placed on the page.
    struct TextItem: Sendable {
        var text: String
        var font: Font
        /// The box the text covers on screen (rotated text: the rotated box).
        var box: Rect
        var rotated: Bool
    }

    enum Operation: Sendable {
        case fill(Path, Color)
        case stroke(Path, StrokeStyle)
        case image(RasterImage, Rect)
        case text(TextItem)
        case pushClip(Rect)
        case popClip
    }

    let prefersRasterCells: Bool
    private(set) var operations: [Operation] = []
    /// Measures text for real (through Cairo) when given; otherwise per-character estimates.
    private let measurer: Renderer?

    init(prefersRasterCells: Bool = true, measuringWith measurer: Renderer? = nil) {
        self.prefersRasterCells = prefersRasterCells
        self.measurer = measurer
    }

    var texts: [TextItem] {
        operations.compactMap { if case .text(let item) = $0 { return item } else { return nil } }
    }

    func fill(_ path: Path, color: Color, rule: FillRule) { operations.append(.fill(path, color)) }
    func stroke(_ path: Path, style: StrokeStyle) { operations.append(.stroke(path, style)) }
    func drawImage(_ image: RasterImage, in rect: Rect) { operations.append(.image(image, rect)) }
    func pushClip(_ rect: Rect) { operations.append(.pushClip(rect)) }
    func popClip() { operations.append(.popClip) }

    func measure(_ text: String, font: Font) -> TextMetrics {
        if let measurer { return measurer.measure(text, font: font) }
        let width = text.unicodeScalars.reduce(0.0) { sum, scalar in
            sum + Self.advance(scalar) * font.size * (font.bold ? 1.08 : 1)
        }
        return TextMetrics(width: width, ascent: 0.93 * font.size, descent: 0.24 * font.size)
    }

    func drawText(_ text: String, at origin: Point, font: Font, color: Color, rotation: Double) {
        let metrics = measure(text, font: font)
        let rotated = rotation != 0
        let box = rotated
            ? Rect(x: origin.x - metrics.ascent, y: origin.y - metrics.width, width: metrics.height, height: metrics.width)
            : Rect(x: origin.x, y: origin.y - metrics.ascent, width: metrics.width, height: metrics.height)
        operations.append(.text(TextItem(text: text, font: font, box: box, rotated: rotated)))
    }

    /// Approximate advance widths (in em) of DejaVu Sans.
    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case " ": return 0.32
        case "i", "l", "j", ".", ",", ":", ";", "'", "|", "!": return 0.28
        case "f", "t", "r", "(", ")", "[", "]": return 0.4
        case "m", "w", "M", "W": return 0.95
        case "A"..."Z": return 0.7
        default: return 0.62
        }
    }
}
