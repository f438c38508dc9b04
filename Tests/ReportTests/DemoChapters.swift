import Foundation
@testable import Report

/// Chapters that exist only in the tests: they exercise every part of a page without models or
/// the plotting library, writing tiny but valid PNG, SVG and PDF files.
enum DemoFiles {
    /// A valid 2x2 RGB PNG.
    static let png = Data([
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xFD, 0xD4, 0x9A,
        0x73, 0x00, 0x00, 0x00, 0x16, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0x78, 0xE0, 0x60, 0x60,
        0xD0, 0x70, 0x81, 0xE1, 0xFF, 0xFF, 0xFF, 0x0A, 0x0A, 0x0A, 0x00, 0x2D, 0x0F, 0x06, 0x2E, 0xA7,
        0x81, 0x66, 0xD2, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ])

    static func svg(seed: UInt64, scale: Double) -> Data {
        Data("""
            <svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"><title>seed \(seed), scale \(scale)</title>\
            <rect width="640" height="400" fill="#ffffff"/></svg>

            """.utf8)
    }

    static let pdf = Data("%PDF-1.4\n% demo figure\n%%EOF\n".utf8)

    /// A renderer that writes the demo file for each format.
    static func renderer(seed: UInt64) -> ChapterFigure.Renderer {
        { url, format, scale in
            switch format {
            case .png: try png.write(to: url)
            case .svg: try svg(seed: seed, scale: scale).write(to: url)
            case .pdf: try pdf.write(to: url)
            }
        }
    }
}

/// A chapter with two figures, a compared table, a real code excerpt and prose using every block.
struct DemoLinesChapter: Chapter {
    let id = "demo-lines"
    let number = 1
    let title = "Demo: fitting a line"
    let summary = "A test chapter that uses every part of a page."
    var caption = "Gradient descent walks **downhill**: the path ends at the minimum of $J(w, b)$."
    var markdown = DemoLinesChapter.prose

    static let prose = """
        ## Intuition

        A line $f(x) = w x + b$ is fitted by *gradient descent*; the cost is
        the mean squared error, with `m` examples.

        $$J(w, b) = \\frac{1}{2m} \\sum_{i=1}^{m} \\left( f(x^{(i)}) - y^{(i)} \\right)^2$$

        {{figure fitted-line}}

        ## The update

        1. Compute $\\frac{\\partial J}{\\partial w}$ and $\\frac{\\partial J}{\\partial b}$.
        2. Update both at once:
           - $w \\leftarrow w - \\alpha \\frac{\\partial J}{\\partial w}$
           - $b \\leftarrow b - \\alpha \\frac{\\partial J}{\\partial b}$

        > Simultaneous update: compute both gradients before changing either parameter.

        {{figure cost-curve}}

        {{table parameters}}

        {{code edit-distance}}

        | symbol | meaning |
        |--------|:--------|
        | $m$ | number of examples |
        | $\\alpha$ | learning rate |

        ## Try this

        - Set $\\alpha = 0.8$ and watch the cost escalate.
        - Read [the figures page](figures.html).
        """

    func build(_ context: ChapterContext) throws -> ChapterPage {
        ChapterPage(
            figures: [
                ChapterFigure(stem: "fitted-line", caption: "The fitted line passes through the middle of the data.",
                              altText: "Scatter of points with a straight line through them", width: 640, height: 400,
                              render: DemoFiles.renderer(seed: context.seed)),
                ChapterFigure(stem: "cost-curve", caption: caption,
                              altText: "Cost falling \"fast\" then slowly, <not> a line", width: 640, height: 400,
                              render: DemoFiles.renderer(seed: context.seed)),
            ],
            tables: [
                ChapterTable(name: "parameters", caption: "Learned parameters, ours beside scikit-learn's ($w$ and $b$).",
                             header: ["parameter", "ours", "scikit-learn"],
                             rows: [["w", "1.1930", "1.1930"], ["b", "−3.8958", "−3.8958"]],
                             comparison: .init(ours: 1, reference: 2)),
            ],
            code: [try context.excerpt("edit-distance")],
            prose: .inline(markdown: markdown, file: "chapters/demo-lines.md"),
            thumbnail: "cost-curve"
        )
    }
}

/// A second, smaller chapter (for previous/next links and the index).
struct DemoPointsChapter: Chapter {
    let id = "demo-points"
    let number = 2
    let title = "Demo: classifying points"
    let summary = "A second test chapter with one figure."
    /// Replaces the figure's renderer (to test failures).
    var renderer: ChapterFigure.Renderer?

    func build(_ context: ChapterContext) throws -> ChapterPage {
        ChapterPage(
            figures: [
                ChapterFigure(stem: "decision-boundary", caption: "The boundary $w \\cdot x + b = 0$ separates the classes.",
                              altText: "Two clouds of points split by a line", width: 640, height: 400,
                              render: renderer ?? DemoFiles.renderer(seed: context.seed)),
            ],
            prose: .inline(markdown: """
                ## Idea

                Points above the line are one class, points below the other.

                {{figure decision-boundary}}
                """, file: "chapters/demo-points.md")
        )
    }
}

/// A chapter whose model fails.
struct FailingChapter: Chapter {
    let id = "demo-failing"
    let number = 3
    let title = "Demo: a failing chapter"
    let summary = "Its build throws."

    struct ModelDiverged: Error, CustomStringConvertible {
        var description: String { "the cost diverged to infinity" }
    }

    func build(_ context: ChapterContext) throws -> ChapterPage {
        throw ModelDiverged()
    }
}

extension ChapterRegistry {
    /// The two demo chapters.
    static var demo: ChapterRegistry { get throws { try ChapterRegistry([DemoPointsChapter(), DemoLinesChapter()]) } }
}
