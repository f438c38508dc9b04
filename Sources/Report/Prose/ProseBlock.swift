/// One block of parsed prose: finished HTML, or a placeholder for something the chapter generates.
enum ProseBlock: Sendable, Equatable {
    /// A rendered block (paragraph, heading, list, equation ...).
    case html(HTMLNode)
    /// `{{figure STEM}}`, `{{table NAME}}` or `{{code NAME}}`, filled in when the page is laid out.
    case placeholder(Placeholder)
}

/// A line such as `{{figure cost-contour}}` that marks where a chapter's generated item goes.
struct Placeholder: Sendable, Equatable, Hashable {
    /// The kinds of generated item the prose can place.
    enum Kind: String, Sendable, CaseIterable {
        case figure, table, code
    }

    let kind: Kind
    /// The figure's file stem, or the table's or code excerpt's name.
    let name: String
    /// The 1-based line of the placeholder in its prose file.
    let line: Int
}

/// Names of figures, tables and excerpts: lowercase letters and digits in hyphen-separated words,
/// so they are safe as file names and URL parts (`cost-contour`).
enum ItemName {
    static func isValid(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("-"), !name.hasSuffix("-"), !name.contains("--") else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
