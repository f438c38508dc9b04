/// k-nearest-neighbours classification: a query gets the class most common among its k nearest
/// training points. There is no training beyond remembering the data (and indexing it).
///
/// Deterministic, scikit-learn-like tie rules:
/// - among training points at equal distance, the lower training index is the nearer neighbour;
/// - when two classes get the same vote, the smaller class code wins.
///
/// Labels are class codes `0..<k` (see `Classifier`).
///
/// ```swift
/// let model = try KNeighborsClassifier(k: 5).fit(trainX, trainY)
/// let labels = try model.predict(testX)
/// let accuracy = try model.score(testX, testY)
/// ```
public struct KNeighborsClassifier: Classifier, Equatable {
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

    /// Remembers the training set `x` (one row per example) with class codes `y`, and builds the
    /// search structure. Throws on empty input, mismatched sizes, NaN/infinity (naming its row and
    /// column), negative codes, a single class, and a `k` outside 1...rows.
    public func fit(_ x: Matrix, _ y: [Int]) throws -> FittedKNeighborsClassifier {
        let classCount = try InputValidation.checkLabels(x, y, context: "k-NN classifier")
        try hyperparameters.validate(trainingRows: x.rows)
        return FittedKNeighborsClassifier(hyperparameters: hyperparameters, x: x, y: y, classCount: classCount)
    }
}

/// A k-NN classifier that has seen its training data and can predict.
public struct FittedKNeighborsClassifier: FittedClassifier {
    /// The settings it was fitted with.
    public let hyperparameters: KNeighborsHyperparameters
    /// The number of classes k (largest training code + 1); the columns of `predictProbabilities`.
    public let classCount: Int
    /// The training class codes, one per training row.
    public let trainingLabels: [Int]
    private let index: NeighborIndex

    init(hyperparameters: KNeighborsHyperparameters, x: Matrix, y: [Int], classCount: Int) {
        self.hyperparameters = hyperparameters
        self.classCount = classCount
        trainingLabels = y
        index = NeighborIndex(training: x, metric: hyperparameters.metric, algorithm: hyperparameters.algorithm, k: hyperparameters.k)
    }

    /// The remembered training points.
    public var trainingFeatures: Matrix { index.training }

    /// The number of features it was fitted on.
    public var featureCount: Int { index.training.columns }

    /// The search actually used (`.auto` resolved to `.bruteForce` or `.kdTree`).
    public var algorithm: NeighborSearchAlgorithm { index.algorithm }

    /// The `k` (default: the fitted k) nearest training rows of each row of `x`, nearest first,
    /// with their distances. Lower training index first among equal distances.
    public func kneighbors(of x: Matrix, k: Int? = nil) throws -> NearestNeighbors {
        try index.nearest(x, k: k ?? hyperparameters.k)
    }

    // excerpt: knn-vote
    /// The (weighted) votes per class of every query: `x.rows x classCount`, unnormalised.
    private func votes(_ x: Matrix) throws -> Matrix {
        let neighbours = try kneighbors(of: x)
        let k = neighbours.k
        var votes = Matrix(rows: x.rows, columns: classCount)
        var weights: [Double] = []
        weights.reserveCapacity(k)
        for q in 0..<x.rows {
            hyperparameters.neighbourWeights(distances: neighbours.distances[(q * k)..<((q + 1) * k)], into: &weights)
            for j in 0..<k {
                votes.storage[q * classCount + trainingLabels[neighbours.indices[q * k + j]]] += weights[j]
            }
        }
        return votes
    }

    /// Class probabilities: the share of the (weighted) vote each class gets, one row per query and
    /// one column per class code.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
        var result = try votes(x)
        let c = result.columns
        for q in 0..<result.rows {
            var total = 0.0
            for j in 0..<c { total += result.storage[q * c + j] }
            for j in 0..<c { result.storage[q * c + j] /= total }
        }
        return result
    }

    /// The predicted class code of each row of `x`; vote ties go to the smallest code.
    public func predict(_ x: Matrix) throws -> [Int] {
        let votes = try self.votes(x)
        let c = votes.columns
        return (0..<votes.rows).map { q in
            var best = 0
            for j in 1..<c where votes.storage[q * c + j] > votes.storage[q * c + best] { best = j }
            return best
        }
    }
    // end excerpt
}
