/// A fitted linear model `f(x) = w . x + b` with no training history: what the closed-form
/// solvers (normal equation, ridge) return.
public struct LinearModel: FittedRegressor, LinearPredictor, Equatable {
    /// The weights, one per feature.
    public let weights: [Double]
    /// The bias (intercept).
    public let bias: Double

    public init(weights: [Double], bias: Double) {
        self.weights = weights
        self.bias = bias
    }
}
