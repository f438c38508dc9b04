/// The information gain of splitting a small labelled table on one binary (0/1) feature, with
/// every intermediate number a figure or a hand calculation needs.
///
/// The gain is the parent's impurity minus the children's impurities weighted by their share of
/// the examples: gain = H(parent) - (w_left H(left) + w_right H(right)). Each child's impurity is
/// computed on *its own* examples (a classic mistake is to use the whole dataset's).
///
/// ```swift
/// // The mushroom example: split on "brown cap" (feature 1 goes left).
/// let split = try CategoricalSplit(feature: [1, 1, 1, 1, 1, 0, 0, 1, 0, 1],
///                                  labels:  [1, 1, 0, 0, 1, 0, 0, 1, 1, 0])
/// split.gain  // about 0.0349 bits
/// ```
public struct CategoricalSplit: Sendable, Equatable {
    /// The impurity measure used.
    public let criterion: SplitCriterion
    /// Examples in the parent, and in the children (feature = 1 on the left, 0 on the right).
    public let parentCount: Int
    public let leftCount: Int
    public let rightCount: Int
    /// Positive labels (label 1) in the parent and in each child.
    public let parentPositives: Int
    public let leftPositives: Int
    public let rightPositives: Int
    /// Impurities of the parent and of each child (0 for an empty child).
    public let parentImpurity: Double
    public let leftImpurity: Double
    public let rightImpurity: Double

    // excerpt: tree-information-gain
    /// Share of the parent's examples in each child.
    public var leftWeight: Double { Double(leftCount) / Double(parentCount) }
    public var rightWeight: Double { Double(rightCount) / Double(parentCount) }

    /// The information gain (impurity decrease) of the split.
    public var gain: Double {
        parentImpurity - (leftWeight * leftImpurity + rightWeight * rightImpurity)
    }
    // end excerpt

    /// Evaluates the split of `labels` by `feature`; both hold only 0 and 1 and are equally long.
    /// Throws `emptyInput`, `shapeMismatch`, or `invalidHyperparameter` for a value other than 0/1.
    public init(feature: [Int], labels: [Int], criterion: SplitCriterion = .entropy) throws {
        guard !labels.isEmpty else { throw ModelError.emptyInput("the table has no examples") }
        guard feature.count == labels.count else {
            throw ModelError.shapeMismatch("the feature has \(feature.count) values but there are \(labels.count) labels")
        }
        for (name, values) in [("feature", feature), ("labels", labels)] {
            if let bad = values.first(where: { $0 != 0 && $0 != 1 }) {
                throw ModelError.invalidHyperparameter(name: name, value: "\(bad)", reason: "a categorical split table holds only 0 and 1")
            }
        }
        self.criterion = criterion
        parentCount = labels.count
        leftCount = feature.filter { $0 == 1 }.count
        rightCount = parentCount - leftCount
        parentPositives = labels.filter { $0 == 1 }.count
        leftPositives = zip(feature, labels).filter { $0 == 1 && $1 == 1 }.count
        rightPositives = parentPositives - leftPositives
        func impurity(_ positives: Int, _ count: Int) -> Double {
            count == 0 ? 0 : criterion.impurity(counts: [Double(count - positives), Double(positives)])
        }
        parentImpurity = impurity(parentPositives, parentCount)
        leftImpurity = impurity(leftPositives, leftCount)
        rightImpurity = impurity(rightPositives, rightCount)
    }

    /// The split on each column of a 0/1 table (rows are examples), in column order.
    public static func allColumns(of table: [[Int]], labels: [Int], criterion: SplitCriterion = .entropy) throws -> [CategoricalSplit] {
        guard let width = table.first?.count, width > 0 else { throw ModelError.emptyInput("the table has no columns") }
        guard table.allSatisfy({ $0.count == width }) else { throw ModelError.shapeMismatch("all rows of the table must have \(width) columns") }
        return try (0..<width).map { j in try CategoricalSplit(feature: table.map { $0[j] }, labels: labels, criterion: criterion) }
    }
}
