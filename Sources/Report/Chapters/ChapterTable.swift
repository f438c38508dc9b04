/// A table of numbers a chapter generates (learned parameters, metrics), optionally comparing our
/// values with a reference implementation's (scikit-learn) column by column.
///
///     ChapterTable(name: "parameters", caption: "Learned parameters",
///                  header: ["parameter", "ours", "scikit-learn"],
///                  rows: [["w", "1.1930", "1.1930"], ["b", "-3.8958", "-3.8958"]],
///                  comparison: .init(ours: 1, reference: 2))
struct ChapterTable: Sendable, Equatable {
    /// Which column holds our values and which the reference's; both are highlighted.
    struct Comparison: Sendable, Equatable {
        let ours: Int
        let reference: Int
    }

    /// The name the prose uses: `{{table parameters}}`.
    let name: String
    /// A caption in inline Markdown (math allowed).
    let caption: String
    let header: [String]
    let rows: [[String]]
    let comparison: Comparison?

    init(name: String, caption: String, header: [String], rows: [[String]], comparison: Comparison? = nil) {
        self.name = name
        self.caption = caption
        self.header = header
        self.rows = rows
        self.comparison = comparison
    }
}
