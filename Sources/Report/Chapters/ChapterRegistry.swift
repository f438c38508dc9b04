/// The chapters the report knows, in teaching order.
///
/// Only implemented chapters are registered; ``plannedIDs`` names the whole course so the command
/// line can tell "not written yet" apart from a typo.
struct ChapterRegistry: Sendable {
    /// The course's chapters in teaching order, implemented or not.
    static let plannedIDs = [
        "linear-regression", "multiple-linear-regression", "feature-scaling", "polynomial-regression",
        "linear-regression-library", "logistic-regression", "logistic-regression-library",
        "stochastic-gradient-descent", "k-nearest-neighbours", "decision-trees",
        "support-vector-machines", "neural-networks",
    ]

    /// The chapters this build of the report contains. To add a chapter:
    ///
    /// 1. Write `Sources/Report/Chapters/<Name>Chapter.swift`, a type conforming to ``Chapter``
    ///    whose `id` is one of ``plannedIDs`` and whose `number` is its position there (from 1).
    /// 2. Write its prose, `Sources/Report/Resources/chapters/<id>.md` (dialect: `FORMAT.md` there),
    ///    placing every figure, table and code excerpt the chapter returns.
    /// 3. Mark the model code to show with `// excerpt: NAME` ... `// end excerpt` in Sources/Models.
    /// 4. List the chapter here. `swift test --filter ReportTests` checks ids, order and prose.
    static let standard = ChapterRegistry(unchecked: [
        LinearRegressionChapter(),
        MultipleLinearRegressionChapter(),
        FeatureScalingChapter(),
        PolynomialRegressionChapter(),
        LinearRegressionLibraryChapter(),
        LogisticRegressionChapter(),
        LogisticRegressionLibraryChapter(),
        StochasticGradientDescentChapter(),
        KNearestNeighboursChapter(),
        DecisionTreesChapter(),
        SupportVectorMachinesChapter(),
        NeuralNetworksChapter(),
    ])

    /// The registered chapters, sorted by number.
    let chapters: [any Chapter]

    /// Registers `chapters`, checking that ids are valid and unique and numbers distinct.
    init(_ chapters: [any Chapter]) throws {
        var ids = Set<String>(), numbers = Set<Int>()
        for chapter in chapters {
            guard ItemName.isValid(chapter.id) else {
                throw RegistryError(message: "chapter id '\(chapter.id)' must be lowercase words joined by hyphens")
            }
            guard ids.insert(chapter.id).inserted else {
                throw RegistryError(message: "two chapters share the id '\(chapter.id)'")
            }
            guard numbers.insert(chapter.number).inserted else {
                throw RegistryError(message: "two chapters share the number \(chapter.number)")
            }
        }
        self.chapters = chapters.sorted { $0.number < $1.number }
    }

    private init(unchecked chapters: [any Chapter]) {
        self.chapters = chapters.sorted { $0.number < $1.number }
    }

    /// The chapter with `id`, if registered.
    func chapter(withID id: String) -> (any Chapter)? {
        chapters.first { $0.id == id }
    }

    /// Registered ids in teaching order.
    var ids: [String] { chapters.map(\.id) }
}

/// A mistake in the chapter list itself (a programmer error caught by the tests).
struct RegistryError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
