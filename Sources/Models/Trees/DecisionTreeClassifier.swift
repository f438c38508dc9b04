/// A CART classification tree: repeatedly splits the data on the feature threshold that most
/// reduces Gini impurity or entropy, then predicts the majority class of the leaf a sample lands in.
///
/// ```swift
/// let model = try DecisionTreeClassifier(criterion: .entropy, maxDepth: 3).fit(x, y)
/// model.tree.nodes[0].feature       // the root's feature
/// model.tree.featureImportances
/// try model.score(testX, testY)     // accuracy
/// ```
public struct DecisionTreeClassifier: Sendable, Equatable {
    /// The impurity the splits minimise.
    public var criterion: SplitCriterion
    /// How far the tree may grow.
    public var hyperparameters: DecisionTreeHyperparameters

    public init(criterion: SplitCriterion = .gini, _ hyperparameters: DecisionTreeHyperparameters = DecisionTreeHyperparameters()) {
        self.criterion = criterion
        self.hyperparameters = hyperparameters
    }

    public init(
        criterion: SplitCriterion = .gini, maxDepth: Int? = nil, minSamplesSplit: Int = 2,
        minSamplesLeaf: Int = 1, maxFeatures: Int? = nil, seed: UInt64 = 0
    ) {
        self.init(criterion: criterion, DecisionTreeHyperparameters(
            maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
            maxFeatures: maxFeatures, seed: seed))
    }

    /// Grows the tree on `x` (one row per example) with integer labels `y`. Throws on empty input,
    /// mismatched sizes, NaN/infinity (naming its row and column) and invalid limits. A single
    /// class is allowed (the tree is then one leaf).
    public func fit(_ x: Matrix, _ y: [Int]) throws -> FittedDecisionTreeClassifier {
        try FitInputChecks.requireFeatures(x, role: "the training matrix X")
        try FitInputChecks.requireTargetCount(y.count, rows: x.rows)
        try hyperparameters.validate(features: x.columns)
        let classes = Array(Set(y)).sorted()
        let codeOf = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($0.element, $0.offset) })
        let tree = TreeBuilder.grow(
            x, target: .classification(codes: y.map { codeOf[$0]! }, classCount: classes.count, criterion: criterion),
            hyperparameters: hyperparameters)
        return FittedDecisionTreeClassifier(criterion: criterion, hyperparameters: hyperparameters, classes: classes, tree: tree)
    }
}

/// A grown classification tree that can predict.
public struct FittedDecisionTreeClassifier: Sendable, Equatable {
    /// The impurity it was grown with.
    public let criterion: SplitCriterion
    /// The limits it was grown with.
    public let hyperparameters: DecisionTreeHyperparameters
    /// The distinct labels in ascending order; a node's `value[j]` counts label `classes[j]`.
    public let classes: [Int]
    /// The tree itself, ready to draw.
    public let tree: DecisionTree

    /// Each feature's normalised share of the total impurity decrease.
    public var featureImportances: [Double] { tree.featureImportances }

    private func checked(_ x: Matrix) throws -> Matrix {
        try FitInputChecks.requireColumns(x, expected: tree.featureCount)
        try FitInputChecks.requireFeatures(x, role: "the input matrix")
        return x
    }

    /// Class probabilities: the class shares among the training samples of each row's leaf, one
    /// column per entry of `classes`.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
        let leaves = tree.leaves(try checked(x))
        var result = Matrix(rows: x.rows, columns: classes.count)
        for (q, leaf) in leaves.enumerated() {
            let node = tree.nodes[leaf]
            for j in 0..<classes.count { result[q, j] = node.value[j] / Double(node.samples) }
        }
        return result
    }

    /// The majority label of each row's leaf (the smallest label on a tie).
    public func predict(_ x: Matrix) throws -> [Int] {
        tree.leaves(try checked(x)).map { classes[tree.nodes[$0].majorityIndex] }
    }

    /// Accuracy: the fraction of rows of `x` whose predicted label equals `y`.
    public func score(_ x: Matrix, _ y: [Int]) throws -> Double {
        try FitInputChecks.requireTargetCount(y.count, rows: x.rows)
        let predicted = try predict(x)
        return Double(zip(predicted, y).filter { $0 == $1 }.count) / Double(y.count)
    }
}
