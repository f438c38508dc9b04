/// Puts a chapter's generated items where its prose asks for them, and checks the match both ways:
/// a placeholder naming nothing, an item placed twice, or an item never placed is an error, so
/// nothing is silently dropped from a page.
struct ChapterAssembly {
    let chapter: any Chapter
    let page: ChapterPage
    /// The prose, parsed.
    let blocks: [ProseBlock]
    /// The prose file's name, for error messages.
    let proseFile: String
    let formats: [FigureFormat]

    /// Checks the page and fills the placeholders.
    func assemble() throws -> BuiltChapter {
        try validateItems()
        let figures = Dictionary(uniqueKeysWithValues: page.figures.map { ($0.stem, $0) })
        let tables = Dictionary(uniqueKeysWithValues: page.tables.map { ($0.name, $0) })
        let code = Dictionary(uniqueKeysWithValues: page.code.map { ($0.name, $0) })
        var placed = Set<String>()
        var body: [HTMLNode] = []
        var placedFigures: [PlacedFigure] = []
        for block in blocks {
            switch block {
            case .html(let node):
                body.append(node)
            case .placeholder(let placeholder):
                let key = "\(placeholder.kind.rawValue) \(placeholder.name)"
                guard placed.insert(key).inserted else {
                    throw ProseError(file: proseFile, line: placeholder.line,
                                     message: "the \(placeholder.kind.rawValue) '\(placeholder.name)' is placed twice")
                }
                switch placeholder.kind {
                case .figure:
                    guard let figure = figures[placeholder.name] else {
                        throw missing(placeholder, known: page.figures.map(\.stem))
                    }
                    let placedFigure = try place(figure, index: placedFigures.count + 1)
                    placedFigures.append(placedFigure)
                    body.append(PageComponents.figure(placedFigure))
                case .table:
                    guard let table = tables[placeholder.name] else {
                        throw missing(placeholder, known: page.tables.map(\.name))
                    }
                    body.append(try PageComponents.table(table, captionNodes: inline(table.caption, item: "table \(table.name) caption")))
                case .code:
                    guard let excerpt = code[placeholder.name] else {
                        throw missing(placeholder, known: page.code.map(\.name))
                    }
                    body.append(PageComponents.code(excerpt))
                }
            }
        }
        let unplaced = page.figures.map { ("figure", $0.stem) } + page.tables.map { ("table", $0.name) }
            + page.code.map { ("code", $0.name) }
        for (kind, name) in unplaced where !placed.contains("\(kind) \(name)") {
            throw ProseError(file: proseFile, line: 1,
                             message: "the chapter provides the \(kind) '\(name)' but the prose never places it; add a line {{\(kind) \(name)}}")
        }
        let thumbnailStem = page.thumbnail ?? placedFigures.first?.stem
        return BuiltChapter(id: chapter.id, number: chapter.number, title: chapter.title, summary: chapter.summary,
                            body: body, figures: placedFigures,
                            thumbnail: placedFigures.first { $0.stem == thumbnailStem })
    }

    private func missing(_ placeholder: Placeholder, known: [String]) -> ProseError {
        let list = known.isEmpty ? "it provides none" : "it provides: " + known.joined(separator: ", ")
        return ProseError(file: proseFile, line: placeholder.line,
                          message: "the chapter provides no \(placeholder.kind.rawValue) '\(placeholder.name)'; \(list)")
    }

    private func place(_ figure: ChapterFigure, index: Int) throws -> PlacedFigure {
        PlacedFigure(chapterID: chapter.id, stem: figure.stem, label: "\(chapter.number).\(index)",
                     caption: try inline(figure.caption, item: "figure \(figure.stem) caption"),
                     altText: figure.altText, width: figure.width, height: figure.height,
                     files: formats.map { ($0, "\(chapter.id)/\(figure.stem).\($0.fileExtension)") })
    }

    /// Captions are inline Markdown; their errors name the item they belong to.
    private func inline(_ text: String, item: String) throws -> [HTMLNode] {
        try MarkdownInline.parse(text, file: "\(chapter.id): \(item)", firstLine: 1)
    }

    /// Names valid and unique, sizes positive, texts present, table shapes consistent.
    private func validateItems() throws {
        func fail(_ message: String) -> PageError { PageError(chapterID: chapter.id, message: message) }
        var stems = Set<String>()
        for figure in page.figures {
            guard ItemName.isValid(figure.stem) else {
                throw fail("figure stem '\(figure.stem)' must be lowercase words joined by hyphens (it becomes a file name)")
            }
            guard stems.insert(figure.stem).inserted else { throw fail("two figures share the stem '\(figure.stem)'") }
            guard figure.width > 0, figure.height > 0 else { throw fail("figure '\(figure.stem)' needs a positive width and height") }
            guard !figure.caption.trimmingSpaces.isEmpty else { throw fail("figure '\(figure.stem)' needs a caption (its lesson)") }
            guard !figure.altText.trimmingSpaces.isEmpty else { throw fail("figure '\(figure.stem)' needs alt text describing what it shows") }
        }
        if let thumbnail = page.thumbnail, !stems.contains(thumbnail) {
            throw fail("the thumbnail '\(thumbnail)' is not one of the chapter's figures")
        }
        var tableNames = Set<String>()
        for table in page.tables {
            guard ItemName.isValid(table.name) else { throw fail("table name '\(table.name)' must be lowercase words joined by hyphens") }
            guard tableNames.insert(table.name).inserted else { throw fail("two tables share the name '\(table.name)'") }
            guard !table.header.isEmpty else { throw fail("table '\(table.name)' has no columns") }
            for (index, row) in table.rows.enumerated() where row.count != table.header.count {
                throw fail("table '\(table.name)' row \(index + 1) has \(row.count) cells but the header has \(table.header.count)")
            }
            if let comparison = table.comparison {
                let columns = 0..<table.header.count
                guard columns.contains(comparison.ours), columns.contains(comparison.reference), comparison.ours != comparison.reference else {
                    throw fail("table '\(table.name)' compares columns \(comparison.ours) and \(comparison.reference), which are not two of its columns")
                }
            }
        }
        var codeNames = Set<String>()
        for excerpt in page.code {
            guard ItemName.isValid(excerpt.name) else { throw fail("code name '\(excerpt.name)' must be lowercase words joined by hyphens") }
            guard codeNames.insert(excerpt.name).inserted else { throw fail("two code excerpts share the name '\(excerpt.name)'") }
        }
    }
}

/// A chapter returned an inconsistent page (a programmer error in the chapter).
struct PageError: Error, Equatable, CustomStringConvertible {
    let chapterID: String
    let message: String
    var description: String { "chapter \(chapterID): \(message)" }
}
