/// A piece of source code shown on a page, usually cut from the package's own sources.
struct CodeExcerpt: Sendable, Equatable {
    /// The name the prose uses: `{{code gradient-step}}`.
    let name: String
    /// The code, dedented, without the marker lines.
    let code: String
    /// Where it came from, relative to the package (`Sources/Models/LinearRegression.swift`);
    /// nil for code written in the chapter itself.
    let sourcePath: String?
    /// The 1-based lines of the excerpt in its source file.
    let lines: ClosedRange<Int>?
    /// The language, for the `language-` class on the code element.
    let language: String

    init(name: String, code: String, sourcePath: String? = nil, lines: ClosedRange<Int>? = nil, language: String = "swift") {
        self.name = name
        self.code = code
        self.sourcePath = sourcePath
        self.lines = lines
        self.language = language
    }
}
