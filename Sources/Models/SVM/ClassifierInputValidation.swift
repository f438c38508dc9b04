/// Checks shared by the SVM and neural-network fits: a non-empty, finite design matrix with one
/// label per row, and labels sorted into their distinct classes.
enum ClassifierInputValidation {
    /// Throws `emptyInput` for no rows or columns and `nonFinite(row:column:)` for the first NaN or
    /// infinity, scanning row by row.
    static func checkFeatures(_ x: Matrix, what: String = "X") throws {
        guard x.rows > 0 else { throw ModelError.emptyInput("\(what) has no rows") }
        guard x.columns > 0 else { throw ModelError.emptyInput("\(what) has no columns") }
        try x.storage.withUnsafeBufferPointer { values in
            for index in 0..<values.count where !values[index].isFinite {
                throw ModelError.nonFinite(row: index / x.columns, column: index % x.columns)
            }
        }
    }

    /// Checks `x` and that `y` has one label per row; returns the sorted distinct classes.
    /// Throws `singleClass` when there is only one.
    static func checkClassification(_ x: Matrix, _ y: [Int]) throws -> [Int] {
        try checkFeatures(x)
        guard y.count == x.rows else {
            throw ModelError.shapeMismatch("X has \(x.rows) rows but y has \(y.count) labels")
        }
        let classes = Array(Set(y)).sorted()
        guard classes.count >= 2 else {
            throw ModelError.singleClass("every label is \(classes.first.map(String.init) ?? "-"); a classifier needs at least two classes")
        }
        return classes
    }

    /// Throws `shapeMismatch` when `x` at prediction time has a different number of columns
    /// from the training data.
    static func checkPredictionFeatures(_ x: Matrix, expectedColumns: Int) throws {
        guard x.columns == expectedColumns else {
            throw ModelError.shapeMismatch("the model was trained on \(expectedColumns) features but X has \(x.columns)")
        }
        guard x.rows > 0 else { throw ModelError.emptyInput("X has no rows to predict") }
        try checkFeatures(x)
    }
}
