/// A node of an HTML (or embedded MathML) tree: an element or a run of text.
///
/// Pages are built as trees of these values and only turned into text by ``HTMLSerializer``, which
/// escapes every text run and attribute value. No code path splices unescaped text into a page.
enum HTMLNode: Sendable, Equatable {
    /// An element with its attributes (kept in the order given, so output is deterministic).
    case element(HTMLElement)
    /// Text; escaped when serialised.
    case text(String)

    /// Builds an element node.
    ///
    ///     let link = HTMLNode.element("a", ["href": "x.html"], [.text("next")])
    static func element(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [HTMLNode] = []
    ) -> HTMLNode {
        .element(HTMLElement(name, attributes: attributes.map { HTMLAttribute(name: $0.key, value: $0.value) },
                             children: children))
    }

    /// Builds an element node from an attribute list assembled at run time.
    static func element(_ name: String, attributeList: [HTMLAttribute], _ children: [HTMLNode] = []) -> HTMLNode {
        .element(HTMLElement(name, attributes: attributeList, children: children))
    }

    /// The concatenated text of this node and its descendants (used for titles and alt text).
    var plainText: String {
        switch self {
        case .text(let text): text
        case .element(let element): element.children.map(\.plainText).joined()
        }
    }
}

/// One `name="value"` pair of an element.
struct HTMLAttribute: Sendable, Equatable {
    let name: String
    let value: String
}

/// An element: a tag name, ordered attributes and children.
struct HTMLElement: Sendable, Equatable {
    let name: String
    var attributes: [HTMLAttribute]
    var children: [HTMLNode]

    /// Creates an element. Tag and attribute names come from the program, never from prose, so an
    /// invalid one is a programmer error.
    init(_ name: String, attributes: [HTMLAttribute] = [], children: [HTMLNode] = []) {
        precondition(HTMLElement.isValidName(name), "invalid element name \(name)")
        for attribute in attributes {
            precondition(HTMLElement.isValidName(attribute.name), "invalid attribute name \(attribute.name)")
        }
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// Names are lowercase ASCII letters, digits and hyphens, starting with a letter.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
