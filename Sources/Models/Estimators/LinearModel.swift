/// A fitted linear model `f(x) = w . x + b` with no training history: what the closed-form
/// solvers (normal equation, ridge) return.
public struct LinearModel: FittedRegressor, Equatable {
    /// The weights, one per feature.
    public let weights: [Double]
    /// The bias (intercept).
    public let bias: Double

    public init(weights: [Double], bias: Double) {
        self.weights = weights
        self.bias = bias
    }

    public var featureCount: Int { weights.count }

    public func predict(_ X: Matrix) throws -> [Double] {
        try InputValidation.checkPrediction(X, featureCount: featureCount)
        return linearScores(X, weights: weights, bias: bias)
    }
}
