/// A CART classification tree: repeatedly splits the data on the feature threshold that most
/// reduces Gini impurity or entropy, then predicts the majority class of the leaf a sample lands in.
///
/// ```swift
/// let model = try DecisionTreeClassifier(criterion: .entropy, maxDepth: 3).fit(x, y)
/// model.tree.nodes[0].feature       // the root's feature
/// model.tree.featureImportances
/// try model.score(testX, testY)     // accuracy
/// ```
public struct DecisionTreeClassifier: Classifier, Equatable {
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

    /// Grows the tree on `x` (one row per example) with class codes `y`. Throws on empty input,
    /// mismatched sizes, NaN/infinity (naming its row and column), negative codes, a single class
    /// and invalid limits.
    public func fit(_ x: Matrix, _ y: [Int]) throws -> FittedDecisionTreeClassifier {
        let classCount = try InputValidation.checkLabels(x, y, context: "decision tree classifier")
        try hyperparameters.validate(features: x.columns)
        let tree = TreeBuilder.grow(
            x, target: .classification(codes: y, classCount: classCount, criterion: criterion),
            hyperparameters: hyperparameters)
        return FittedDecisionTreeClassifier(criterion: criterion, hyperparameters: hyperparameters, classCount: classCount, tree: tree)
    }
}

/// A grown classification tree that can predict.
public struct FittedDecisionTreeClassifier: FittedClassifier, Equatable {
    /// The impurity it was grown with.
    public let criterion: SplitCriterion
    /// The limits it was grown with.
    public let hyperparameters: DecisionTreeHyperparameters
    /// The number of classes k (largest training code + 1); a node's `value[j]` counts code j.
    public let classCount: Int
    /// The tree itself, ready to draw.
    public let tree: DecisionTree

    /// Each feature's normalised share of the total impurity decrease.
    public var featureImportances: [Double] { tree.featureImportances }

    /// The number of features it was grown on.
    public var featureCount: Int { tree.featureCount }

    private func checked(_ x: Matrix) throws -> Matrix {
        try InputValidation.checkPrediction(x, featureCount: tree.featureCount)
        return x
    }

    /// Class probabilities: the class shares among the training samples of each row's leaf, one
    /// column per class code.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
        let leaves = tree.leaves(try checked(x))
        var result = Matrix(rows: x.rows, columns: classCount)
        for (q, leaf) in leaves.enumerated() {
            let node = tree.nodes[leaf]
            for j in 0..<classCount { result[q, j] = node.value[j] / Double(node.samples) }
        }
        return result
    }

    /// The majority class code of each row's leaf (the smallest code on a tie).
    public func predict(_ x: Matrix) throws -> [Int] {
        tree.leaves(try checked(x)).map { tree.nodes[$0].majorityIndex }
    }
}
