/// Turns ``HTMLNode`` trees into text that is both valid HTML5 and well-formed XML.
///
/// Every text run and attribute value is escaped (`&`, `<`, `>`, and both quotes in attributes);
/// characters XML forbids (C0 controls other than tab, newline and carriage return) become U+FFFD.
/// Void elements are written `<img ... />`, so Foundation's `XMLParser` can read a page. A newline
/// follows the closing tag of block elements (and the opening tag of containers) so pages diff
/// well; inline content is left untouched.
enum HTMLSerializer {
    /// Elements that have no closing tag in HTML.
    static let voidElements: Set<String> = ["meta", "link", "img", "br", "hr", "mspace", "col", "source"]

    /// Elements after which a newline is written (whitespace between them never renders).
    static let blockElements: Set<String> = [
        "html", "head", "body", "header", "main", "footer", "nav", "section", "article", "aside",
        "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "thead", "tbody", "tr", "caption", "figure", "figcaption", "pre", "blockquote",
        "meta", "link", "title",
    ]

    /// Containers after whose opening tag a newline is written (only other blocks follow it).
    static let containerElements: Set<String> = [
        "html", "head", "body", "header", "main", "footer", "section", "ul", "ol", "table", "thead",
        "tbody", "blockquote", "figure",
    ]

    /// A complete page: the doctype line, then the `html` element.
    static func document(_ root: HTMLNode) -> String {
        var output = "<!DOCTYPE html>\n"
        write(root, into: &output)
        return output
    }

    /// A fragment (used by tests and for MathML strings).
    static func fragment(_ nodes: [HTMLNode]) -> String {
        var output = ""
        for node in nodes { write(node, into: &output) }
        return output
    }

    static func write(_ node: HTMLNode, into output: inout String) {
        switch node {
        case .text(let text):
            output += escapeText(text)
        case .element(let element):
            output += "<" + element.name
            for attribute in element.attributes {
                output += " " + attribute.name + "=\"" + escapeAttribute(attribute.value) + "\""
            }
            if voidElements.contains(element.name) {
                precondition(element.children.isEmpty, "<\(element.name)> cannot have children")
                output += " />"
            } else {
                output += ">"
                if containerElements.contains(element.name) { output += "\n" }
                for child in element.children { write(child, into: &output) }
                output += "</" + element.name + ">"
            }
            if blockElements.contains(element.name) { output += "\n" }
        }
    }

    /// Escapes text content: `&`, `<`, `>` and characters XML cannot carry.
    static func escapeText(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// Escapes an attribute value: as text, plus both quote characters.
    static func escapeAttribute(_ text: String) -> String {
        escape(text, quotes: true)
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                // XML 1.0 forbids C0 controls, and U+FFFE/U+FFFF; HTML forbids them too.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
