/// A chapter's page: number, title and one-line summary, the prose with its figures, tables and
/// code, then links to the previous and next chapters.
enum ChapterPageLayout {
    /// The page's file name in the report folder.
    static func fileName(for id: String) -> String { "\(id).html" }

    static func render(_ chapter: BuiltChapter, previous: BuiltChapter?, next: BuiltChapter?, footer: String) -> String {
        let header: [HTMLNode] = [
            .element("p", ["class": "eyebrow"], [.text("Chapter \(chapter.number)")]),
            .element("h1", [:], [.text(chapter.title)]),
            .element("p", ["class": "summary"], [.text(chapter.summary)]),
        ]
        var pager: [HTMLNode] = []
        if let previous {
            pager.append(.element("a", ["rel": "prev", "href": fileName(for: previous.id)], [
                .element("span", ["class": "pager-label"], [.text("Previous")]), .text(" "),
                .text("\(previous.number). \(previous.title)"),
            ]))
        }
        if let next {
            if !pager.isEmpty { pager.append(.text(" ")) }
            pager.append(.element("a", ["rel": "next", "href": fileName(for: next.id)], [
                .element("span", ["class": "pager-label"], [.text("Next")]), .text(" "),
                .text("\(next.number). \(next.title)"),
            ]))
        }
        let after: [HTMLNode] = pager.isEmpty ? [] : [.element("nav", ["class": "pager", "aria-label": "Chapters"], pager)]
        return PageShell.document(title: "\(chapter.number). \(chapter.title) · \(PageShell.siteName)",
                                  bodyClass: "chapter", header: header, main: chapter.body, after: after, footer: footer)
    }
}
