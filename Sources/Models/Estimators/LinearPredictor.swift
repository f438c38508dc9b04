/// A fitted model with one weight per feature and a bias, whose raw output for a row `x` is the
/// score `w · x + b`: the linear regressors return it as their prediction, logistic regression as
/// its log-odds. Conforming gives the width check and the scores once for all of them.
public protocol LinearPredictor: Sendable {
    /// The weights, one per feature.
    var weights: [Double] { get }
    /// The bias (intercept).
    var bias: Double { get }
}

extension LinearPredictor {
    /// The number of features the model was trained on: one per weight.
    public var featureCount: Int { weights.count }

    /// The scores `w · x + b`, one per row of `X`; throws if `X` has the wrong width or a
    /// non-finite value.
    public func scores(_ X: Matrix) throws -> [Double] {
        try InputValidation.checkPrediction(X, featureCount: weights.count)
        return linearScores(X, weights: weights, bias: bias)
    }
}

extension LinearPredictor where Self: FittedRegressor {
    /// The scores themselves are the predictions.
    public func predict(_ X: Matrix) throws -> [Double] { try scores(X) }
}
