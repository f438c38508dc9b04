/// Regression metrics: how far predictions are from the targets.
///
/// Each takes the true values first and the predictions second (as scikit-learn does) and throws
/// `emptyInput`, `shapeMismatch` or `nonFinite(row:column:)` (column 0 = truth, 1 = prediction).

/// Mean squared error: 1/m sum (y_i - p_i)^2.
public func meanSquaredError(_ truth: [Double], _ predictions: [Double]) throws -> Double {
    try checkPaired(truth, predictions, metric: "meanSquaredError")
    var sum = 0.0
    for i in truth.indices { sum += (truth[i] - predictions[i]) * (truth[i] - predictions[i]) }
    return sum / Double(truth.count)
}

/// Root mean squared error: the square root of the MSE, in the target's units.
public func rootMeanSquaredError(_ truth: [Double], _ predictions: [Double]) throws -> Double {
    try meanSquaredError(truth, predictions).squareRoot()
}

/// Mean absolute error: 1/m sum |y_i - p_i|.
public func meanAbsoluteError(_ truth: [Double], _ predictions: [Double]) throws -> Double {
    try checkPaired(truth, predictions, metric: "meanAbsoluteError")
    var sum = 0.0
    for i in truth.indices { sum += abs(truth[i] - predictions[i]) }
    return sum / Double(truth.count)
}

/// The coefficient of determination R^2 = 1 - SS_res / SS_tot.
///
/// 1 is a perfect fit, 0 is as good as predicting the mean, negative is worse than that. When the
/// truth is constant (SS_tot = 0) it is 1 for perfect predictions and 0 otherwise, as in
/// scikit-learn.
public func r2Score(_ truth: [Double], _ predictions: [Double]) throws -> Double {
    try checkPaired(truth, predictions, metric: "r2Score")
    let mean = truth.reduce(0, +) / Double(truth.count)
    var residual = 0.0
    var total = 0.0
    for i in truth.indices {
        residual += (truth[i] - predictions[i]) * (truth[i] - predictions[i])
        total += (truth[i] - mean) * (truth[i] - mean)
    }
    if total == 0 { return residual == 0 ? 1 : 0 }
    return 1 - residual / total
}

/// Checks two equally long, non-empty, finite sequences.
func checkPaired(_ truth: [Double], _ predictions: [Double], metric: String) throws {
    guard !truth.isEmpty else { throw ModelError.emptyInput("\(metric): no values") }
    guard truth.count == predictions.count else {
        throw ModelError.shapeMismatch("\(metric): \(truth.count) true values but \(predictions.count) predictions")
    }
    for i in truth.indices {
        if !truth[i].isFinite { throw ModelError.nonFinite(row: i, column: 0) }
        if !predictions[i].isFinite { throw ModelError.nonFinite(row: i, column: 1) }
    }
}
