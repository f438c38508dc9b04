/// Least squares with an unpenalised intercept, solved in closed form.
///
/// Centering X and y first separates the intercept: with column means `xbar` and target mean
/// `ybar`, the weights solve `(Xc^T Xc + alpha I) w = Xc^T yc` (Xc = X - xbar, yc = y - ybar) and
/// then `b = ybar - xbar . w`. This is the same solution as appending a column of ones to X, but
/// better conditioned, and it is how ridge leaves the intercept out of the penalty.
/// The solve is `LinearSolver.solveNormalEquation`: Cholesky on the Gram matrix, with a pivoted QR
/// fallback when the features are so nearly collinear that the normal equation would lose digits.
/// Complexity: O(m n^2) for the Gram matrix, O(n^3) for the solve.
func centeredLeastSquares(_ X: Matrix, _ y: [Double], ridge alpha: Double) throws -> LinearModel {
    let m = X.rows
    let n = X.columns
    let means = X.columnMeans()
    let yMean = y.reduce(0, +) / Double(m)
    var centered = X
    centered.storage.withUnsafeMutableBufferPointer { x in
        for i in 0..<m {
            for j in 0..<n { x[i * n + j] -= means[j] }
        }
    }
    let yCentered = y.map { $0 - yMean }
    // excerpt: normal-equation-solve
    let weights: [Double]
    do {
        // Cholesky on Xc^T Xc + alpha I, or pivoted QR on Xc when that would lose digits.
        weights = try LinearSolver.solveNormalEquation(centered, yCentered, ridge: alpha).x
    } catch ModelError.singularMatrix(let why) {
        throw ModelError.singularMatrix(
            "X^T X cannot be inverted: \(why). Some features are linear combinations of others; "
            + "remove them or use ridge regression (alpha > 0)")
    }
    var bias = yMean
    for j in 0..<n { bias -= means[j] * weights[j] }
    // end excerpt
    return LinearModel(weights: weights, bias: bias)
}
