/// A mistake in a TeX formula: what is wrong, and where (a character offset into the formula).
struct TeXError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, in words a prose author understands.
    let message: String
    /// Offset (in characters) into the formula where the problem was found.
    let offset: Int

    var description: String { "\(message) (at character \(offset + 1) of the formula)" }
}
