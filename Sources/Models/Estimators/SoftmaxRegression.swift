#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Multinomial logistic (softmax) regression for `k >= 2` classes: scores `z_c = w_c . x + b_c`,
/// probabilities `softmax(z)`, trained by batch gradient descent on the mean cross-entropy plus an
/// optional L2 penalty on the weights (not the intercepts):
/// `J(W, b) = 1/m sum_i -log p_{i, y_i} + lambda/(2m) sum_{c,j} W_cj^2`.
///
/// Labels are class codes `0..<k`. The weights are a `k x n` matrix (one row per class, as in
/// scikit-learn's `coef_`). In the history, snapshots hold these weights flattened class by class
/// and the `k` intercepts.
/// Complexity: O(iterations * m * n * k), one read of X per iteration, on all cores for large data.
public struct SoftmaxRegression: Classifier {
    /// The step size alpha (> 0).
    public var learningRate: Double
    /// The number of gradient steps (>= 0).
    public var iterations: Int
    /// The L2 strength lambda (>= 0), scikit-learn's `1 / C`.
    public var regularization: Double
    /// The number of classes; nil means `max(label) + 1`. Set it when a training split may miss
    /// a class.
    public var classCount: Int?
    /// Stop early when the cost changes by at most this much in one step (nil: run every iteration).
    public var tolerance: Double?
    /// Training stops as diverged when the cost exceeds this multiple of the initial cost.
    public var explosionFactor: Double
    /// The most parameter snapshots the history keeps; longer runs are evenly subsampled.
    public var maxPathLength: Int

    public init(learningRate: Double = 0.1, iterations: Int = 1000, regularization: Double = 0,
                classCount: Int? = nil, tolerance: Double? = nil, explosionFactor: Double = 1e3,
                maxPathLength: Int = 10_000) {
        self.learningRate = learningRate
        self.iterations = iterations
        self.regularization = regularization
        self.classCount = classCount
        self.tolerance = tolerance
        self.explosionFactor = explosionFactor
        self.maxPathLength = maxPathLength
    }

    public func fit(_ X: Matrix, _ labels: [Int]) throws -> FittedSoftmaxRegression {
        let seenClasses = try InputValidation.checkLabels(X, labels, context: "SoftmaxRegression.fit")
        try checkFullBatchDescentSettings(learningRate: learningRate, iterations: iterations, regularization: regularization,
                                          tolerance: tolerance, explosionFactor: explosionFactor,
                                          maxPathLength: maxPathLength)
        let k = classCount ?? seenClasses
        if let classCount {
            try InputValidation.require(classCount >= seenClasses, "classCount", classCount,
                                        "the labels go up to \(seenClasses - 1)")
            try InputValidation.require(classCount <= maximumClassCode + 1, "classCount", classCount,
                                        "at most \(maximumClassCode + 1) classes are supported")
        }
        var objective = SoftmaxObjective(X, labels, classCount: k)
        let n = X.columns
        let m = Double(X.rows)
        // Parameters in one array: the k x n weights row by row, then the k intercepts.
        var parameters = [Double](repeating: 0, count: k * n + k)
        var previous = parameters
        var gradient = parameters
        var recorder = HistoryRecorder(
            plannedSteps: iterations, maxPathLength: maxPathLength,
            rules: StoppingRules(tolerance: tolerance, explosionFactor: explosionFactor))
        var step = 0
        var finalStep = 0
        while true {
            var cost = parameters.withUnsafeBufferPointer { p in
                gradient.withUnsafeMutableBufferPointer { g in objective.evaluate(parameters: p, gradient: g) }
            }
            if regularization > 0 {
                var squaredNorm = 0.0
                for index in 0..<(k * n) {
                    squaredNorm += parameters[index] * parameters[index]
                    gradient[index] += regularization / m * parameters[index]
                }
                cost += regularization / (2 * m) * squaredNorm
            }
            let gradientNorm = gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let verdict = parameters.withUnsafeBufferPointer { p in
                recorder.record(step: step, cost: cost, gradientNorm: gradientNorm,
                                weights: UnsafeBufferPointer(rebasing: p[0..<(k * n)]),
                                intercepts: UnsafeBufferPointer(rebasing: p[(k * n)...]))
            }
            if let end = recorder.end(after: verdict, at: step, lastStep: iterations) {
                if end.restoresPreviousParameters {
                    for index in parameters.indices { parameters[index] = previous[index] }
                }
                finalStep = end.finalStep
                break
            }
            for index in parameters.indices {
                previous[index] = parameters[index]
                parameters[index] -= learningRate * gradient[index]
            }
            step += 1
        }
        let weights = Array(parameters[0..<(k * n)])
        let intercepts = Array(parameters[(k * n)...])
        let history = recorder.finish(finalStep: finalStep, weights: weights, intercepts: intercepts)
        return FittedSoftmaxRegression(weights: Matrix(rows: k, columns: n, storage: weights),
                                       intercepts: intercepts, history: history)
    }
}

/// A trained softmax regression.
public struct FittedSoftmaxRegression: FittedClassifier, Equatable {
    /// The `k x n` weights: row c scores class c.
    public let weights: Matrix
    /// The `k` intercepts.
    public let intercepts: [Double]
    /// Cost, gradient norm and parameters step by step, and whether training diverged.
    public let history: TrainingHistory

    public var featureCount: Int { weights.columns }
    public var classCount: Int { weights.rows }

    /// The `m x k` scores `z_c = w_c . x + b_c`.
    public func decisionFunction(_ X: Matrix) throws -> Matrix {
        try InputValidation.checkPrediction(X, featureCount: featureCount)
        var scores = Matrix(rows: X.rows, columns: classCount)
        for i in 0..<X.rows {
            for c in 0..<classCount {
                var z = intercepts[c]
                for j in 0..<featureCount { z += weights[c, j] * X[i, j] }
                scores[i, c] = z
            }
        }
        return scores
    }

    public func predictProbabilities(_ X: Matrix) throws -> Matrix {
        var scores = try decisionFunction(X)
        for i in 0..<scores.rows {
            let probabilities = softmax(scores.row(i))
            for c in 0..<classCount { scores[i, c] = probabilities[c] }
        }
        return scores
    }

    /// The class with the largest score (the first one on a tie).
    public func predict(_ X: Matrix) throws -> [Int] {
        let scores = try decisionFunction(X)
        return (0..<scores.rows).map { i in
            var best = 0
            for c in 1..<classCount where scores[i, c] > scores[i, best] { best = c }
            return best
        }
    }
}

/// A gradient with respect to a softmax model's weight matrix and intercepts.
public struct SoftmaxGradient: Sendable, Equatable {
    /// dJ/dW, `k x n`.
    public let weights: Matrix
    /// dJ/db, one per class.
    public let intercepts: [Double]
}

extension SoftmaxRegression {
    // excerpt: softmax-cost
    /// The regularised mean cross-entropy `1/m sum_i -log softmax(W x_i + b)_{y_i}
    /// + lambda/(2m) sum W_cj^2`, written plainly (the trainer uses a fused, parallel version).
    /// Complexity: O(m n k).
    public static func cost(_ X: Matrix, _ labels: [Int], weights: Matrix, intercepts: [Double],
                            regularization lambda: Double = 0) throws -> Double {
        try checkCostInputs(X, labels, weights: weights, intercepts: intercepts)
        var sum = 0.0
        for i in 0..<X.rows {
            let scores = (0..<weights.rows).map { c in
                (0..<X.columns).reduce(intercepts[c]) { $0 + weights[c, $1] * X[i, $1] }
            }
            let largest = scores.max()!
            let logTotal = log(scores.reduce(0) { $0 + exp($1 - largest) }) + largest
            sum += logTotal - scores[labels[i]]
        }
        let m = Double(X.rows)
        return sum / m + lambda / (2 * m) * weights.storage.reduce(0) { $0 + $1 * $1 }
    }
    // end excerpt

    // excerpt: softmax-gradient
    /// The gradient of `cost`: dJ/dW_c = 1/m sum_i (p_ic - [y_i = c]) x_i + lambda/m W_c and
    /// dJ/db_c = 1/m sum_i (p_ic - [y_i = c]).
    /// Complexity: O(m n k).
    public static func gradient(_ X: Matrix, _ labels: [Int], weights: Matrix, intercepts: [Double],
                                regularization lambda: Double = 0) throws -> SoftmaxGradient {
        try checkCostInputs(X, labels, weights: weights, intercepts: intercepts)
        let k = weights.rows
        let m = Double(X.rows)
        var dW = Matrix(rows: k, columns: X.columns)
        var db = [Double](repeating: 0, count: k)
        for i in 0..<X.rows {
            let scores = (0..<k).map { c in
                (0..<X.columns).reduce(intercepts[c]) { $0 + weights[c, $1] * X[i, $1] }
            }
            let probabilities = softmax(scores)
            for c in 0..<k {
                let error = probabilities[c] - (labels[i] == c ? 1 : 0)
                for j in 0..<X.columns { dW[c, j] += error * X[i, j] }
                db[c] += error
            }
        }
        for index in dW.storage.indices {
            dW.storage[index] = dW.storage[index] / m + lambda / m * weights.storage[index]
        }
        return SoftmaxGradient(weights: dW, intercepts: db.map { $0 / m })
    }
    // end excerpt

    static func checkCostInputs(_ X: Matrix, _ labels: [Int], weights: Matrix, intercepts: [Double]) throws {
        try InputValidation.checkFeatures(X, context: "cost")
        guard labels.count == X.rows else {
            throw ModelError.shapeMismatch("cost: X has \(X.rows) rows but there are \(labels.count) labels")
        }
        guard weights.columns == X.columns, intercepts.count == weights.rows, weights.rows >= 2 else {
            throw ModelError.shapeMismatch(
                "weights are \(weights.rows) x \(weights.columns) with \(intercepts.count) intercepts, "
                + "but X has \(X.columns) features (need k x \(X.columns) weights and k >= 2 intercepts)")
        }
        for (row, label) in labels.enumerated() where label < 0 || label >= weights.rows {
            throw ModelError.invalidLabel(row: row, value: String(label), reason: "class codes must be in 0..<\(weights.rows)")
        }
    }
}

