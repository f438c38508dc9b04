/// k-nearest-neighbours regression: a query gets the (weighted) mean target of its k nearest
/// training points. Among equal distances the lower training index is the nearer neighbour.
///
/// ```swift
/// let model = try KNeighborsRegressor(k: 3, weights: .distance).fit(x, y)
/// let r2 = try model.score(testX, testY)
/// ```
public struct KNeighborsRegressor: Regressor, Equatable {
    /// The settings used by `fit`.
    public var hyperparameters: KNeighborsHyperparameters

    public init(_ hyperparameters: KNeighborsHyperparameters = KNeighborsHyperparameters()) {
        self.hyperparameters = hyperparameters
    }

    public init(
        k: Int = 5, metric: DistanceMetric = .euclidean, weights: NeighborWeights = .uniform,
        algorithm: NeighborSearchAlgorithm = .auto
    ) {
        self.init(KNeighborsHyperparameters(k: k, metric: metric, weights: weights, algorithm: algorithm))
    }

    /// Remembers the training set and builds the search structure. Throws on empty input,
    /// mismatched sizes, NaN/infinity in `x` or `y` (a target is reported at column `x.columns`)
    /// and a `k` outside 1...rows.
    public func fit(_ x: Matrix, _ y: [Double]) throws -> FittedKNeighborsRegressor {
        try InputValidation.checkTraining(x, y, context: "k-NN regressor")
        try hyperparameters.validate(trainingRows: x.rows)
        return FittedKNeighborsRegressor(
            hyperparameters: hyperparameters, trainingTargets: y,
            index: NeighborIndex(training: x, metric: hyperparameters.metric, algorithm: hyperparameters.algorithm, k: hyperparameters.k))
    }
}

/// A k-NN regressor that has seen its training data and can predict.
public struct FittedKNeighborsRegressor: FittedRegressor {
    /// The settings it was fitted with.
    public let hyperparameters: KNeighborsHyperparameters
    /// The training targets, one per training row.
    public let trainingTargets: [Double]
    private let index: NeighborIndex

    init(hyperparameters: KNeighborsHyperparameters, trainingTargets: [Double], index: NeighborIndex) {
        self.hyperparameters = hyperparameters
        self.trainingTargets = trainingTargets
        self.index = index
    }

    /// The remembered training points.
    public var trainingFeatures: Matrix { index.training }

    /// The number of features it was fitted on.
    public var featureCount: Int { index.training.columns }

    /// The search actually used (`.auto` resolved to `.bruteForce` or `.kdTree`).
    public var algorithm: NeighborSearchAlgorithm { index.algorithm }

    /// The `k` (default: the fitted k) nearest training rows of each row of `x`, nearest first.
    public func kneighbors(of x: Matrix, k: Int? = nil) throws -> NearestNeighbors {
        try index.nearest(x, k: k ?? hyperparameters.k)
    }

    /// The (weighted) mean target of each query's neighbours.
    public func predict(_ x: Matrix) throws -> [Double] {
        let neighbours = try kneighbors(of: x)
        let k = neighbours.k
        var weights: [Double] = []
        weights.reserveCapacity(k)
        return (0..<x.rows).map { q in
            hyperparameters.neighbourWeights(distances: neighbours.distances[(q * k)..<((q + 1) * k)], into: &weights)
            var weighted = 0.0, total = 0.0
            for j in 0..<k {
                weighted += weights[j] * trainingTargets[neighbours.indices[q * k + j]]
                total += weights[j]
            }
            return weighted / total
        }
    }

}
