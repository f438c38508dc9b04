/// Translates the TeX subset used in chapter prose into MathML, which browsers render natively.
///
///     try TeXToMathML.translate("x^2", display: false)
///     // <math><msup><mi>x</mi><mn>2</mn></msup></math>
///
/// Supported: letters, numbers and operators; `^` and `_` (with braces); `\frac`, `\sqrt` (with an
/// optional index); large operators with limits (`\sum`, `\prod`: under and over in display math);
/// Greek letters; named functions (`\log`, `\exp`, `\max` ...); relations and arrows; `\left` /
/// `\right` fences (plain fences get `stretchy="false"`); accents (`\hat`, `\bar`, `\vec` ...);
/// fonts (`\mathbf`, `\boldsymbol`, `\mathbb`, `\mathrm`); `\text{}` and `\operatorname{}`; spaces
/// (`\,`, `\quad` ...); the environments `matrix`, `pmatrix`, `bmatrix`, `vmatrix`, `cases` and
/// `aligned`. Anything else throws a ``TeXError``, so a typo cannot slip onto a page unnoticed.
///
/// Complexity: O(n) in the length of the formula.
struct TeXToMathML {
    /// Translates one formula into a `<math>` element; `display` selects block layout.
    static func translate(_ tex: String, display: Bool) throws -> HTMLNode {
        var parser = TeXToMathML(source: Array(tex), display: display)
        let nodes = try parser.parseList()
        if parser.index < parser.source.count {
            throw parser.unexpectedTerminator()
        }
        let attributes: [HTMLAttribute] = display ? [HTMLAttribute(name: "display", value: "block")] : []
        return .element("math", attributeList: attributes, nodes)
    }

    private let source: [Character]
    private let display: Bool
    private var index = 0

    private init(source: [Character], display: Bool) {
        self.source = source
        self.display = display
    }

    // MARK: Lists and items

    /// Reads items until the end, `}`, `&`, `\\`, `\right` or `\end`, which it leaves unread.
    private mutating func parseList() throws -> [HTMLNode] {
        var nodes: [HTMLNode] = []
        while true {
            skipSpaces()
            guard index < source.count, !atTerminator() else { return nodes }
            let item = try parseItem()
            // A thin space separates a function name from an ordinary symbol before it (y log f).
            if isFunctionName(item.first), let previous = nodes.last, !isOperatorOrSpace(previous) {
                nodes.append(space("0.1667em"))
            }
            nodes += item
        }
    }

    /// Whether `node` is a function name (possibly with scripts): our only multi-letter `<mi>`s.
    private func isFunctionName(_ node: HTMLNode?) -> Bool {
        guard case .element(let element)? = node else { return false }
        let scripted = ["msub", "msup", "msubsup", "munder", "mover", "munderover"].contains(element.name)
        guard case .element(let mi)? = scripted ? element.children.first : node, mi.name == "mi",
              mi.attributes.isEmpty, case .text(let name)? = mi.children.first else { return false }
        return name.count > 1
    }

    private func isOperatorOrSpace(_ node: HTMLNode) -> Bool {
        guard case .element(let element) = node else { return false }
        return element.name == "mo" || element.name == "mspace"
    }

    private func atTerminator() -> Bool {
        let character = source[index]
        if character == "}" || character == "&" { return true }
        if character == "\\" {
            let name = peekCommandName()
            return name == "\\" || name == "right" || name == "end"
        }
        return false
    }

    /// The error for a terminator met where it does not belong.
    private func unexpectedTerminator() -> TeXError {
        switch source[index] {
        case "}": return TeXError(message: "unbalanced braces: '}' without a matching '{'", offset: index)
        case "&": return TeXError(message: "'&' outside a matrix, cases or aligned environment", offset: index)
        default:
            let name = peekCommandName()
            if name == "\\" {
                return TeXError(message: "line break '\\\\' outside a matrix, cases or aligned environment", offset: index)
            }
            if name == "right" { return TeXError(message: "\\right without a matching \\left", offset: index) }
            return TeXError(message: "\\end without a matching \\begin", offset: index)
        }
    }

    /// One atom with its scripts; usually one node, but named functions add U+2061 after them
    /// and primes follow their base.
    private mutating func parseItem() throws -> [HTMLNode] {
        let start = index
        let atom = try parseAtom()
        var upper: HTMLNode?
        var lower: HTMLNode?
        var primes = ""
        while true {
            skipSpaces()
            guard index < source.count else { break }
            let character = source[index]
            if character == "^" || character == "_" {
                let isSuper = character == "^"
                if (isSuper ? upper : lower) != nil || (isSuper && !primes.isEmpty) {
                    throw TeXError(message: "double \(isSuper ? "superscript" : "subscript"); use braces, e.g. x^{ab}", offset: index)
                }
                index += 1
                let argument = try parseArgument(for: isSuper ? "^" : "_")
                if isSuper { upper = argument } else { lower = argument }
            } else if character == "'" {
                if upper != nil { throw TeXError(message: "a prime after a superscript; write {x^{a}}'", offset: index) }
                while index < source.count, source[index] == "'" { primes += "′"; index += 1 }
            } else {
                break
            }
        }
        // A prime is set after its base, not as a superscript: the font's prime glyph is already
        // raised, and browsers would raise it twice.
        let primeNodes = primes.isEmpty ? [] : [mo(primes)]
        var trailing = atom.trailing
        if atom.isFunction {
            // TeX puts a thin space after a function name unless an opening fence follows.
            skipSpaces()
            let opensFence = index < source.count && (source[index] == "(" || source[index] == "["
                || (source[index] == "\\" && peekCommandName() == "left"))
            if !opensFence && index < source.count && !atTerminator() {
                trailing = [.element("mo", ["rspace": "0.1667em"], [.text("\u{2061}")])]
            }
        }
        guard upper != nil || lower != nil else { return [atom.base] + primeNodes + trailing }
        guard let base = atom.scriptable ? atom.base : nil else {
            throw TeXError(message: "a script needs something to attach to", offset: start)
        }
        let useLimits = atom.limits && display
        let scripted: HTMLNode
        switch (lower, upper) {
        case let (sub?, sup?):
            scripted = .element(useLimits ? "munderover" : "msubsup", [:], [base, sub, sup])
        case let (sub?, nil):
            scripted = .element(useLimits ? "munder" : "msub", [:], [base, sub])
        case let (nil, sup?):
            scripted = .element(useLimits ? "mover" : "msup", [:], [base, sup])
        case (nil, nil):
            scripted = base
        }
        return [scripted] + primeNodes + trailing
    }

    /// What an atom produced: the node scripts attach to, nodes that follow it, and whether its
    /// scripts become limits in display math.
    private struct Atom {
        var base: HTMLNode
        var trailing: [HTMLNode] = []
        var limits = false
        var scriptable = true
        /// Named functions (`\log`, `\max`) are spaced from what surrounds them, as in TeX.
        var isFunction: Bool { !trailing.isEmpty }
    }

    private mutating func parseAtom() throws -> Atom {
        let character = source[index]
        switch character {
        case "^", "_":
            // A script with nothing before it (`^2`) attaches to an empty base, as in TeX.
            return Atom(base: .element("mrow"))
        case "{":
            return Atom(base: row(try parseGroup()))
        case "\\":
            return try parseCommand()
        case "'":
            index += 1
            return Atom(base: mo("′"))
        default:
            return try parseCharacter()
        }
    }

    private mutating func parseCharacter() throws -> Atom {
        let character = source[index]
        if character.isNumber && character.isASCII || (character == "." && index + 1 < source.count && source[index + 1].isASCII && source[index + 1].isNumber) {
            var number = ""
            var seenPoint = false
            while index < source.count {
                let next = source[index]
                if next.isASCII && next.isNumber {
                    number.append(next)
                } else if next == ".", !seenPoint, index + 1 < source.count, source[index + 1].isASCII, source[index + 1].isNumber {
                    seenPoint = true
                    number.append(next)
                } else {
                    break
                }
                index += 1
            }
            return Atom(base: mn(number))
        }
        index += 1
        if character.isLetter { return Atom(base: mi(String(character))) }
        switch character {
        case "(", ")", "[", "]", "|":
            return Atom(base: fence(String(character)))
        case "-":
            return Atom(base: mo("−"))
        case "*":
            return Atom(base: mo("∗"))
        case "+", "=", "<", ">", ",", ";", ":", "!", "/", "?", ".":
            return Atom(base: mo(String(character)))
        case "~":
            return Atom(base: space("0.25em"), scriptable: false)
        case "#", "$", "%":
            throw TeXError(message: "the character '\(character)' cannot appear in math unescaped; write \\\(character)", offset: index - 1)
        default:
            if character.isSymbol || character.isPunctuation { return Atom(base: mo(String(character))) }
            throw TeXError(message: "unexpected character '\(character)'", offset: index - 1)
        }
    }

    // MARK: Commands

    private mutating func parseCommand() throws -> Atom {
        let start = index
        let name = readCommandName()
        if name.isEmpty { throw TeXError(message: "a lone backslash at the end of the formula", offset: start) }
        if let letter = TeXSymbols.greek[name] {
            let upright = letter.isUppercase
            return Atom(base: mi(String(letter), upright: upright))
        }
        if let symbol = TeXSymbols.identifiers[name] { return Atom(base: mi(symbol.symbol, upright: symbol.upright)) }
        if let symbol = TeXSymbols.operators[name] { return Atom(base: mo(symbol)) }
        if let delimiter = TeXSymbols.delimiters["\\" + name] { return Atom(base: fence(delimiter)) }
        if let large = TeXSymbols.largeOperators[name] { return Atom(base: mo(large.symbol), limits: large.limits) }
        if let function = TeXSymbols.functions[name] {
            return Atom(base: mi(function.name, upright: false), trailing: [mo("\u{2061}")], limits: function.limits)
        }
        if let width = TeXSymbols.spaces[name] { return Atom(base: space(width), scriptable: false) }
        if let font = TeXSymbols.fonts[name] { return Atom(base: try parseStyled(font, command: name)) }
        if let accent = TeXSymbols.accents[name] {
            let argument = try parseArgument(for: "\\" + name)
            var markAttributes = [HTMLAttribute]()
            if !accent.stretchy { markAttributes.append(HTMLAttribute(name: "stretchy", value: "false")) }
            let mark = HTMLNode.element("mo", attributeList: markAttributes, [.text(accent.mark)])
            return Atom(base: .element("mover", ["accent": "true"], [argument, mark]))
        }
        if TeXSymbols.ignored.contains(name) {
            return Atom(base: .element("mrow"), scriptable: false)
        }
        switch name {
        case "frac", "dfrac", "tfrac":
            let numerator = try parseArgument(for: "\\" + name)
            let denominator = try parseArgument(for: "\\" + name)
            return Atom(base: .element("mfrac", [:], [numerator, denominator]))
        case "sqrt":
            skipSpaces()
            if index < source.count, source[index] == "[" {
                index += 1
                let degree = try parseList(closingBracket: true)
                let radicand = try parseArgument(for: "\\sqrt")
                return Atom(base: .element("mroot", [:], [radicand, row(degree)]))
            }
            return Atom(base: .element("msqrt", [:], unwrap(try parseArgument(for: "\\sqrt"))))
        case "text", "textrm", "mbox":
            return Atom(base: .element("mtext", [:], [.text(try readRawGroup(for: "\\" + name))]))
        case "operatorname":
            let operatorName = try readRawGroup(for: "\\operatorname").trimmingSpaces
            return Atom(base: mi(operatorName, upright: false), trailing: [mo("\u{2061}")])
        case "left":
            return Atom(base: try parseLeftRight(start: start))
        case "begin":
            return Atom(base: try parseEnvironment(start: start))
        default:
            throw TeXError(message: "unknown TeX command \\\(name)", offset: start)
        }
    }

    /// `\left( ... \right)`: a row whose fences stretch to its content.
    private mutating func parseLeftRight(start: Int) throws -> HTMLNode {
        let open = try readDelimiter(after: "\\left")
        let content = try parseList()
        guard index < source.count, source[index] == "\\", peekCommandName() == "right" else {
            throw TeXError(message: "\\left without a matching \\right", offset: start)
        }
        _ = readCommandName()
        let close = try readDelimiter(after: "\\right")
        var nodes: [HTMLNode] = []
        if let open { nodes.append(mo(open)) }
        nodes += content
        if let close { nodes.append(mo(close)) }
        return .element("mrow", [:], nodes)
    }

    /// The delimiter after `\left` or `\right`; nil for the invisible `.`.
    private mutating func readDelimiter(after command: String) throws -> String? {
        skipSpaces()
        guard index < source.count else { throw TeXError(message: "\(command) needs a delimiter", offset: index) }
        let start = index
        if source[index] == "." { index += 1; return nil }
        var key = String(source[index])
        if source[index] == "\\" {
            key = "\\" + readCommandName()
        } else {
            index += 1
        }
        guard let delimiter = TeXSymbols.delimiters[key] else {
            throw TeXError(message: "\(command) cannot use '\(key)' as a delimiter", offset: start)
        }
        return delimiter
    }

    /// `\begin{name} ... \end{name}` for matrices, cases and aligned equations.
    private mutating func parseEnvironment(start: Int) throws -> HTMLNode {
        let name = try readRawGroup(for: "\\begin").trimmingSpaces
        let fences: (String?, String?)
        var tableAttributes: [HTMLAttribute] = []
        switch name {
        case "matrix": fences = (nil, nil)
        case "pmatrix": fences = ("(", ")")
        case "bmatrix": fences = ("[", "]")
        case "vmatrix": fences = ("|", "|")
        case "cases":
            fences = ("{", nil)
            tableAttributes = [HTMLAttribute(name: "columnalign", value: "left left")]
        case "aligned":
            fences = (nil, nil)
            tableAttributes = [HTMLAttribute(name: "columnalign", value: "right left"),
                               HTMLAttribute(name: "displaystyle", value: "true")]
        default:
            throw TeXError(message: "unknown environment '\(name)' (use matrix, pmatrix, bmatrix, vmatrix, cases or aligned)", offset: start)
        }
        var rows: [[HTMLNode]] = []
        var cells: [HTMLNode] = []
        while true {
            let cell = try parseList()
            cells.append(.element("mtd", [:], cell))
            guard index < source.count else {
                throw TeXError(message: "\\begin{\(name)} without a matching \\end{\(name)}", offset: start)
            }
            if source[index] == "&" {
                index += 1
                continue
            }
            if source[index] == "}" {
                throw TeXError(message: "unbalanced braces: '}' without a matching '{'", offset: index)
            }
            let commandStart = index
            let command = readCommandName()
            if command == "\\" {
                rows.append(cells)
                cells = []
                continue
            }
            if command == "right" { throw TeXError(message: "\\right without a matching \\left", offset: commandStart) }
            let endName = try readRawGroup(for: "\\end").trimmingSpaces
            guard endName == name else {
                throw TeXError(message: "\\begin{\(name)} ended by \\end{\(endName)}", offset: commandStart)
            }
            // A trailing `\\` before `\end` leaves one empty cell; it is not a row.
            let lastRowIsEmpty = cells.count == 1 && cells[0] == .element("mtd", [:], [])
            if !lastRowIsEmpty || rows.isEmpty { rows.append(cells) }
            break
        }
        // Browsers implement MathML Core, which has no `columnalign`; a style aligns the cells there
        // (and `aligned` closes the gap around its `&`), the attribute serves other renderers.
        let cellStyle: (Int) -> String? = { column in
            switch name {
            case "cases": "text-align: left"
            case "aligned": column % 2 == 0 ? "text-align: right; padding-right: 0" : "text-align: left; padding-left: 0"
            default: nil
            }
        }
        let styledRows = rows.map { row in
            row.enumerated().map { column, cell -> HTMLNode in
                guard let style = cellStyle(column), case .element(var element) = cell else { return cell }
                element.attributes = [HTMLAttribute(name: "style", value: style)]
                return .element(element)
            }
        }
        let table = HTMLNode.element("mtable", attributeList: tableAttributes, styledRows.map { .element("mtr", [:], $0) })
        guard fences.0 != nil || fences.1 != nil else { return table }
        var nodes: [HTMLNode] = []
        if let open = fences.0 { nodes.append(mo(open)) }
        nodes.append(table)
        if let close = fences.1 { nodes.append(mo(close)) }
        return .element("mrow", [:], nodes)
    }

    /// `\mathbf{w}`, `\mathbb{R}` ...: letters, digits and Greek commands in a font.
    private mutating func parseStyled(_ font: TeXSymbols.Font, command: String) throws -> HTMLNode {
        skipSpaces()
        let start = index
        var letters: [Character] = []
        if index < source.count, source[index] == "{" {
            index += 1
            while true {
                skipSpaces()
                guard index < source.count else {
                    throw TeXError(message: "unbalanced braces: '{' without a matching '}'", offset: start)
                }
                if source[index] == "}" { index += 1; break }
                letters.append(try readStyledLetter(command: command))
            }
        } else if index < source.count {
            letters.append(try readStyledLetter(command: command))
        } else {
            throw TeXError(message: "\\\(command) needs an argument", offset: start)
        }
        if font == .roman {
            return mi(String(letters), upright: true)
        }
        var nodes: [HTMLNode] = []
        for letter in letters {
            guard let styled = TeXSymbols.styled(letter, font) else {
                throw TeXError(message: "\\\(command) has no form of '\(letter)'", offset: start)
            }
            nodes.append(letter.isNumber ? mn(String(styled)) : mi(String(styled)))
        }
        return row(nodes)
    }

    private mutating func readStyledLetter(command: String) throws -> Character {
        let character = source[index]
        if character == "\\" {
            let start = index
            let name = readCommandName()
            if let letter = TeXSymbols.greek[name] { return letter }
            throw TeXError(message: "\\\(command) takes letters, digits and Greek letters, not \\\(name)", offset: start)
        }
        guard character.isLetter || character.isNumber else {
            throw TeXError(message: "\\\(command) takes letters, digits and Greek letters, not '\(character)'", offset: index)
        }
        index += 1
        return character
    }

    // MARK: Arguments and groups

    /// A command's or script's argument: a braced group, one command, or one character.
    private mutating func parseArgument(for command: String) throws -> HTMLNode {
        skipSpaces()
        guard index < source.count, source[index] != "}", source[index] != "&" else {
            throw TeXError(message: "\(command) needs an argument", offset: index)
        }
        switch source[index] {
        case "{":
            return row(try parseGroup())
        case "\\":
            let atom = try parseCommand()
            guard atom.trailing.isEmpty else { return .element("mrow", [:], [atom.base] + atom.trailing) }
            return atom.base
        case "^", "_":
            throw TeXError(message: "\(command) needs an argument, not '\(source[index])'", offset: index)
        default:
            // One character, as in TeX: x^23 is x squared followed by 3.
            let character = source[index]
            if character.isASCII && character.isNumber {
                index += 1
                return mn(String(character))
            }
            return try parseCharacter().base
        }
    }

    /// `{ ... }`: the contents, with the braces checked.
    private mutating func parseGroup() throws -> [HTMLNode] {
        let start = index
        index += 1
        let nodes = try parseList()
        guard index < source.count else {
            throw TeXError(message: "unbalanced braces: '{' without a matching '}'", offset: start)
        }
        guard source[index] == "}" else { throw unexpectedTerminator() }
        index += 1
        return nodes
    }

    /// The contents of `[ ... ]` after `\sqrt`.
    private mutating func parseList(closingBracket: Bool) throws -> [HTMLNode] {
        let start = index - 1
        var nodes: [HTMLNode] = []
        while true {
            skipSpaces()
            guard index < source.count else {
                throw TeXError(message: "\\sqrt[ without a matching ']'", offset: start)
            }
            if source[index] == "]" { index += 1; return nodes }
            if atTerminator() { throw unexpectedTerminator() }
            nodes += try parseItem()
        }
    }

    /// The raw text of a braced group (for `\text` and environment names); nested braces are kept.
    private mutating func readRawGroup(for command: String) throws -> String {
        skipSpaces()
        guard index < source.count, source[index] == "{" else {
            throw TeXError(message: "\(command) needs a braced argument, e.g. \(command){...}", offset: index)
        }
        let start = index
        index += 1
        var depth = 1
        var text = ""
        while index < source.count {
            let character = source[index]
            index += 1
            if character == "{" { depth += 1 }
            if character == "}" {
                depth -= 1
                if depth == 0 { return text }
            }
            text.append(character)
        }
        throw TeXError(message: "unbalanced braces: '{' without a matching '}'", offset: start)
    }

    // MARK: Reading

    private mutating func skipSpaces() {
        while index < source.count, source[index].isWhitespace { index += 1 }
    }

    /// Reads `\name` (letters) or `\c` (one other character) and returns the name without the backslash.
    private mutating func readCommandName() -> String {
        precondition(source[index] == "\\")
        index += 1
        guard index < source.count else { return "" }
        if source[index].isASCII && source[index].isLetter {
            var name = ""
            while index < source.count, source[index].isASCII, source[index].isLetter {
                name.append(source[index])
                index += 1
            }
            return name
        }
        let name = String(source[index])
        index += 1
        return name
    }

    private func peekCommandName() -> String {
        var copy = self
        return copy.readCommandName()
    }

    // MARK: Node builders

    private func mi(_ text: String, upright: Bool = false) -> HTMLNode {
        upright ? .element("mi", ["mathvariant": "normal"], [.text(text)]) : .element("mi", [:], [.text(text)])
    }

    private func mn(_ text: String) -> HTMLNode { .element("mn", [:], [.text(text)]) }

    private func mo(_ text: String) -> HTMLNode { .element("mo", [:], [.text(text)]) }

    /// A fence written without `\left`/`\right`: TeX never stretches it, so neither may the browser.
    private func fence(_ text: String) -> HTMLNode { .element("mo", ["stretchy": "false"], [.text(text)]) }

    private func space(_ width: String) -> HTMLNode { .element("mspace", ["width": width]) }

    /// One node stays as it is; several become an `<mrow>`.
    private func row(_ nodes: [HTMLNode]) -> HTMLNode {
        nodes.count == 1 ? nodes[0] : .element("mrow", [:], nodes)
    }

    /// The children of an `<mrow>`, or the node itself (for elements that take a row of children).
    private func unwrap(_ node: HTMLNode) -> [HTMLNode] {
        if case .element(let element) = node, element.name == "mrow", !element.children.isEmpty {
            return element.children
        }
        return [node]
    }
}
