/// One node of a fitted decision tree, with everything a diagram needs to draw it.
///
/// An internal node sends a sample left when `x[feature] <= threshold`, right otherwise.
public struct TreeNode: Sendable, Equatable {
    /// Position in `DecisionTree.nodes` (the root is 0; nodes are numbered depth-first, left first).
    public let id: Int
    /// Distance from the root (the root has depth 0).
    public let depth: Int
    /// The feature tested, or nil for a leaf.
    public let feature: Int?
    /// The threshold tested (go left when `x[feature] <= threshold`), or nil for a leaf. It lies
    /// midway between two consecutive distinct training values, as in scikit-learn.
    public let threshold: Double?
    /// Ids of the children, or nil for a leaf.
    public let left: Int?
    public let right: Int?
    /// The impurity of the node's own training samples (Gini, entropy in bits, or variance for
    /// regression).
    public let impurity: Double
    /// How many training samples reached the node.
    public let samples: Int
    /// For classification, the count of each class (by class code) among the node's samples; for
    /// regression, a single element: their mean target.
    public let value: [Double]
    /// The information gain of the node's split: its impurity minus its children's impurities
    /// weighted by their share of its samples. Zero for a leaf.
    public let impurityDecrease: Double

    /// Whether the node is a leaf (predicts rather than tests).
    public var isLeaf: Bool { feature == nil }

    /// The position of the largest entry of `value` (the first one on a tie): the class code a
    /// classification node predicts.
    public var majorityIndex: Int {
        var best = 0
        for j in value.indices where value[j] > value[best] { best = j }
        return best
    }
}
