/// What a chapter's ``Chapter/build(_:)`` returns: the generated items its prose places.
///
/// Every item must be placed by the prose exactly once, and every placeholder must name an item:
/// the report refuses to drop a figure silently or leave a hole in a page.
struct ChapterPage: Sendable {
    /// Where the chapter's Markdown comes from.
    enum Prose: Sendable, Equatable {
        /// `Resources/chapters/<id>.md`, bundled with the report.
        case bundled
        /// Markdown given directly, with a name for error messages (used by tests and demos).
        case inline(markdown: String, file: String)
    }

    var figures: [ChapterFigure]
    var tables: [ChapterTable]
    var code: [CodeExcerpt]
    var prose: Prose
    /// The figure shown on the index page; the first figure when nil.
    var thumbnail: String?

    init(figures: [ChapterFigure] = [], tables: [ChapterTable] = [], code: [CodeExcerpt] = [],
         prose: Prose = .bundled, thumbnail: String? = nil) {
        self.figures = figures
        self.tables = tables
        self.code = code
        self.prose = prose
        self.thumbnail = thumbnail
    }
}
