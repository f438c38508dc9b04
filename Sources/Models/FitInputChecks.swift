/// Input checks shared by the neighbour and tree models: every public `fit`, `predict` and `score`
/// runs its arguments through these first, so bad data becomes a typed `ModelError` naming the
/// place of the problem instead of a crash or a silently wrong answer.
enum FitInputChecks {
    /// Throws `emptyInput` when `x` has no rows or no columns, and `nonFinite(row:column:)` at the
    /// first NaN or infinity (scanning row by row).
    static func requireFeatures(_ x: Matrix, role: String) throws {
        guard x.rows > 0 else { throw ModelError.emptyInput("\(role) has no rows") }
        guard x.columns > 0 else { throw ModelError.emptyInput("\(role) has no columns (features)") }
        try x.storage.withUnsafeBufferPointer { values in
            for position in 0..<values.count where !values[position].isFinite {
                throw ModelError.nonFinite(row: position / x.columns, column: position % x.columns)
            }
        }
    }

    /// Throws `shapeMismatch` unless `x` has `expected` columns (the number seen during `fit`).
    static func requireColumns(_ x: Matrix, expected: Int) throws {
        guard x.columns == expected else {
            throw ModelError.shapeMismatch(
                "the model was fitted on \(expected) feature(s) but this input has \(x.columns) column(s)")
        }
    }

    /// Throws `shapeMismatch` unless there is one target per row of `x`.
    static func requireTargetCount(_ count: Int, rows: Int) throws {
        guard count == rows else {
            throw ModelError.shapeMismatch("X has \(rows) row(s) but the target has \(count) value(s)")
        }
    }

    /// Throws `nonFinite(row:column: 0)` at the first NaN or infinite regression target; the target
    /// is reported as a one-column table.
    static func requireFiniteTargets(_ y: [Double]) throws {
        if let row = y.firstIndex(where: { !$0.isFinite }) {
            throw ModelError.nonFinite(row: row, column: 0)
        }
    }
}
