/// A fitted binary decision tree as a plain data structure: the nodes a chart draws, plus the walk
/// from the root to a leaf that prediction uses.
///
/// ```swift
/// let tree = try DecisionTreeClassifier(maxDepth: 2).fit(x, y).tree
/// for node in tree.nodes where !node.isLeaf {
///     print(node.depth, node.feature!, node.threshold!, node.impurity, node.samples)
/// }
/// tree.depth, tree.leafCount          // shape of the diagram
/// try tree.decisionPath(for: x.row(0)) // node ids from the root to the leaf
/// ```
public struct DecisionTree: Sendable, Equatable {
    /// All nodes, root first, numbered depth-first with the left subtree before the right.
    public let nodes: [TreeNode]
    /// Number of features the tree was grown on.
    public let featureCount: Int
    /// Each feature's share of the total weighted impurity decrease (sums to 1, or all zeros for a
    /// single-leaf tree): sum over the nodes splitting on it of samples x information gain.
    public let featureImportances: [Double]

    // Flat copies of the fields the prediction walk reads, for speed.
    private let splitFeature: [Int]
    private let splitThreshold: [Double]
    private let leftChild: [Int]
    private let rightChild: [Int]

    init(nodes: [TreeNode], featureCount: Int) {
        self.nodes = nodes
        self.featureCount = featureCount
        splitFeature = nodes.map { $0.feature ?? -1 }
        splitThreshold = nodes.map { $0.threshold ?? 0 }
        leftChild = nodes.map { $0.left ?? -1 }
        rightChild = nodes.map { $0.right ?? -1 }
        var importance = [Double](repeating: 0, count: featureCount)
        for node in nodes {
            if let feature = node.feature { importance[feature] += Double(node.samples) * node.impurityDecrease }
        }
        let total = importance.reduce(0, +)
        featureImportances = total > 0 ? importance.map { $0 / total } : importance
    }

    /// The largest depth of any node (0 for a tree that is a single leaf).
    public var depth: Int { nodes.map(\.depth).max() ?? 0 }

    /// The number of leaves.
    public var leafCount: Int { nodes.filter(\.isLeaf).count }

    /// The id of the leaf a row of `featureCount` values lands in.
    @inline(__always)
    func leaf(for row: UnsafePointer<Double>) -> Int {
        var node = 0
        while splitFeature[node] >= 0 {
            node = row[splitFeature[node]] <= splitThreshold[node] ? leftChild[node] : rightChild[node]
        }
        return node
    }

    /// The ids of the nodes a sample visits, from the root (0) to its leaf.
    /// Throws `shapeMismatch` if `sample` does not have `featureCount` values and `nonFinite` on NaN.
    public func decisionPath(for sample: [Double]) throws -> [Int] {
        guard sample.count == featureCount else {
            throw ModelError.shapeMismatch("the tree tests \(featureCount) feature(s) but the sample has \(sample.count)")
        }
        if let column = sample.firstIndex(where: { !$0.isFinite }) { throw ModelError.nonFinite(row: 0, column: column) }
        var path = [0]
        var node = 0
        while splitFeature[node] >= 0 {
            node = sample[splitFeature[node]] <= splitThreshold[node] ? leftChild[node] : rightChild[node]
            path.append(node)
        }
        return path
    }

    /// The leaf id of every row of `x` (already checked to have `featureCount` finite columns).
    func leaves(_ x: Matrix) -> [Int] {
        x.storage.withUnsafeBufferPointer { buffer in
            (0..<x.rows).map { leaf(for: buffer.baseAddress! + $0 * x.columns) }
        }
    }
}
