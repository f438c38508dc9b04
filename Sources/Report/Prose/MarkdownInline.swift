/// Parses Markdown inline syntax into HTML nodes: emphasis (`*em*`, `_em_`), strong (`**strong**`),
/// code spans, links, backslash escapes, and TeX math (`$...$` inline, `$$...$$` display).
///
/// Raw HTML is not recognised: `<b>` in prose is shown as the text `<b>`. A dollar sign that is not
/// math is written `\$`, so an unclosed `$` is an error rather than a silently broken page.
struct MarkdownInline {
    /// Parses `text`, whose first line is line `firstLine` of `file` (for error messages).
    static func parse(_ text: String, file: String, firstLine: Int) throws -> [HTMLNode] {
        var parser = MarkdownInline(source: Array(text), file: file, firstLine: firstLine)
        return try parser.parse(from: 0, to: parser.source.count)
    }

    private let source: [Character]
    private let file: String
    private let firstLine: Int

    private init(source: [Character], file: String, firstLine: Int) {
        self.source = source
        self.file = file
        self.firstLine = firstLine
    }

    private func error(_ message: String, at offset: Int) -> ProseError {
        let line = firstLine + source[0..<min(offset, source.count)].filter { $0 == "\n" }.count
        return ProseError(file: file, line: line, message: message)
    }

    private mutating func parse(from start: Int, to end: Int) throws -> [HTMLNode] {
        var nodes: [HTMLNode] = []
        var text = ""
        func flush() {
            if !text.isEmpty { nodes.append(.text(text)); text = "" }
        }
        var index = start
        while index < end {
            let character = source[index]
            switch character {
            case "\\":
                if index + 1 < end, source[index + 1].isASCII, source[index + 1].isPunctuation || source[index + 1].isSymbol {
                    text.append(source[index + 1])
                    index += 2
                } else {
                    text.append(character)
                    index += 1
                }
            case "`":
                if let span = codeSpan(at: index, end: end) {
                    flush()
                    nodes.append(.element("code", [:], [.text(span.content)]))
                    index = span.next
                } else {
                    let run = runLength(of: "`", at: index, end: end)
                    text += String(repeating: "`", count: run)
                    index += run
                }
            case "$":
                flush()
                let (math, afterMath) = try mathSpan(at: index, end: end)
                // Punctuation right after math stays on its line: browsers may otherwise break
                // between the formula and a full stop.
                var next = afterMath
                while next < end, ".,;:!?)".contains(source[next]) { next += 1 }
                if next > afterMath {
                    let punctuation = String(source[afterMath..<next])
                    nodes.append(.element("span", ["class": "nowrap"], [math, .text(punctuation)]))
                } else {
                    nodes.append(math)
                }
                index = next
            case "*", "_":
                if let (node, next) = try emphasis(at: index, end: end) {
                    flush()
                    nodes.append(node)
                    index = next
                } else {
                    let run = runLength(of: character, at: index, end: end)
                    text += String(repeating: character, count: run)
                    index += run
                }
            case "[":
                if let (node, next) = try link(at: index, end: end) {
                    flush()
                    nodes.append(node)
                    index = next
                } else {
                    text.append(character)
                    index += 1
                }
            case "\n":
                // A soft line break is a space; trailing spaces before it are dropped.
                while text.hasSuffix(" ") { text.removeLast() }
                text.append("\n")
                index += 1
            default:
                text.append(character)
                index += 1
            }
        }
        flush()
        return nodes
    }

    private func runLength(of character: Character, at index: Int, end: Int) -> Int {
        var count = 0
        while index + count < end, source[index + count] == character { count += 1 }
        return count
    }

    /// A code span opened by a run of backticks and closed by a run of the same length.
    private func codeSpan(at index: Int, end: Int) -> (content: String, next: Int)? {
        let run = runLength(of: "`", at: index, end: end)
        var cursor = index + run
        while cursor < end {
            if source[cursor] == "`" {
                let closing = runLength(of: "`", at: cursor, end: end)
                if closing == run {
                    var content = String(source[(index + run)..<cursor]).replacingNewlines()
                    if content.count >= 2, content.hasPrefix(" "), content.hasSuffix(" "), content.contains(where: { $0 != " " }) {
                        content = String(content.dropFirst().dropLast())
                    }
                    return (content, cursor + closing)
                }
                cursor += closing
            } else {
                cursor += 1
            }
        }
        return nil
    }

    /// `$...$` or `$$...$$`, translated to MathML.
    private func mathSpan(at index: Int, end: Int) throws -> (HTMLNode, Int) {
        let display = index + 1 < end && source[index + 1] == "$"
        let delimiter = display ? 2 : 1
        var cursor = index + delimiter
        while cursor < end {
            if source[cursor] == "\\" { cursor += 2; continue }
            if source[cursor] == "$" {
                if display && !(cursor + 1 < end && source[cursor + 1] == "$") {
                    throw error("display math opened with $$ but closed with a single $", at: cursor)
                }
                let tex = String(source[(index + delimiter)..<cursor])
                if tex.allSatisfy(\.isWhitespace) { throw error("empty math between dollar signs", at: index) }
                do {
                    return (try TeXToMathML.translate(tex, display: display), cursor + delimiter)
                } catch let texError as TeXError {
                    throw error("\(texError.message) in $\(tex)$", at: index + delimiter + texError.offset)
                }
            }
            cursor += 1
        }
        throw error("unclosed math: '\(display ? "$$" : "$")' without its closing partner (write \\$ for a dollar sign)", at: index)
    }

    /// The offset of `delimiter` closing a span that starts at `from`, skipping code, math and escapes.
    private func findClosing(_ delimiter: [Character], from: Int, end: Int, wordBoundary: Bool) -> Int? {
        var cursor = from
        while cursor < end {
            let character = source[cursor]
            if character == "\\" { cursor += 2; continue }
            if character == "`", let span = codeSpan(at: cursor, end: end) { cursor = span.next; continue }
            if character == "$" {
                if let close = (cursor + 1..<end).first(where: { source[$0] == "$" && source[$0 - 1] != "\\" }) {
                    cursor = close + 1
                    if cursor < end, source[cursor] == "$" { cursor += 1 }
                    continue
                }
            }
            if cursor + delimiter.count <= end, Array(source[cursor..<(cursor + delimiter.count)]) == delimiter,
               cursor > from, !source[cursor - 1].isWhitespace {
                let after = cursor + delimiter.count
                // `**` must not be read as the end of a `*` span.
                let extendsRun = after < end && source[after] == delimiter[0]
                let boundaryOK = !wordBoundary || after >= end || !(source[after].isLetter || source[after].isNumber)
                if !extendsRun && boundaryOK { return cursor }
                if extendsRun && delimiter.count == 1 { cursor = after + 1; continue }
            }
            cursor += 1
        }
        return nil
    }

    /// `**strong**`, `*em*` or `_em_` (underscores only at word boundaries, so `snake_case` stays).
    private mutating func emphasis(at index: Int, end: Int) throws -> (HTMLNode, Int)? {
        let character = source[index]
        let run = runLength(of: character, at: index, end: end)
        guard run <= 2 else { return nil }
        let contentStart = index + run
        guard contentStart < end, !source[contentStart].isWhitespace else { return nil }
        let underscore = character == "_"
        if underscore, index > 0, source[index - 1].isLetter || source[index - 1].isNumber { return nil }
        let delimiter = Array(repeating: character, count: run)
        guard let close = findClosing(delimiter, from: contentStart, end: end, wordBoundary: underscore) else { return nil }
        let children = try parse(from: contentStart, to: close)
        return (.element(run == 2 ? "strong" : "em", [:], children), close + run)
    }

    /// `[text](url)`. Only http(s), mailto, fragment and relative links are allowed.
    private mutating func link(at index: Int, end: Int) throws -> (HTMLNode, Int)? {
        var depth = 0
        var cursor = index
        var closeBracket: Int?
        while cursor < end {
            let character = source[cursor]
            if character == "\\" { cursor += 2; continue }
            if character == "`", let span = codeSpan(at: cursor, end: end) { cursor = span.next; continue }
            if character == "[" { depth += 1 }
            if character == "]" {
                depth -= 1
                if depth == 0 { closeBracket = cursor; break }
            }
            cursor += 1
        }
        guard let closeBracket, closeBracket + 1 < end, source[closeBracket + 1] == "(" else { return nil }
        guard let closeParen = (closeBracket + 2..<end).first(where: { source[$0] == ")" }) else { return nil }
        let url = String(source[(closeBracket + 2)..<closeParen]).trimmingSpaces
        guard !url.isEmpty, !url.contains(where: \.isWhitespace) else {
            throw error("a link needs a URL without spaces: [text](url)", at: closeBracket + 1)
        }
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/"), !url.hasPrefix("#") {
            let scheme = url[..<colon].lowercased()
            guard ["http", "https", "mailto"].contains(scheme) else {
                throw error("links may use http, https or mailto, not '\(scheme):'", at: closeBracket + 2)
            }
        }
        let children = try parse(from: index + 1, to: closeBracket)
        return (.element("a", ["href": url], children), closeParen + 1)
    }
}
