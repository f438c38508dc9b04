/// Checks shared by the preprocessing steps, so every one reports bad input the same way.
enum PreprocessingInput {
    /// Throws `emptyInput` when `x` has no rows or no columns.
    static func requireNonEmpty(_ x: Matrix, _ what: String) throws {
        guard x.rows > 0, x.columns > 0 else {
            throw ModelError.emptyInput("\(what) needs at least one row and one column, got \(x.rows)x\(x.columns)")
        }
    }

    /// Throws `nonFinite` naming the first NaN or infinite element.
    static func requireFinite(_ x: Matrix) throws {
        if let cell = x.firstNonFinite() { throw ModelError.nonFinite(row: cell.row, column: cell.column) }
    }

    /// Throws `shapeMismatch` when `x` does not have the `expected` number of columns.
    static func requireColumns(_ x: Matrix, _ expected: Int, fittedBy what: String) throws {
        guard x.columns == expected else {
            throw ModelError.shapeMismatch("the \(what) was fitted on \(expected) columns but this matrix has \(x.columns)")
        }
    }
}
