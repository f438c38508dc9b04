/// A chapter after its build: the page body with every placeholder filled, and its figures.
struct BuiltChapter: Sendable {
    let id: String
    let number: Int
    let title: String
    let summary: String
    /// The prose and generated items, in order, ready for the page's `<main>`.
    let body: [HTMLNode]
    /// Figures in the order the prose places them.
    let figures: [PlacedFigure]
    /// The figure the index shows for this chapter.
    let thumbnail: PlacedFigure?
}

/// A figure as placed on a page: its number, files and rendered caption.
struct PlacedFigure: Sendable {
    let chapterID: String
    let stem: String
    /// `3.2` for the second figure of chapter 3.
    let label: String
    let caption: [HTMLNode]
    let altText: String
    let width: Int
    let height: Int
    /// The figure's files relative to the report folder, PNG first (`linear-regression/cost-contour.png`).
    let files: [(format: FigureFormat, path: String)]

    /// The PNG, which every figure has.
    var pngPath: String { files[0].path }
}
