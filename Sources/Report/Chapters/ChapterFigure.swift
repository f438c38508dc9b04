import Foundation

/// A figure a chapter generates: a stable file name, the lesson it teaches, a description for
/// people who cannot see it, and a closure that draws it.
///
/// The report calls ``render`` once per format, with the file URL
/// (`<output>/<chapter-id>/<stem>.<ext>`), the format and the PNG scale. The closure hides the
/// plotting library, so chapters can use Plot without the report machinery depending on its API:
///
///     ChapterFigure(stem: "cost-contour", caption: "Gradient descent walks downhill ...",
///                   altText: "Contours of J(w, b) with a path from (0, 0) to the minimum",
///                   width: 800, height: 500) { url, format, scale in
///         try figure.write(to: url, format: format.plotFormat, scale: scale)
///     }
struct ChapterFigure: Sendable {
    /// Draws the figure into a file.
    typealias Renderer = @Sendable (_ url: URL, _ format: FigureFormat, _ scale: Double) throws -> Void

    /// The file name without extension, stable across runs (`cost-contour`).
    let stem: String
    /// The lesson, in inline Markdown (math allowed); shown under the figure.
    let caption: String
    /// What the figure shows, in plain words, for screen readers and broken images.
    let altText: String
    /// Size in CSS pixels (the PNG is `scale` times larger).
    let width: Int
    let height: Int
    /// Writes the figure's file.
    let render: Renderer

    init(stem: String, caption: String, altText: String, width: Int, height: Int, render: @escaping Renderer) {
        self.stem = stem
        self.caption = caption
        self.altText = altText
        self.width = width
        self.height = height
        self.render = render
    }
}
