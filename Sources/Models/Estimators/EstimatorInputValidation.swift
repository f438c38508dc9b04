/// The largest class code a classifier or a confusion matrix accepts: codes index arrays of size
/// `k`, so a stray huge code must be an error, not a huge allocation.
let maximumClassCode = 65_535

/// Input checks shared by every estimator, so each one reports bad data the same way.
enum InputValidation {
    /// Checks that `X` is non-empty and finite, reporting the first bad cell by row and column.
    static func checkFeatures(_ X: Matrix, context: String) throws {
        guard X.rows > 0 else { throw ModelError.emptyInput("\(context): X has no rows") }
        guard X.columns > 0 else { throw ModelError.emptyInput("\(context): X has no columns") }
        try X.storage.withUnsafeBufferPointer { buffer in
            // A fast sweep first; only locate the bad cell when there is one.
            var allFinite = true
            for value in buffer where !value.isFinite { allFinite = false; break }
            if allFinite { return }
            for index in 0..<buffer.count where !buffer[index].isFinite {
                throw ModelError.nonFinite(row: index / X.columns, column: index % X.columns)
            }
        }
    }

    /// Checks `X` and a target with one finite value per row. A non-finite target is reported at
    /// column `X.columns`, i.e. the target seen as the column after the features.
    static func checkTraining(_ X: Matrix, _ y: [Double], context: String) throws {
        try checkFeatures(X, context: context)
        guard y.count == X.rows else {
            throw ModelError.shapeMismatch("\(context): X has \(X.rows) rows but y has \(y.count) values")
        }
        for (row, value) in y.enumerated() where !value.isFinite {
            throw ModelError.nonFinite(row: row, column: X.columns)
        }
    }

    /// Checks `X` for prediction with a model trained on `featureCount` features.
    static func checkPrediction(_ X: Matrix, featureCount: Int) throws {
        guard X.columns == featureCount else {
            throw ModelError.shapeMismatch(
                "the model was trained on \(featureCount) features but X has \(X.columns) columns")
        }
        guard X.rows > 0 else { return }
        try checkFeatures(X, context: "predict")
    }

    /// Checks class codes: one per row, each in `0...`, at least two distinct classes.
    /// Returns the class count `k = max + 1`.
    static func checkLabels(_ X: Matrix, _ labels: [Int], context: String) throws -> Int {
        try checkFeatures(X, context: context)
        guard labels.count == X.rows else {
            throw ModelError.shapeMismatch("\(context): X has \(X.rows) rows but there are \(labels.count) labels")
        }
        for (row, label) in labels.enumerated() where label < 0 || label > maximumClassCode {
            throw ModelError.invalidLabel(row: row, value: String(label), reason: label < 0
                ? "class codes must be 0, 1, 2, ..."
                : "class codes above \(maximumClassCode) are not supported; recode the labels as 0..<k")
        }
        let first = labels[0]
        guard labels.contains(where: { $0 != first }) else {
            throw ModelError.singleClass("\(context): every label is \(first); a classifier needs at least two classes")
        }
        return (labels.max() ?? 0) + 1
    }

    /// Throws `invalidHyperparameter` unless `condition` holds.
    static func require(_ condition: Bool, _ name: String, _ value: some CustomStringConvertible, _ reason: String) throws {
        guard condition else {
            throw ModelError.invalidHyperparameter(name: name, value: value.description, reason: reason)
        }
    }

    /// Checks where a gradient-descent run starts: a finite `bias`, and optional `weights` with one
    /// finite value per feature.
    static func checkStartingPoint(weights: [Double]?, bias: Double, featureCount: Int) throws {
        try require(bias.isFinite, "initialBias", bias, "must be finite")
        guard let weights else { return }
        guard weights.count == featureCount else {
            throw ModelError.shapeMismatch(
                "initialWeights has \(weights.count) values but X has \(featureCount) features")
        }
        for value in weights where !value.isFinite {
            throw ModelError.invalidHyperparameter(name: "initialWeights", value: String(value), reason: "must be finite")
        }
    }
}

/// Turns a numeric column (as a CSV loader gives it) into class codes.
///
/// Each value must be a whole number `0, 1, 2, ...`; anything else throws `ModelError.invalidLabel`
/// naming its row. Example: `[0, 1, 1, 2] -> [0, 1, 1, 2]`; `[0.5]` throws.
public func classCodes(from values: [Double]) throws -> [Int] {
    try values.enumerated().map { row, value in
        guard value.isFinite, value >= 0, value.rounded() == value, value < Double(Int32.max) else {
            throw ModelError.invalidLabel(row: row, value: String(value), reason: "class codes must be whole numbers 0, 1, 2, ...")
        }
        return Int(value)
    }
}
