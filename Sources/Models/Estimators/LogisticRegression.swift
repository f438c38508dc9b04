/// Binary logistic regression `f(x) = g(w . x + b)` with the sigmoid `g`, trained by batch gradient
/// descent on the mean log-loss plus an optional L2 penalty:
/// `J(w, b) = 1/m sum_i [-y_i log f(x_i) - (1 - y_i) log(1 - f(x_i))] + lambda/(2m) sum_j w_j^2`.
///
/// Labels are the class codes 0 and 1. The model predicts 1 when `f(x) >= 0.5`, i.e. when
/// `w . x + b >= 0`. `regularization` (lambda) corresponds to scikit-learn's `C = 1 / lambda`.
///
/// ```swift
/// let model = try LogisticRegression(learningRate: 0.1, iterations: 10_000).fit(X, labels)
/// try model.predictProbabilities(X)   // m x 2: P(y = 0), P(y = 1)
/// model.history.costs.last
/// ```
/// Complexity: O(iterations * m * n), one fused read of X per iteration on all cores.
public struct LogisticRegression: Classifier {
    /// The step size alpha (> 0).
    public var learningRate: Double
    /// The number of gradient steps (>= 0).
    public var iterations: Int
    /// The L2 strength lambda (>= 0); the bias is not penalised.
    public var regularization: Double
    /// Stop early when the cost changes by at most this much in one step (nil: run every iteration).
    public var tolerance: Double?
    /// The starting weights (nil: zeros).
    public var initialWeights: [Double]?
    /// The starting bias.
    public var initialBias: Double
    /// Training stops as diverged when the cost exceeds this multiple of the initial cost.
    public var explosionFactor: Double
    /// The most parameter snapshots the history keeps; longer runs are evenly subsampled.
    public var maxPathLength: Int

    public init(learningRate: Double = 0.01, iterations: Int = 1000, regularization: Double = 0,
                tolerance: Double? = nil, initialWeights: [Double]? = nil, initialBias: Double = 0,
                explosionFactor: Double = 1e3, maxPathLength: Int = 10_000) {
        self.learningRate = learningRate
        self.iterations = iterations
        self.regularization = regularization
        self.tolerance = tolerance
        self.initialWeights = initialWeights
        self.initialBias = initialBias
        self.explosionFactor = explosionFactor
        self.maxPathLength = maxPathLength
    }

    public func fit(_ X: Matrix, _ labels: [Int]) throws -> FittedLogisticRegression {
        let targets = try Self.binaryTargets(X, labels, context: "LogisticRegression.fit")
        try checkFullBatchDescentSettings(learningRate: learningRate, iterations: iterations, regularization: regularization,
                                          tolerance: tolerance, explosionFactor: explosionFactor,
                                          maxPathLength: maxPathLength)
        try InputValidation.checkStartingPoint(weights: initialWeights, bias: initialBias, featureCount: X.columns)
        let descent = GradientDescent<SigmoidLogLoss>(
            learningRate: learningRate, iterations: iterations, l2: regularization,
            rules: StoppingRules(tolerance: tolerance, explosionFactor: explosionFactor),
            maxPathLength: maxPathLength)
        let result = descent.run(X, targets, initialWeights: initialWeights ?? Array(repeating: 0, count: X.columns),
                                 initialBias: initialBias)
        return FittedLogisticRegression(weights: result.weights, bias: result.bias, history: result.history)
    }

    /// Checks that the labels are 0/1 with both present and returns them as Doubles.
    static func binaryTargets(_ X: Matrix, _ labels: [Int], context: String) throws -> [Double] {
        _ = try InputValidation.checkLabels(X, labels, context: context)
        for (row, label) in labels.enumerated() where label > 1 {
            throw ModelError.invalidLabel(row: row, value: String(label),
                                          reason: "binary logistic regression takes labels 0 and 1; use SoftmaxRegression for more classes")
        }
        return labels.map(Double.init)
    }
}

/// A trained binary logistic regression.
public struct FittedLogisticRegression: FittedClassifier, LinearPredictor, Equatable {
    /// The learned weights, one per feature.
    public let weights: [Double]
    /// The learned bias.
    public let bias: Double
    /// Cost, gradient norm and parameters step by step, and whether training diverged.
    public let history: TrainingHistory

    public var classCount: Int { 2 }

    /// The scores `w . x + b` (log-odds of class 1); the decision boundary is where they are 0.
    public func decisionFunction(_ X: Matrix) throws -> [Double] { try scores(X) }

    /// P(y = 1 | x) for each row.
    public func predictPositiveProbabilities(_ X: Matrix) throws -> [Double] {
        try decisionFunction(X).map(sigmoid)
    }

    /// An `m x 2` matrix: P(y = 0 | x) and P(y = 1 | x) for each row.
    public func predictProbabilities(_ X: Matrix) throws -> Matrix {
        let positive = try predictPositiveProbabilities(X)
        var storage = [Double](repeating: 0, count: 2 * positive.count)
        for (i, p) in positive.enumerated() {
            storage[2 * i] = 1 - p
            storage[2 * i + 1] = p
        }
        return Matrix(rows: positive.count, columns: 2, storage: storage)
    }

    /// 1 where `w . x + b >= 0` (probability at least 0.5), else 0.
    public func predict(_ X: Matrix) throws -> [Int] {
        try decisionFunction(X).map { $0 >= 0 ? 1 : 0 }
    }
}

extension LogisticRegression {
    // excerpt: logistic-cost
    /// The regularised mean log-loss
    /// `J(w, b) = 1/m sum_i [-y_i log f_i - (1 - y_i) log(1 - f_i)] + lambda/(2m) sum_j w_j^2`,
    /// with `f_i = g(w . x_i + b)`, written as plainly as the equation (numerically safe logs).
    /// Complexity: O(m n).
    public static func cost(_ X: Matrix, _ labels: [Int], weights: [Double], bias: Double,
                            regularization lambda: Double = 0) throws -> Double {
        let y = try checkCostInputs(X, labels, weights: weights)
        let m = Double(X.rows)
        var sum = 0.0
        for i in 0..<X.rows {
            var z = bias
            for j in 0..<X.columns { z += weights[j] * X[i, j] }
            sum += logisticLoss(score: z, label: y[i])
        }
        let penalty = weights.reduce(0) { $0 + $1 * $1 }
        return sum / m + lambda / (2 * m) * penalty
    }
    // end excerpt

    // excerpt: logistic-gradient
    /// The gradient of `cost`: the same form as linear regression's with f the sigmoid,
    /// dJ/dw_j = 1/m sum_i (f_i - y_i) x_ij + lambda/m w_j and dJ/db = 1/m sum_i (f_i - y_i).
    /// Complexity: O(m n).
    public static func gradient(_ X: Matrix, _ labels: [Int], weights: [Double], bias: Double,
                                regularization lambda: Double = 0) throws -> LinearGradient {
        let y = try checkCostInputs(X, labels, weights: weights)
        let m = Double(X.rows)
        var dw = [Double](repeating: 0, count: X.columns)
        var db = 0.0
        for i in 0..<X.rows {
            var z = bias
            for j in 0..<X.columns { z += weights[j] * X[i, j] }
            let error = sigmoid(z) - y[i]
            for j in 0..<X.columns { dw[j] += error * X[i, j] }
            db += error
        }
        for j in 0..<X.columns { dw[j] = dw[j] / m + lambda / m * weights[j] }
        return LinearGradient(weights: dw, bias: db / m)
    }
    // end excerpt

    /// Cost inputs may hold a single class (a cost is still defined), but labels must be 0 or 1.
    static func checkCostInputs(_ X: Matrix, _ labels: [Int], weights: [Double]) throws -> [Double] {
        try InputValidation.checkFeatures(X, context: "cost")
        guard labels.count == X.rows else {
            throw ModelError.shapeMismatch("cost: X has \(X.rows) rows but there are \(labels.count) labels")
        }
        guard weights.count == X.columns else {
            throw ModelError.shapeMismatch("\(weights.count) weights for \(X.columns) features")
        }
        for (row, label) in labels.enumerated() where label != 0 && label != 1 {
            throw ModelError.invalidLabel(row: row, value: String(label), reason: "binary labels are 0 and 1")
        }
        return labels.map(Double.init)
    }
}
