/// `figures.html`: every figure of the report with its number, caption and file names, grouped
/// by chapter, for teachers writing course notes.
enum FiguresPageLayout {
    static let fileName = "figures.html"

    static func render(_ chapters: [BuiltChapter], footer: String) -> String {
        let header: [HTMLNode] = [
            .element("h1", [:], [.text("All figures")]),
            .element("p", ["class": "summary"], [
                .text("Every figure with its caption and file names. The names are stable, so notes can link them."),
            ]),
        ]
        var main: [HTMLNode] = []
        for chapter in chapters where !chapter.figures.isEmpty {
            main.append(.element("h2", ["id": chapter.id], [
                .element("a", ["href": ChapterPageLayout.fileName(for: chapter.id)], [.text("\(chapter.number). \(chapter.title)")]),
            ]))
            for figure in chapter.figures {
                let files = HTMLNode.element("ul", ["class": "file-names"], figure.files.map { file in
                    .element("li", [:], [.element("a", ["href": file.path], [.element("code", [:], [.text(file.path)])])])
                })
                main.append(.element("figure", ["id": "\(chapter.id)-\(figure.stem)", "class": "catalogue"], [
                    PageComponents.image(figure, loading: "lazy"),
                    .element("figcaption", [:], [
                        .element("span", ["class": "figure-label"], [.text("Figure \(figure.label).")]),
                        .text(" "),
                    ] + figure.caption + [files]),
                ]))
            }
        }
        if main.isEmpty { main.append(.element("p", [:], [.text("No figures yet.")])) }
        return PageShell.document(title: "All figures · \(PageShell.siteName)", bodyClass: "figures",
                                  header: header, main: main, footer: footer)
    }
}
