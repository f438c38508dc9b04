import Foundation

/// What a chapter is given to build its page: the run's seed, the figure formats and scale asked
/// for, and access to code excerpts from the package's sources.
struct ChapterContext: Sendable {
    /// The seed for every random choice (splits, initial weights, shuffles).
    let seed: UInt64
    /// Formats the figures will be written in; PNG is always first.
    let formats: [FigureFormat]
    /// PNG resolution multiplier (1 = one pixel per CSS pixel).
    let scale: Double
    /// Where code excerpts are looked up.
    let excerpts: SourceExcerpts

    /// The code between `// excerpt: NAME` and `// end excerpt` in the package's sources.
    ///
    /// - Throws: ``ExcerptError`` if the sources are missing or no such excerpt exists.
    func excerpt(_ name: String) throws -> CodeExcerpt {
        try excerpts.excerpt(named: name)
    }
}
