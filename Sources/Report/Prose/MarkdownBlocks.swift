/// Parses a chapter's Markdown into blocks: headings (`##` to `######`; the page title is the
/// chapter's own), paragraphs, fenced code, bullet and numbered lists (nested by indentation),
/// block quotes, pipe tables, display equations (`$$` ... `$$`), and placeholder lines
/// (`{{figure STEM}}`, `{{table NAME}}`, `{{code NAME}}`). The dialect is documented in
/// `Resources/chapters/FORMAT.md`.
///
/// Every error carries the file and line, so a prose mistake fails the build where it is.
struct MarkdownBlocks {
    /// A source line and its 1-based number in the file.
    struct Line {
        var text: String
        let number: Int
    }

    /// Parses a whole file.
    static func parse(_ markdown: String, file: String) throws -> [ProseBlock] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            Line(text: String($0.element.hasSuffix("\r") ? $0.element.dropLast() : $0.element).expandingTabs(), number: $0.offset + 1)
        }
        var parser = MarkdownBlocks(file: file)
        return try parser.parseBlocks(lines)
    }

    private let file: String
    /// Heading ids used so far, so each is unique on the page.
    private var usedIDs: Set<String> = []

    private init(file: String) { self.file = file }

    private func error(_ message: String, line: Int) -> ProseError {
        ProseError(file: file, line: line, message: message)
    }

    private mutating func parseBlocks(_ lines: [Line]) throws -> [ProseBlock] {
        var blocks: [ProseBlock] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.text.trimmingSpaces
            if trimmed.isEmpty {
                index += 1
            } else if trimmed.hasPrefix("{{") {
                blocks.append(.placeholder(try placeholder(trimmed, line: line.number)))
                index += 1
            } else if trimmed.hasPrefix("```") {
                blocks.append(.html(try fencedCode(lines, &index)))
            } else if let level = headingLevel(trimmed) {
                blocks.append(.html(try heading(trimmed, level: level, line: line.number)))
                index += 1
            } else if trimmed.hasPrefix("$$") {
                blocks.append(.html(try displayMath(lines, &index)))
            } else if trimmed.hasPrefix(">") {
                blocks.append(.html(try blockQuote(lines, &index)))
            } else if listMarker(line.text) != nil {
                blocks.append(.html(try list(lines, &index)))
            } else if isTableStart(lines, index) {
                blocks.append(.html(try table(lines, &index)))
            } else {
                blocks.append(.html(try paragraph(lines, &index)))
            }
        }
        return blocks
    }

    // MARK: Placeholders

    private func placeholder(_ trimmed: String, line: Int) throws -> Placeholder {
        guard trimmed.hasSuffix("}}"), trimmed.count > 4 else {
            throw error("a placeholder is one line: {{figure STEM}}, {{table NAME}} or {{code NAME}}", line: line)
        }
        let words = trimmed.dropFirst(2).dropLast(2).split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count == 2, let kind = Placeholder.Kind(rawValue: words[0]) else {
            throw error("unknown placeholder '\(trimmed)'; use {{figure STEM}}, {{table NAME}} or {{code NAME}}", line: line)
        }
        guard ItemName.isValid(words[1]) else {
            throw error("'\(words[1])' is not a valid \(kind.rawValue) name (lowercase letters, digits and single hyphens)", line: line)
        }
        return Placeholder(kind: kind, name: words[1], line: line)
    }

    // MARK: Code, headings, math

    private func fencedCode(_ lines: [Line], _ index: inout Int) throws -> HTMLNode {
        let opening = lines[index]
        let indent = opening.text.prefix(while: { $0 == " " }).count
        let language = opening.text.trimmingSpaces.drop(while: { $0 == "`" }).trimmingSpaces
        var code: [String] = []
        index += 1
        while index < lines.count {
            let line = lines[index]
            if line.text.trimmingSpaces.hasPrefix("```") {
                index += 1
                var attributes: [HTMLAttribute] = []
                if !language.isEmpty { attributes.append(HTMLAttribute(name: "class", value: "language-" + language)) }
                let body = HTMLNode.element("code", attributeList: attributes, [.text(code.joined(separator: "\n"))])
                return .element("pre", [:], [body])
            }
            let removable = min(indent, line.text.prefix(while: { $0 == " " }).count)
            code.append(String(line.text.dropFirst(removable)))
            index += 1
        }
        throw error("a code fence ``` that is never closed", line: opening.number)
    }

    private func headingLevel(_ trimmed: String) -> Int? {
        let hashes = trimmed.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = trimmed.dropFirst(hashes)
        return rest.isEmpty || rest.first == " " ? hashes : nil
    }

    private mutating func heading(_ trimmed: String, level: Int, line: Int) throws -> HTMLNode {
        guard level >= 2 else {
            throw error("use ## for sections: the chapter's title is the page's only # heading", line: line)
        }
        let text = trimmed.dropFirst(level).trimmingSpaces
        guard !text.isEmpty else { throw error("an empty heading", line: line) }
        let children = try MarkdownInline.parse(text, file: file, firstLine: line)
        let id = uniqueID(for: HTMLNode.element("span", [:], children).plainText)
        return .element("h\(level)", ["id": id], children)
    }

    /// A slug such as `the-cost-function`, made unique on the page with a numeric suffix.
    private mutating func uniqueID(for text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "section" }
        var candidate = slug
        var counter = 2
        while usedIDs.contains(candidate) {
            candidate = "\(slug)-\(counter)"
            counter += 1
        }
        usedIDs.insert(candidate)
        return candidate
    }

    /// `$$ ... $$` on one line or over several.
    private func displayMath(_ lines: [Line], _ index: inout Int) throws -> HTMLNode {
        let first = lines[index]
        var collected: [String] = []
        var text = String(first.text.trimmingSpaces.dropFirst(2))
        while true {
            let trimmed = text.trimmingSpaces
            if trimmed.hasSuffix("$$") {
                collected.append(String(trimmed.dropLast(2)))
                index += 1
                break
            }
            collected.append(text)
            index += 1
            guard index < lines.count, !lines[index].text.trimmingSpaces.isEmpty else {
                throw error("display math opened with $$ is never closed (a blank line ends it)", line: first.number)
            }
            text = lines[index].text
        }
        let tex = collected.joined(separator: "\n")
        guard !tex.allSatisfy(\.isWhitespace) else { throw error("empty display math", line: first.number) }
        do {
            let math = try TeXToMathML.translate(tex, display: true)
            return .element("div", ["class": "equation"], [math])
        } catch let texError as TeXError {
            let line = first.number + Array(tex).prefix(texError.offset).filter { $0 == "\n" }.count
            throw error("\(texError.message) in $$\(tex)$$", line: line)
        }
    }

    // MARK: Quotes and lists

    private mutating func blockQuote(_ lines: [Line], _ index: inout Int) throws -> HTMLNode {
        var inner: [Line] = []
        while index < lines.count {
            let trimmed = lines[index].text.trimmingSpaces
            guard trimmed.hasPrefix(">") else { break }
            var rest = trimmed.dropFirst()
            if rest.first == " " { rest = rest.dropFirst() }
            inner.append(Line(text: String(rest), number: lines[index].number))
            index += 1
        }
        let children = try parseBlocks(inner).map { block -> HTMLNode in
            switch block {
            case .html(let node):
                return node
            case .placeholder(let placeholder):
                throw error("placeholders must stand on their own line outside lists and quotes", line: placeholder.line)
            }
        }
        return .element("blockquote", [:], children)
    }

    /// A list marker at the start of `text`: its kind, the column its content starts at, the number.
    private func listMarker(_ text: String) -> (ordered: Bool, contentColumn: Int, start: Int)? {
        let indent = text.prefix(while: { $0 == " " }).count
        let rest = text.dropFirst(indent)
        guard let first = rest.first else { return nil }
        if first == "-" || first == "*" || first == "+" {
            let after = rest.dropFirst()
            guard after.first == " " else { return nil }
            return (false, indent + 2, 1)
        }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...9).contains(digits.count) else { return nil }
        let after = rest.dropFirst(digits.count)
        guard after.first == "." || after.first == ")", after.dropFirst().first == " " else { return nil }
        return (true, indent + digits.count + 2, Int(digits) ?? 1)
    }

    private mutating func list(_ lines: [Line], _ index: inout Int) throws -> HTMLNode {
        guard let first = listMarker(lines[index].text) else { preconditionFailure("list() needs a marker") }
        let indent = lines[index].text.prefix(while: { $0 == " " }).count
        var items: [[Line]] = []
        var current: [Line] = []
        var contentColumn = first.contentColumn
        while index < lines.count {
            let line = lines[index]
            let lineIndent = line.text.prefix(while: { $0 == " " }).count
            if let marker = listMarker(line.text), lineIndent == indent, marker.ordered == first.ordered {
                if !current.isEmpty { items.append(current) }
                current = [Line(text: String(line.text.dropFirst(marker.contentColumn)), number: line.number)]
                contentColumn = marker.contentColumn
                index += 1
            } else if line.text.trimmingSpaces.isEmpty {
                // A blank line continues the item only when the next text is indented into it.
                var next = index + 1
                while next < lines.count, lines[next].text.trimmingSpaces.isEmpty { next += 1 }
                guard next < lines.count else { break }
                let nextIndent = lines[next].text.prefix(while: { $0 == " " }).count
                let nextIsSibling = listMarker(lines[next].text) != nil && nextIndent == indent
                guard nextIndent >= contentColumn || nextIsSibling else { break }
                current.append(Line(text: "", number: line.number))
                index += 1
            } else if lineIndent >= contentColumn {
                current.append(Line(text: String(line.text.dropFirst(contentColumn)), number: line.number))
                index += 1
            } else if lineIndent > indent || (current.last.map { !$0.text.trimmingSpaces.isEmpty } ?? false)
                        && listMarker(line.text) == nil && !startsBlock(line.text) {
                // A lazy continuation line of the item's paragraph.
                current.append(Line(text: line.text.trimmingSpaces, number: line.number))
                index += 1
            } else {
                break
            }
        }
        if !current.isEmpty { items.append(current) }
        var listItems: [HTMLNode] = []
        for item in items {
            let blocks = try parseBlocks(item)
            var children: [HTMLNode] = []
            for block in blocks {
                switch block {
                case .html(let node):
                    children.append(node)
                case .placeholder(let placeholder):
                    throw error("placeholders must stand on their own line outside lists and quotes", line: placeholder.line)
                }
            }
            // A list item holding just a paragraph is written without the <p>, as a tight list.
            if case .element(let element)? = children.first, element.name == "p" {
                children = element.children + children.dropFirst()
            }
            listItems.append(.element("li", [:], children))
        }
        if first.ordered && first.start != 1 {
            return .element("ol", ["start": String(first.start)], listItems)
        }
        return .element(first.ordered ? "ol" : "ul", [:], listItems)
    }

    /// Whether a line begins a block other than a paragraph (so a paragraph stops before it).
    private func startsBlock(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces
        return trimmed.hasPrefix("{{") || trimmed.hasPrefix("```") || headingLevel(trimmed) != nil
            || trimmed.hasPrefix("$$") || trimmed.hasPrefix(">") || trimmed.hasPrefix("|")
    }

    // MARK: Tables

    private func isTableStart(_ lines: [Line], _ index: Int) -> Bool {
        guard lines[index].text.trimmingSpaces.hasPrefix("|"), index + 1 < lines.count else { return false }
        return isSeparator(lines[index + 1].text)
    }

    private func isSeparator(_ text: String) -> Bool {
        let cells = splitCells(text.trimmingSpaces)
        return !cells.isEmpty && cells.allSatisfy { cell in
            let core = cell.trimmingSpaces.trimmingCharacters(":")
            return !core.isEmpty && core.allSatisfy { $0 == "-" }
        }
    }

    private func table(_ lines: [Line], _ index: inout Int) throws -> HTMLNode {
        let headerLine = lines[index]
        let header = splitCells(headerLine.text.trimmingSpaces)
        let alignments: [String?] = splitCells(lines[index + 1].text.trimmingSpaces).map { cell in
            let core = cell.trimmingSpaces
            switch (core.hasPrefix(":"), core.hasSuffix(":")) {
            case (true, true): return "center"
            case (false, true): return "right"
            case (true, false): return "left"
            case (false, false): return nil
            }
        }
        guard alignments.count == header.count else {
            throw error("the table's separator row has \(alignments.count) cells but its header has \(header.count)", line: lines[index + 1].number)
        }
        func cell(_ name: String, _ text: String, column: Int, line: Int) throws -> HTMLNode {
            var attributes: [HTMLAttribute] = name == "th" ? [HTMLAttribute(name: "scope", value: "col")] : []
            if let alignment = alignments[column] {
                attributes.append(HTMLAttribute(name: "style", value: "text-align: \(alignment)"))
            }
            return .element(name, attributeList: attributes, try MarkdownInline.parse(text.trimmingSpaces, file: file, firstLine: line))
        }
        let headRow = HTMLNode.element("tr", [:], try header.enumerated().map { try cell("th", $0.element, column: $0.offset, line: headerLine.number) })
        index += 2
        var bodyRows: [HTMLNode] = []
        while index < lines.count, lines[index].text.trimmingSpaces.hasPrefix("|") {
            let line = lines[index]
            let cells = splitCells(line.text.trimmingSpaces)
            guard cells.count == header.count else {
                throw error("this table row has \(cells.count) cells but the header has \(header.count)", line: line.number)
            }
            bodyRows.append(.element("tr", [:], try cells.enumerated().map { try cell("td", $0.element, column: $0.offset, line: line.number) }))
            index += 1
        }
        return .element("div", ["class": "table-scroll"], [
            .element("table", [:], [.element("thead", [:], [headRow]), .element("tbody", [:], bodyRows)]),
        ])
    }

    /// Splits `| a | b |` into cells, ignoring pipes escaped (`\|`) or inside code and math.
    private func splitCells(_ text: String) -> [String] {
        var body = Substring(text)
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|") && !body.hasSuffix("\\|") { body = body.dropLast() }
        var cells: [String] = []
        var current = ""
        var inCode = false, inMath = false
        var characters = body.makeIterator()
        while let character = characters.next() {
            if character == "\\" {
                current.append(character)
                if let next = characters.next() { current.append(next) }
                continue
            }
            if character == "`" && !inMath { inCode.toggle() }
            if character == "$" && !inCode { inMath.toggle() }
            if character == "|" && !inCode && !inMath {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current)
        return cells
    }

    // MARK: Paragraphs

    private func paragraph(_ lines: [Line], _ index: inout Int) throws -> HTMLNode {
        let first = lines[index]
        var text: [String] = []
        while index < lines.count {
            let line = lines[index]
            if line.text.trimmingSpaces.isEmpty { break }
            if !text.isEmpty && (startsBlock(line.text) || listMarker(line.text) != nil) { break }
            text.append(line.text.trimmingSpaces)
            index += 1
        }
        return .element("p", [:], try MarkdownInline.parse(text.joined(separator: "\n"), file: file, firstLine: first.number))
    }
}
