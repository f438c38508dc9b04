/// Ridge regression: least squares plus an L2 penalty on the weights (not the intercept),
/// minimising `sum_i (w . x_i + b - y_i)^2 + alpha sum_j w_j^2`, in closed form.
///
/// `alpha` is on the scale of scikit-learn's `Ridge(alpha:)` (the penalty is not divided by m).
/// Any `alpha > 0` makes the system solvable even with more features than examples or collinear
/// features; `alpha = 0` is ordinary least squares.
/// Complexity: O(m n^2 + n^3).
public struct RidgeRegression: Regressor {
    /// The penalty strength (>= 0).
    public var alpha: Double

    public init(alpha: Double = 1) {
        self.alpha = alpha
    }

    public func fit(_ X: Matrix, _ y: [Double]) throws -> LinearModel {
        try InputValidation.checkTraining(X, y, context: "RidgeRegression.fit")
        try InputValidation.require(alpha.isFinite && alpha >= 0, "alpha", alpha, "must be a finite number >= 0")
        if alpha == 0, X.rows <= X.columns {
            throw ModelError.singularMatrix(
                "with alpha = 0 ridge is ordinary least squares, which needs more examples than features "
                + "(X has \(X.rows) rows and \(X.columns) features); use alpha > 0")
        }
        return try centeredLeastSquares(X, y, ridge: alpha)
    }
}
