/// A CART regression tree: repeatedly splits on the feature threshold that most reduces the
/// squared error (the variance of the targets), then predicts the mean target of the leaf.
///
/// ```swift
/// let model = try DecisionTreeRegressor(maxDepth: 4).fit(x, y)
/// let r2 = try model.score(testX, testY)
/// ```
public struct DecisionTreeRegressor: Regressor, Equatable {
    /// How far the tree may grow.
    public var hyperparameters: DecisionTreeHyperparameters

    public init(_ hyperparameters: DecisionTreeHyperparameters = DecisionTreeHyperparameters()) {
        self.hyperparameters = hyperparameters
    }

    public init(
        maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1,
        maxFeatures: Int? = nil, seed: UInt64 = 0
    ) {
        self.init(DecisionTreeHyperparameters(
            maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
            maxFeatures: maxFeatures, seed: seed))
    }

    /// Grows the tree on `x` with real targets `y`. Throws on empty input, mismatched sizes,
    /// NaN/infinity in `x` or `y` (a target is reported at column `x.columns`) and invalid limits.
    public func fit(_ x: Matrix, _ y: [Double]) throws -> FittedDecisionTreeRegressor {
        try InputValidation.checkTraining(x, y, context: "decision tree regressor")
        try hyperparameters.validate(features: x.columns)
        let tree = TreeBuilder.grow(x, target: .regression(y), hyperparameters: hyperparameters)
        return FittedDecisionTreeRegressor(hyperparameters: hyperparameters, tree: tree)
    }
}

/// A grown regression tree that can predict.
public struct FittedDecisionTreeRegressor: FittedRegressor, Equatable {
    /// The limits it was grown with.
    public let hyperparameters: DecisionTreeHyperparameters
    /// The tree itself; each node's `value` is `[mean target]` and its impurity the variance.
    public let tree: DecisionTree

    /// Each feature's normalised share of the total squared-error decrease.
    public var featureImportances: [Double] { tree.featureImportances }

    /// The number of features it was grown on.
    public var featureCount: Int { tree.featureCount }

    /// The mean training target of each row's leaf.
    public func predict(_ x: Matrix) throws -> [Double] {
        try InputValidation.checkPrediction(x, featureCount: tree.featureCount)
        return tree.leaves(x).map { tree.nodes[$0].value[0] }
    }

}
