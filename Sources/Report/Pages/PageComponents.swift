import Foundation

/// The HTML of the generated items a page shows: figures, tables and code excerpts.
enum PageComponents {
    /// `<figure>` with the image at its CSS size, alt text, and a caption with the lesson and links
    /// to the vector versions.
    static func figure(_ figure: PlacedFigure) -> HTMLNode {
        var caption: [HTMLNode] = [.element("span", ["class": "figure-label"], [.text("Figure \(figure.label).")]), .text(" ")]
        caption += figure.caption
        let vectorFiles = figure.files.dropFirst()
        if !vectorFiles.isEmpty {
            var links: [HTMLNode] = [.text(" ")]
            for (index, file) in vectorFiles.enumerated() {
                if index > 0 { links.append(.text(" ")) }
                links.append(.element("a", ["href": file.path], [.text(file.format.displayName)]))
            }
            caption.append(.element("span", ["class": "figure-files"], links))
        }
        return .element("figure", ["id": "figure-\(figure.stem)"], [
            image(figure, loading: nil),
            .element("figcaption", [:], caption),
        ])
    }

    /// The figure's PNG with its size and alt text.
    static func image(_ figure: PlacedFigure, loading: String?, width: Int? = nil) -> HTMLNode {
        let displayWidth = width ?? figure.width
        let displayHeight = width.map { Int((Double(figure.height) * Double($0) / Double(figure.width)).rounded()) } ?? figure.height
        var attributes = [
            HTMLAttribute(name: "src", value: figure.pngPath),
            HTMLAttribute(name: "width", value: String(displayWidth)),
            HTMLAttribute(name: "height", value: String(displayHeight)),
            HTMLAttribute(name: "alt", value: figure.altText),
        ]
        if let loading { attributes.append(HTMLAttribute(name: "loading", value: loading)) }
        return .element("img", attributeList: attributes)
    }

    /// A table in a scrolling wrapper; numbers are right-aligned and the compared columns marked.
    static func table(_ table: ChapterTable, captionNodes: [HTMLNode]) throws -> HTMLNode {
        func classes(column: Int, cell: String?) -> [HTMLAttribute] {
            var names: [String] = []
            if let comparison = table.comparison {
                if column == comparison.ours { names.append("ours") }
                if column == comparison.reference { names.append("reference") }
            }
            if let cell, isNumeric(cell) { names.append("num") }
            return names.isEmpty ? [] : [HTMLAttribute(name: "class", value: names.joined(separator: " "))]
        }
        let head = HTMLNode.element("thead", [:], [
            .element("tr", [:], table.header.enumerated().map { column, title in
                .element("th", attributeList: [HTMLAttribute(name: "scope", value: "col")] + classes(column: column, cell: nil), [.text(title)])
            }),
        ])
        let body = HTMLNode.element("tbody", [:], table.rows.map { row in
            .element("tr", [:], row.enumerated().map { column, cell in
                // The first column names the row, so it is a row header.
                column == 0
                    ? .element("th", attributeList: [HTMLAttribute(name: "scope", value: "row")] + classes(column: column, cell: cell), [.text(cell)])
                    : .element("td", attributeList: classes(column: column, cell: cell), [.text(cell)])
            })
        })
        var children: [HTMLNode] = []
        if !captionNodes.isEmpty { children.append(.element("caption", [:], captionNodes)) }
        children += [head, body]
        return .element("div", ["class": "table-scroll", "id": "table-\(table.name)"], [.element("table", ["class": "numbers"], children)])
    }

    /// Whether a cell holds a number (`-3.5`, `1.2e-4`, `−0.25`, `97%`), for alignment.
    static func isNumeric(_ cell: String) -> Bool {
        var text = cell.trimmingSpaces.replacingOccurrences(of: "\u{2212}", with: "-")
        if text.hasSuffix("%") { text.removeLast() }
        return !text.isEmpty && Double(text) != nil
    }

    /// A code excerpt with where it came from.
    static func code(_ excerpt: CodeExcerpt) -> HTMLNode {
        let codeNode = HTMLNode.element("code", ["class": "language-\(excerpt.language)"], [.text(excerpt.code)])
        var children: [HTMLNode] = [.element("pre", [:], [codeNode])]
        if let path = excerpt.sourcePath {
            var caption: [HTMLNode] = [.text("From "), .element("code", [:], [.text(path)])]
            if let lines = excerpt.lines { caption.append(.text(", lines \(lines.lowerBound)–\(lines.upperBound)")) }
            caption.append(.text("."))
            children.append(.element("figcaption", [:], caption))
        }
        return .element("figure", ["class": "code", "id": "code-\(excerpt.name)"], children)
    }
}
