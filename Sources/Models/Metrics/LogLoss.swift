#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The mean cross-entropy `-1/m sum_i log p_i(y_i)` of predicted class probabilities.
///
/// `probabilities` is `m x k` (as `predictProbabilities` returns); `labels` are codes `0..<k`.
/// Probabilities are clipped to `[epsilon, 1 - epsilon]` (epsilon = 1e-15) so a confident mistake
/// costs a large but finite amount, as in scikit-learn. Rows need not sum exactly to 1.
public func logLoss(_ labels: [Int], probabilities: Matrix) throws -> Double {
    guard !labels.isEmpty else { throw ModelError.emptyInput("logLoss: no labels") }
    guard probabilities.rows == labels.count else {
        throw ModelError.shapeMismatch("logLoss: \(labels.count) labels but \(probabilities.rows) rows of probabilities")
    }
    if let cell = probabilities.firstNonFinite() { throw ModelError.nonFinite(row: cell.row, column: cell.column) }
    let epsilon = 1e-15
    var sum = 0.0
    for (i, label) in labels.enumerated() {
        guard label >= 0, label < probabilities.columns else {
            throw ModelError.invalidLabel(row: i, value: String(label),
                                          reason: "there are probabilities for \(probabilities.columns) classes")
        }
        let p = probabilities[i, label]
        guard p >= 0, p <= 1 else {
            throw ModelError.invalidHyperparameter(name: "probabilities[\(i), \(label)]", value: String(p),
                                                   reason: "a probability must be in [0, 1]")
        }
        sum -= log(min(max(p, epsilon), 1 - epsilon))
    }
    return sum / Double(labels.count)
}

/// The binary log-loss from the probability of class 1 for each example (labels 0 or 1).
public func logLoss(_ labels: [Int], positiveProbabilities: [Double]) throws -> Double {
    guard labels.count == positiveProbabilities.count else {
        throw ModelError.shapeMismatch("logLoss: \(labels.count) labels but \(positiveProbabilities.count) probabilities")
    }
    for (i, label) in labels.enumerated() where label != 0 && label != 1 {
        throw ModelError.invalidLabel(row: i, value: String(label), reason: "binary labels are 0 and 1")
    }
    var storage = [Double](repeating: 0, count: 2 * labels.count)
    for (i, p) in positiveProbabilities.enumerated() {
        storage[2 * i] = 1 - p
        storage[2 * i + 1] = p
    }
    return try logLoss(labels, probabilities: Matrix(rows: labels.count, columns: 2, storage: storage))
}
