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

    /// The chapters this build of the report contains. Add a chapter here when it is written.
    static let standard = ChapterRegistry(unchecked: [])

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
