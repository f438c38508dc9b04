/// Ordinary least squares in closed form: the weights that minimise the squared-error cost exactly,
/// from the normal equation `X^T X w = X^T y` (with the intercept handled by centering, see
/// `centeredLeastSquares`), solved by Cholesky with a QR fallback.
///
/// ```swift
/// let model = try NormalEquationRegression().fit(Matrix([[1], [2]]), [300, 500])
/// model.weights  // [200.0]
/// model.bias     // 100.0
/// ```
///
/// Throws `singularMatrix` when there are not more examples than features (the system has no
/// unique solution) or when features are collinear; ridge regression handles both.
/// Complexity: O(m n^2 + n^3).
public struct NormalEquationRegression: Regressor {
    public init() {}

    public func fit(_ X: Matrix, _ y: [Double]) throws -> LinearModel {
        try InputValidation.checkTraining(X, y, context: "NormalEquationRegression.fit")
        guard X.rows > X.columns else {
            throw ModelError.singularMatrix(
                "the normal equation needs more examples than features, but X has \(X.rows) rows and "
                + "\(X.columns) features (plus the intercept); add data or use ridge regression (alpha > 0)")
        }
        return try centeredLeastSquares(X, y, ridge: 0)
    }
}
