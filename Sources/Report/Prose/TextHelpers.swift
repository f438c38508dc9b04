/// Small text helpers shared by the Markdown and TeX parsers.
extension StringProtocol {
    /// The text without leading and trailing whitespace.
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// The text without leading and trailing `character`s.
    func trimmingCharacters(_ character: Character) -> String {
        String(drop(while: { $0 == character }).reversed().drop(while: { $0 == character }).reversed())
    }

    /// The text with each newline replaced by a space (code spans, like HTML, join lines).
    func replacingNewlines() -> String {
        String(map { $0 == "\n" ? " " : $0 })
    }

    /// Tabs replaced by spaces to the next multiple of four, so indentation can be counted.
    func expandingTabs() -> String {
        var result = ""
        for character in self {
            if character == "\t" {
                result += String(repeating: " ", count: 4 - result.count % 4)
            } else {
                result.append(character)
            }
        }
        return result
    }
}
