import Foundation
import Testing
@testable import Report

@Suite struct ChapterAssemblyTests {
    private func assemble(_ markdown: String, page: ChapterPage) throws -> BuiltChapter {
        let chapter = DemoPointsChapter()
        let blocks = try MarkdownBlocks.parse(markdown, file: "chapters/demo-points.md")
        return try ChapterAssembly(chapter: chapter, page: page, blocks: blocks, proseFile: "chapters/demo-points.md",
                                   formats: [.png, .pdf]).assemble()
    }

    private func figure(_ stem: String) -> ChapterFigure {
        ChapterFigure(stem: stem, caption: "A lesson.", altText: "A picture.", width: 400, height: 300) { _, _, _ in }
    }

    private func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func placesFiguresInProseOrderWithNumbersAndFiles() throws {
        let built = try assemble("{{figure b}}\n\ntext\n\n{{figure a}}", page: ChapterPage(figures: [figure("a"), figure("b")]))
        #expect(built.figures.map(\.stem) == ["b", "a"])
        #expect(built.figures.map(\.label) == ["2.1", "2.2"])
        #expect(built.figures[0].files.map(\.path) == ["demo-points/b.png", "demo-points/b.pdf"])
        #expect(built.thumbnail?.stem == "b")
        #expect(built.body.count == 3)
    }

    @Test func placeholderWithoutItemIsAnError() {
        let text = message { _ = try assemble("intro\n\n{{figure missing}}", page: ChapterPage(figures: [figure("a")])) }
        #expect(text == "chapters/demo-points.md:3: the chapter provides no figure 'missing'; it provides: a")
    }

    @Test func unplacedItemIsAnError() {
        let table = ChapterTable(name: "metrics", caption: "", header: ["a"], rows: [["1"]])
        let text = message { _ = try assemble("{{figure a}}", page: ChapterPage(figures: [figure("a")], tables: [table])) }
        #expect(text == "chapters/demo-points.md:1: the chapter provides the table 'metrics' but the prose never places it; add a line {{table metrics}}")
    }

    @Test func itemPlacedTwiceIsAnError() {
        let text = message { _ = try assemble("{{figure a}}\n{{figure a}}", page: ChapterPage(figures: [figure("a")])) }
        #expect(text == "chapters/demo-points.md:2: the figure 'a' is placed twice")
    }

    @Test func codePlaceholderNeedsAnExcerpt() {
        let text = message { _ = try assemble("{{code step}}", page: ChapterPage()) }
        #expect(text == "chapters/demo-points.md:1: the chapter provides no code 'step'; it provides none")
    }

    static let badPages: [(page: ChapterPage, message: String)] = [
        (ChapterPage(figures: [ChapterFigure(stem: "Bad Stem", caption: "c", altText: "a", width: 1, height: 1) { _, _, _ in }]),
         "chapter demo-points: figure stem 'Bad Stem' must be lowercase words joined by hyphens (it becomes a file name)"),
        (ChapterPage(figures: [ChapterFigure(stem: "x", caption: "c", altText: " ", width: 1, height: 1) { _, _, _ in }]),
         "chapter demo-points: figure 'x' needs alt text describing what it shows"),
        (ChapterPage(figures: [ChapterFigure(stem: "x", caption: "c", altText: "a", width: 0, height: 1) { _, _, _ in }]),
         "chapter demo-points: figure 'x' needs a positive width and height"),
        (ChapterPage(tables: [ChapterTable(name: "t", caption: "", header: ["a", "b"], rows: [["1"]])]),
         "chapter demo-points: table 't' row 1 has 1 cells but the header has 2"),
        (ChapterPage(tables: [ChapterTable(name: "t", caption: "", header: ["a", "b"], rows: [], comparison: .init(ours: 1, reference: 2))]),
         "chapter demo-points: table 't' compares columns 1 and 2, which are not two of its columns"),
        (ChapterPage(thumbnail: "nothing"), "chapter demo-points: the thumbnail 'nothing' is not one of the chapter's figures"),
    ]

    @Test(arguments: badPages)
    func rejectsInconsistentPages(page: ChapterPage, message expected: String) {
        #expect(message { _ = try assemble("", page: page) } == expected)
    }

    @Test func captionMathErrorsNameTheFigure() {
        let bad = ChapterFigure(stem: "x", caption: "See $\\nope$.", altText: "a", width: 1, height: 1) { _, _, _ in }
        #expect(message { _ = try assemble("{{figure x}}", page: ChapterPage(figures: [bad])) }
                == "demo-points: figure x caption:1: unknown TeX command \\nope in $\\nope$")
    }

    @Test func tableMarksComparedColumnsAndNumbers() throws {
        let table = ChapterTable(name: "t", caption: "Ours & theirs", header: ["p", "ours", "sklearn"],
                                 rows: [["w", "−1.5", "-1.5"]], comparison: .init(ours: 1, reference: 2))
        let html = HTMLSerializer.fragment([try PageComponents.table(table, captionNodes: [.text(table.caption)])])
        #expect(html.contains("<caption>Ours &amp; theirs</caption>"))
        #expect(html.contains("<th scope=\"col\" class=\"ours\">ours</th>"))
        #expect(html.contains("<th scope=\"row\">w</th><td class=\"ours num\">−1.5</td><td class=\"reference num\">-1.5</td>"))
    }
}
