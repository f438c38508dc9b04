/// The settings of a k-nearest-neighbours model (classifier or regressor), with scikit-learn's
/// defaults.
///
/// ```swift
/// var settings = KNeighborsHyperparameters(k: 15)
/// settings.weights = .distance
/// let model = try KNeighborsClassifier(settings).fit(x, y)
/// ```
public struct KNeighborsHyperparameters: Sendable, Equatable, Hashable {
    /// How many neighbours vote; 1 memorises the training set. Must be in 1...training rows.
    public var k: Int
    /// The distance between points.
    public var metric: DistanceMetric
    /// Whether closer neighbours count more.
    public var weights: NeighborWeights
    /// How neighbours are searched; every choice gives the same answers.
    public var algorithm: NeighborSearchAlgorithm

    public init(
        k: Int = 5, metric: DistanceMetric = .euclidean, weights: NeighborWeights = .uniform,
        algorithm: NeighborSearchAlgorithm = .auto
    ) {
        self.k = k
        self.metric = metric
        self.weights = weights
        self.algorithm = algorithm
    }

    /// Throws `invalidHyperparameter` unless `k` is usable with `trainingRows` rows.
    func validate(trainingRows: Int) throws {
        try Self.validate(k: k, trainingRows: trainingRows)
    }

    static func validate(k: Int, trainingRows: Int) throws {
        try InputValidation.require(k >= 1, "k", k, "at least one neighbour must vote")
        try InputValidation.require(
            k <= trainingRows, "k", k, "there are only \(trainingRows) training row(s), so k can be at most \(trainingRows)")
    }

    /// The weight of each neighbour of one query, from its true distances, written to `weights`.
    /// Uniform gives 1 each; distance gives 1 / d, except that when any neighbour is an exact match
    /// (1 / d is infinite) the exact matches get 1 and the others 0, as in scikit-learn.
    func neighbourWeights(distances: ArraySlice<Double>, into weights: inout [Double]) {
        weights.removeAll(keepingCapacity: true)
        switch self.weights {
        case .uniform:
            weights.append(contentsOf: repeatElement(1.0, count: distances.count))
        case .distance:
            var anyExact = false
            for distance in distances {
                let weight = 1 / distance
                if weight.isInfinite { anyExact = true }
                weights.append(weight)
            }
            if anyExact {
                for i in weights.indices { weights[i] = weights[i].isInfinite ? 1 : 0 }
            }
        }
    }
}

extension NeighborIndex {
    /// Shared body of the fitted models' `kneighbors(of:)`: validates the queries and k, searches,
    /// and converts reduced distances to true distances.
    func nearest(_ x: Matrix, k: Int) throws -> NearestNeighbors {
        try InputValidation.checkPrediction(x, featureCount: training.columns)
        try KNeighborsHyperparameters.validate(k: k, trainingRows: training.rows)
        let (indices, reduced) = search(x, k: k)
        let metric = self.metric
        return NearestNeighbors(
            k: k, queryCount: x.rows, indices: indices, distances: reduced.map { metric.distance(fromReduced: $0) })
    }
}
