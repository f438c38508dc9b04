/// Counts of (true class, predicted class) pairs: `counts[t][p]` is the number of examples of class
/// `t` predicted as `p`. The diagonal holds the correct predictions.
///
/// ```swift
/// let matrix = try ConfusionMatrix(truth: [0, 0, 1, 1], predictions: [0, 1, 1, 1])
/// matrix.counts  // [[1, 1], [0, 2]]
/// ```
public struct ConfusionMatrix: Sendable, Equatable {
    /// `counts[t][p]`: examples of true class `t` predicted as class `p`.
    public let counts: [[Int]]

    /// The number of classes (rows and columns).
    public var classCount: Int { counts.count }

    /// Builds the matrix; `classCount` defaults to one more than the largest code seen.
    public init(truth: [Int], predictions: [Int], classCount: Int? = nil) throws {
        try checkLabels(truth, predictions, metric: "ConfusionMatrix")
        let seen = max(truth.max()!, predictions.max()!) + 1
        let k = classCount ?? seen
        guard k >= seen, k <= maximumClassCode + 1 else {
            throw ModelError.invalidHyperparameter(name: "classCount", value: String(k),
                                                   reason: "must be between \(seen) (the labels go up to \(seen - 1)) and \(maximumClassCode + 1)")
        }
        var counts = Array(repeating: Array(repeating: 0, count: k), count: k)
        for i in truth.indices { counts[truth[i]][predictions[i]] += 1 }
        self.counts = counts
    }

    /// The number of examples counted.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// The fraction of examples on the diagonal.
    public var accuracy: Double {
        let correct = (0..<classCount).reduce(0) { $0 + counts[$1][$1] }
        return Double(correct) / Double(total)
    }
}
