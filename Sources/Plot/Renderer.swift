/// A font request: the family comes from the theme, size in pixels at 1x.
struct Font: Sendable, Equatable {
    var family: String
    var size: Double
    var bold: Bool = false
}

/// The measured size of a piece of text set in one line.
struct TextMetrics: Sendable, Equatable {
    /// How far the pen moves: the width the text occupies.
    var width: Double
    /// Distance from the baseline up to the top of the font's tallest glyphs.
    var ascent: Double
    /// Distance from the baseline down to the bottom of descending glyphs.
    var descent: Double

    var height: Double { ascent + descent }
}

/// An RGBA picture drawn with nearest-neighbour sampling (digits, heatmap cells, colour bars).
struct RasterImage: Sendable {
    var width: Int
    var height: Int
    /// Row-major, top row first.
    var pixels: [Color]
}

/// The seam between figure layout and pixels. Coordinates are pixels at 1x, y downwards.
///
/// `CairoRenderer` draws to PNG, SVG and PDF; `RecordingRenderer` keeps a list of what was
/// drawn so tests can check layout without pixels.
protocol Renderer: AnyObject {
    /// True when heatmap cells should be drawn as one scaled image (fast, crisp in PNG)
    /// rather than one rectangle per cell (crisp in SVG/PDF viewers).
    var prefersRasterCells: Bool { get }

    func fill(_ path: Path, color: Color, rule: FillRule)
    func stroke(_ path: Path, style: StrokeStyle)
    func measure(_ text: String, font: Font) -> TextMetrics
    /// Draws `text` with its baseline starting at `origin`, turned by `rotation` radians
    /// (negative turns counter-clockwise on screen) around the origin.
    func drawText(_ text: String, at origin: Point, font: Font, color: Color, rotation: Double)
    /// Draws an image stretched over `rect`, pixel edges sharp.
    func drawImage(_ image: RasterImage, in rect: Rect)
    /// Restricts drawing to `rect` until the matching `popClip`.
    func pushClip(_ rect: Rect)
    func popClip()
    /// Work shared with the other bands drawing the same PNG, or nil when drawing alone.
    var sharedWork: SharedBandWorkClient? { get }
}

extension Renderer {
    var sharedWork: SharedBandWorkClient? { nil }
}

/// Horizontal placement of text relative to its anchor point.
enum HorizontalAlignment: Sendable {
    case left, center, right
}

/// Vertical placement of text relative to its anchor point.
enum VerticalAlignment: Sendable {
    case top, center, baseline, bottom
}

extension Renderer {
    /// Draws one line of text placed by its alignment around `anchor`; returns the box it covers.
    @discardableResult
    func drawText(_ text: String, anchor: Point, font: Font, color: Color,
                  horizontal: HorizontalAlignment, vertical: VerticalAlignment,
                  rotated: Bool = false) -> Rect {
        let metrics = measure(text, font: font)
        let box = Self.textBox(metrics, anchor: anchor, horizontal: horizontal, vertical: vertical,
                               rotated: rotated)
        if rotated {
            // Reading bottom to top: the baseline is the box's right edge.
            let origin = Point(box.maxX - metrics.descent, box.maxY)
            drawText(text, at: origin, font: font, color: color, rotation: -Double.pi / 2)
        } else {
            drawText(text, at: Point(box.minX, box.minY + metrics.ascent), font: font, color: color,
                     rotation: 0)
        }
        return box
    }

    /// The box a text of `metrics` covers when placed at `anchor` with the given alignment.
    /// For rotated (vertical, bottom-to-top) text the alignments refer to the screen box.
    static func textBox(_ metrics: TextMetrics, anchor: Point, horizontal: HorizontalAlignment,
                        vertical: VerticalAlignment, rotated: Bool = false) -> Rect {
        let width = rotated ? metrics.height : metrics.width
        let height = rotated ? metrics.width : metrics.height
        let x: Double
        switch horizontal {
        case .left: x = anchor.x
        case .center: x = anchor.x - width / 2
        case .right: x = anchor.x - width
        }
        let y: Double
        switch vertical {
        case .top: y = anchor.y
        case .center: y = anchor.y - height / 2
        case .baseline: y = rotated ? anchor.y - height : anchor.y - metrics.ascent
        case .bottom: y = anchor.y - height
        }
        return Rect(x: x, y: y, width: width, height: height)
    }
}
