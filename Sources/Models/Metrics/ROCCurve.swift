/// The receiver operating characteristic of a binary scorer: for every threshold, the false
/// positive rate FP / N against the true positive rate TP / P of predicting 1 when
/// `score >= threshold`.
///
/// Points come one per distinct score, from the highest threshold down, after a first point
/// (0, 0) whose threshold is `+infinity`. Tied scores move together (a diagonal step), which is
/// what makes the area correct with ties.
///
/// ```swift
/// let roc = try ROCCurve(labels: [0, 0, 1, 1], scores: [0.1, 0.4, 0.35, 0.8])
/// roc.auc  // 0.75
/// ```
/// Complexity: O(m log m).
public struct ROCCurve: Sendable, Equatable {
    /// False positive rates, non-decreasing from 0 to 1.
    public let falsePositiveRates: [Double]
    /// True positive rates, non-decreasing from 0 to 1.
    public let truePositiveRates: [Double]
    /// The threshold of each point (`+infinity` for the first).
    public let thresholds: [Double]

    /// - Parameters:
    ///   - labels: 0 (negative) or 1 (positive), both present.
    ///   - scores: any finite scores or probabilities; larger means "more likely positive".
    public init(labels: [Int], scores: [Double]) throws {
        guard !labels.isEmpty else { throw ModelError.emptyInput("ROCCurve: no labels") }
        guard labels.count == scores.count else {
            throw ModelError.shapeMismatch("ROCCurve: \(labels.count) labels but \(scores.count) scores")
        }
        for i in labels.indices {
            guard labels[i] == 0 || labels[i] == 1 else {
                throw ModelError.invalidLabel(row: i, value: String(labels[i]), reason: "ROC labels are 0 and 1")
            }
            guard scores[i].isFinite else { throw ModelError.nonFinite(row: i, column: 1) }
        }
        let positives = labels.reduce(0, +)
        let negatives = labels.count - positives
        guard positives > 0, negatives > 0 else {
            throw ModelError.singleClass("ROCCurve needs both positive and negative examples")
        }
        let order = labels.indices.sorted { scores[$0] > scores[$1] }
        var fpr = [0.0], tpr = [0.0], thresholds = [Double.infinity]
        var truePositives = 0, falsePositives = 0
        var index = 0
        while index < order.count {
            let threshold = scores[order[index]]
            // Take every example with this score at once.
            while index < order.count && scores[order[index]] == threshold {
                if labels[order[index]] == 1 { truePositives += 1 } else { falsePositives += 1 }
                index += 1
            }
            fpr.append(Double(falsePositives) / Double(negatives))
            tpr.append(Double(truePositives) / Double(positives))
            thresholds.append(threshold)
        }
        falsePositiveRates = fpr
        truePositiveRates = tpr
        self.thresholds = thresholds
    }

    /// The area under the curve by the trapezoid rule: the probability that a random positive
    /// scores higher than a random negative, ties counting one half. 0.5 is chance, 1 is perfect.
    public var auc: Double {
        var area = 0.0
        for i in 1..<falsePositiveRates.count {
            area += (falsePositiveRates[i] - falsePositiveRates[i - 1])
                * (truePositiveRates[i] + truePositiveRates[i - 1]) / 2
        }
        return area
    }
}
