/// One chapter of the report: a lab that loads data, fits models, builds figures and returns a page.
///
/// A chapter is a value with no shared state, so the report builds chapters concurrently. Its prose
/// lives in `Resources/chapters/<id>.md`; ``build(_:)`` returns the generated items (figures,
/// tables, code excerpts) that the prose places with `{{figure STEM}}`, `{{table NAME}}` and
/// `{{code NAME}}` lines.
///
///     struct LinearRegressionChapter: Chapter {
///         let id = "linear-regression"
///         let number = 1
///         let title = "Linear regression, one variable"
///         let summary = "Fit a line by gradient descent and watch the cost fall."
///         func build(_ context: ChapterContext) throws -> ChapterPage {
///             ChapterPage(figures: [...], tables: [...], code: [try context.excerpt("gradient-step")])
///         }
///     }
protocol Chapter: Sendable {
    /// Stable identifier used on the command line, in file names and URLs (`linear-regression`).
    var id: String { get }
    /// Position in teaching order, starting at 1.
    var number: Int { get }
    /// The page title.
    var title: String { get }
    /// One line saying what the chapter teaches (shown under the title and on the index).
    var summary: String { get }
    /// Trains the models and returns the page's generated items. Must be deterministic for a seed.
    func build(_ context: ChapterContext) throws -> ChapterPage
}
