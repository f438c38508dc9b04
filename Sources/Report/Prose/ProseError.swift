/// A mistake in a chapter's prose (Markdown or math), located by file and line so the author can
/// go straight to it: `chapters/linear-regression.md:14: unknown TeX command \alpah`.
struct ProseError: Error, Equatable, CustomStringConvertible {
    /// The prose file, e.g. `chapters/linear-regression.md`.
    let file: String
    /// The 1-based line the problem is on.
    let line: Int
    /// What is wrong.
    let message: String

    var description: String { "\(file):\(line): \(message)" }
}
