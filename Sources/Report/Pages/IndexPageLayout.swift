/// `index.html`: what the project is, then the chapters in teaching order, each with a thumbnail
/// and its one-line summary.
enum IndexPageLayout {
    static let fileName = "index.html"
    /// Thumbnail width in CSS pixels.
    static let thumbnailWidth = 240

    static let introduction = "Machine-learning models written from scratch in Swift and trained on real data. "
        + "Each chapter explains one algorithm: the intuition in plain words, the math, the code that ran, "
        + "the figures it drew and the numbers it learned, checked against scikit-learn. "
        + "Every figure has a stable file name and is reproducible byte for byte, so teachers can take it into course notes."

    static func render(_ chapters: [BuiltChapter], footer: String) -> String {
        let header: [HTMLNode] = [
            .element("h1", [:], [.text(PageShell.siteName)]),
            .element("p", ["class": "summary"], [.text("A course in machine learning you can see.")]),
        ]
        var main: [HTMLNode] = [.element("p", [:], [.text(introduction)])]
        if chapters.isEmpty {
            main.append(.element("p", [:], [.text("This build of the report has no chapters yet.")]))
        } else {
            main.append(.element("h2", ["id": "chapters"], [.text("Chapters")]))
            main.append(.element("ol", ["class": "chapter-list"], chapters.map(item)))
        }
        main.append(.element("p", [:], [
            .text("Teaching from these pages? "),
            .element("a", ["href": FiguresPageLayout.fileName], [.text("Every figure with its caption and file names")]),
            .text(" is on one page."),
        ]))
        return PageShell.document(title: PageShell.siteName, bodyClass: "index", header: header, main: main,
                                  footer: footer)
    }

    private static func item(_ chapter: BuiltChapter) -> HTMLNode {
        let href = ChapterPageLayout.fileName(for: chapter.id)
        var children: [HTMLNode] = []
        if let thumbnail = chapter.thumbnail {
            // The link text follows, so the thumbnail is decorative here (empty alt).
            let image = PageComponents.image(thumbnail, loading: nil, width: thumbnailWidth)
            children.append(.element("a", ["class": "thumbnail", "href": href, "tabindex": "-1", "aria-hidden": "true"],
                                     [image.replacingAlt(with: "")]))
        }
        children.append(.element("div", ["class": "chapter-text"], [
            .element("h3", [:], [.element("a", ["href": href], [.text(chapter.title)])]),
            .element("p", [:], [.text(chapter.summary)]),
        ]))
        return .element("li", ["value": String(chapter.number)], children)
    }
}

private extension HTMLNode {
    func replacingAlt(with alt: String) -> HTMLNode {
        guard case .element(var element) = self else { return self }
        element.attributes = element.attributes.map { $0.name == "alt" ? HTMLAttribute(name: "alt", value: alt) : $0 }
        return .element(element)
    }
}
