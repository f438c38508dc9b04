/// Everything that can go wrong when loading data or fitting a model, with messages a student
/// understands. `precondition` is kept for programmer mistakes only.
public enum ModelError: Error, Equatable, Sendable {
    /// A fit or a transform was given no rows (or no columns).
    case emptyInput(String)
    /// Two inputs that must agree in size do not, e.g. X has 10 rows but y has 9.
    case shapeMismatch(String)
    /// A NaN or infinite value at a 0-based row and column of the input.
    case nonFinite(row: Int, column: Int)
    /// A hyperparameter outside its valid range, e.g. a negative learning rate.
    case invalidHyperparameter(name: String, value: String, reason: String)
    /// A linear system that has no unique solution (e.g. collinear or too few rows).
    case singularMatrix(String)
    /// A classifier was given a target with only one class.
    case singleClass(String)
    /// A class label that is not a valid class code (codes are whole numbers `0..<k`; a binary
    /// classifier takes 0 and 1 only), at a 0-based row.
    case invalidLabel(row: Int, value: String, reason: String)
}

extension ModelError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .emptyInput(let what): return "empty input: \(what)"
        case .shapeMismatch(let what): return "shape mismatch: \(what)"
        case .nonFinite(let row, let column):
            return "non-finite value (NaN or infinity) at row \(row), column \(column)"
        case .invalidHyperparameter(let name, let value, let reason):
            return "invalid hyperparameter \(name) = \(value): \(reason)"
        case .singularMatrix(let what): return "singular system: \(what)"
        case .singleClass(let what): return "only one class in the target: \(what)"
        case .invalidLabel(let row, let value, let reason):
            return "invalid class label \(value) at row \(row): \(reason)"
        }
    }
}
