/// Classification metrics on class codes `0..<k` (true labels first, predictions second).

/// How precision, recall and F1 summarise several classes.
public enum Averaging: Sendable, Equatable {
    /// Only the given class counts as positive (binary problems; usually class 1).
    case binary(positive: Int)
    /// The unweighted mean of the per-class scores over every class present in the truth or the
    /// predictions (each class counts equally, whatever its size).
    case macro
}

/// The fraction of predictions equal to the truth.
public func accuracy(_ truth: [Int], _ predictions: [Int]) throws -> Double {
    try checkLabels(truth, predictions, metric: "accuracy")
    var correct = 0
    for i in truth.indices where truth[i] == predictions[i] { correct += 1 }
    return Double(correct) / Double(truth.count)
}

/// Precision: of the examples predicted positive, the fraction that are positive, TP / (TP + FP).
/// A class never predicted has precision 0 (scikit-learn's `zero_division=0`).
public func precision(_ truth: [Int], _ predictions: [Int], averaging: Averaging = .binary(positive: 1)) throws -> Double {
    try checkLabels(truth, predictions, metric: "precision")
    return average(truth, predictions, averaging) { counts in
        ratio(counts.truePositives, counts.truePositives + counts.falsePositives)
    }
}

/// Recall (sensitivity, true positive rate): of the positive examples, the fraction found,
/// TP / (TP + FN). A class absent from the truth has recall 0.
public func recall(_ truth: [Int], _ predictions: [Int], averaging: Averaging = .binary(positive: 1)) throws -> Double {
    try checkLabels(truth, predictions, metric: "recall")
    return average(truth, predictions, averaging) { counts in
        ratio(counts.truePositives, counts.truePositives + counts.falseNegatives)
    }
}

/// F1: the harmonic mean of precision and recall, 2 TP / (2 TP + FP + FN). For `.macro` it is the
/// mean of the per-class F1 scores.
public func f1Score(_ truth: [Int], _ predictions: [Int], averaging: Averaging = .binary(positive: 1)) throws -> Double {
    try checkLabels(truth, predictions, metric: "f1Score")
    return average(truth, predictions, averaging) { counts in
        ratio(2 * counts.truePositives, 2 * counts.truePositives + counts.falsePositives + counts.falseNegatives)
    }
}

/// True/false positives and false negatives of one class treated as positive.
struct OneVersusRestCounts {
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0

    init(_ truth: [Int], _ predictions: [Int], positive: Int) {
        for i in truth.indices {
            let actual = truth[i] == positive
            let predicted = predictions[i] == positive
            if actual && predicted { truePositives += 1 }
            else if predicted { falsePositives += 1 }
            else if actual { falseNegatives += 1 }
        }
    }
}

private func ratio(_ numerator: Int, _ denominator: Int) -> Double {
    denominator == 0 ? 0 : Double(numerator) / Double(denominator)
}

private func average(_ truth: [Int], _ predictions: [Int], _ averaging: Averaging,
                     _ score: (OneVersusRestCounts) -> Double) -> Double {
    switch averaging {
    case .binary(let positive):
        return score(OneVersusRestCounts(truth, predictions, positive: positive))
    case .macro:
        let classes = Set(truth).union(predictions).sorted()
        let total = classes.reduce(0.0) { $0 + score(OneVersusRestCounts(truth, predictions, positive: $1)) }
        return total / Double(classes.count)
    }
}

/// Checks two equally long, non-empty label sequences of non-negative class codes.
func checkLabels(_ truth: [Int], _ predictions: [Int], metric: String) throws {
    guard !truth.isEmpty else { throw ModelError.emptyInput("\(metric): no labels") }
    guard truth.count == predictions.count else {
        throw ModelError.shapeMismatch("\(metric): \(truth.count) true labels but \(predictions.count) predictions")
    }
    for i in truth.indices {
        for (label, kind) in [(truth[i], "class codes"), (predictions[i], "predicted class codes")]
        where label < 0 || label > maximumClassCode {
            throw ModelError.invalidLabel(row: i, value: String(label), reason: "\(kind) are 0, 1, 2, ... up to \(maximumClassCode)")
        }
    }
}
