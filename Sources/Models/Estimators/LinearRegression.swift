/// Linear regression `f(x) = w . x + b` trained by batch gradient descent on the cost
/// `J(w, b) = 1/(2m) sum_i (f(x_i) - y_i)^2`.
///
/// ```swift
/// let X = Matrix([[1], [2]])            // size in 1000 sqft
/// let y = [300.0, 500]                  // price in k$
/// let model = try LinearRegression(learningRate: 0.1, iterations: 10_000).fit(X, y)
/// model.weights  // ~[200]
/// model.bias     // ~100
/// model.history.costs.prefix(3)
/// ```
///
/// Training records a `TrainingHistory` (cost, gradient norm and parameters at each step). A
/// learning rate that is too large does not throw: the history says `diverged` and where.
/// Complexity: O(iterations * m * n), one read of X per iteration, on all cores for large data.
public struct LinearRegression: Regressor {
    /// The step size alpha (> 0).
    public var learningRate: Double
    /// The number of gradient steps (>= 0).
    public var iterations: Int
    /// Stop early when the cost changes by at most this much in one step (nil: run every iteration).
    public var tolerance: Double?
    /// The starting weights (nil: all zeros). Must have one value per feature.
    public var initialWeights: [Double]?
    /// The starting bias.
    public var initialBias: Double
    /// Training stops as diverged when the cost exceeds this multiple of the initial cost.
    public var explosionFactor: Double
    /// The most parameter snapshots the history keeps; longer runs are evenly subsampled.
    public var maxPathLength: Int

    public init(learningRate: Double = 0.01, iterations: Int = 1000, tolerance: Double? = nil,
                initialWeights: [Double]? = nil, initialBias: Double = 0,
                explosionFactor: Double = 1e3, maxPathLength: Int = 10_000) {
        self.learningRate = learningRate
        self.iterations = iterations
        self.tolerance = tolerance
        self.initialWeights = initialWeights
        self.initialBias = initialBias
        self.explosionFactor = explosionFactor
        self.maxPathLength = maxPathLength
    }

    public func fit(_ X: Matrix, _ y: [Double]) throws -> FittedLinearRegression {
        try InputValidation.checkTraining(X, y, context: "LinearRegression.fit")
        try checkFullBatchDescentSettings(learningRate: learningRate, iterations: iterations,
                                          tolerance: tolerance, explosionFactor: explosionFactor,
                                          maxPathLength: maxPathLength)
        try InputValidation.checkStartingPoint(weights: initialWeights, bias: initialBias, featureCount: X.columns)
        let descent = GradientDescent<HalfSquaredError>(
            learningRate: learningRate, iterations: iterations, l2: 0,
            rules: StoppingRules(tolerance: tolerance, explosionFactor: explosionFactor),
            maxPathLength: maxPathLength)
        let result = descent.run(X, y, initialWeights: initialWeights ?? Array(repeating: 0, count: X.columns),
                                 initialBias: initialBias)
        return FittedLinearRegression(weights: result.weights, bias: result.bias, history: result.history)
    }
}

/// A linear regression trained by gradient descent: its parameters and how it got there.
public struct FittedLinearRegression: FittedRegressor, LinearPredictor, Equatable {
    /// The learned weights, one per feature.
    public let weights: [Double]
    /// The learned bias (intercept).
    public let bias: Double
    /// Cost, gradient norm and parameters step by step, and whether training diverged.
    public let history: TrainingHistory
}
