/// Solves the linear systems behind the normal equation and ridge regression.
///
/// - `solveNormalEquation(_:_:ridge:unpenalizedColumns:)`: least squares (optionally ridge) from the
///   design matrix. Cholesky on `X^T X + lambda I` when that is well conditioned (fast: one pass over
///   the data); otherwise pivoted Householder QR on `X` itself (stacked with `sqrt(lambda) I`),
///   which does not square the condition number and reports dependent columns with their rank.
/// - `solve(_:_:)`: a square system. Cholesky if symmetric and clearly positive definite (checked by
///   one step of iterative refinement), otherwise pivoted QR.
/// - `leastSquares(_:_:)`: `min ||A x - b||` directly by pivoted QR.
///
/// "Singular" is decided to working precision: exactly dependent columns never come out as exactly
/// dependent after rounding, so thresholds (documented on each method) separate "dependent" from
/// "independent but badly conditioned". Every failure is a `ModelError`: `.singularMatrix` says why
/// ("columns are linearly dependent (rank 3 of 4)"), `.shapeMismatch` for disagreeing sizes,
/// `.nonFinite` for NaN or infinity (the right-hand side counts as column `a.columns` of `[A | b]`).
public enum LinearSolver {
    /// Which factorisation produced a solution.
    public enum Method: String, Sendable {
        /// `A = L L^T`, for symmetric positive-definite systems.
        case cholesky
        /// `A P = Q R` with Householder reflections and column pivoting.
        case householderQR
    }

    /// A solution together with the method that found it.
    public struct Solution: Sendable, Equatable {
        /// The solution vector `x`.
        public let x: [Double]
        /// How it was computed.
        public let method: Method
    }

    /// Below this ratio of a Cholesky pivot to its diagonal element, the fast path hands over to QR:
    /// the column is within about 1e-4 (relative) of the span of the earlier ones.
    static let fastPathPivotRatio = 1e-8
    /// The normal equation keeps its Cholesky solution only if one refinement step changes it by
    /// less than this fraction (relative error ~1e-8, i.e. condition number of `X^T X` below ~1e8).
    static let refinementTolerance = 1e-8
    /// `solve` keeps a Cholesky solution only if one refinement step changes it by less than this
    /// fraction (about six correct digits); otherwise pivoted QR decides the rank and solves.
    static let squareRefinementTolerance = 1e-6
    /// Below this ratio of a Cholesky pivot to its diagonal element, a matrix is not positive
    /// definite to working precision (used where there is no fallback).
    static let strictPivotRatio = 1e-12
    /// A square matrix whose pivoted-QR diagonal falls below this fraction of its largest element
    /// (condition number beyond about 1e13, leaving at most a few reliable digits) is singular.
    static let squareRankTolerance = 1e-13

    /// Solves the square system `a x = b`: Cholesky if `a` is symmetric and clearly positive
    /// definite (and one step of iterative refinement confirms about six correct digits),
    /// otherwise Householder QR.
    ///
    /// - Throws: `ModelError.singularMatrix` if `a` is singular to working precision (its pivoted-QR
    ///   diagonal falls below `1e-13` of the largest element).
    public static func solve(_ a: Matrix, _ b: [Double]) throws -> Solution {
        try validate(a, b)
        guard a.rows == a.columns else {
            throw ModelError.shapeMismatch("solve needs a square matrix, got \(a.rows)x\(a.columns); use leastSquares for rectangular systems")
        }
        if isSymmetric(a), let factor = choleskyFactor(a, minimumPivotRatio: fastPathPivotRatio),
           let refined = refinedCholeskySolution(a, factor, b, tolerance: squareRefinementTolerance) {
            return Solution(x: refined, method: .cholesky)
        }
        return Solution(x: try columnScaledQRSolve(a, b, relativeTolerance: squareTolerance(a)), method: .householderQR)
    }

    /// The least-squares (or ridge) weights for the design matrix `x` and targets `y`:
    /// minimises `||x w - y||^2 + ridge * sum of w_j^2` over the penalised columns.
    ///
    /// Tries Cholesky on `x^T x + ridge I` first; if a pivot is tiny (the columns are nearly
    /// dependent) or one step of iterative refinement shows the solution has lost more than about
    /// eight digits, it falls back to pivoted QR least squares on `x` stacked with `sqrt(ridge) I`,
    /// which is accurate where the normal equation loses digits, and which reports truly dependent
    /// columns. `solution.method` says which one was used.
    /// - Parameters:
    ///   - ridge: the L2 penalty `lambda >= 0` (0 for ordinary least squares).
    ///   - unpenalizedColumns: columns left out of the penalty, e.g. a column of ones for the intercept.
    /// - Throws: `ModelError.singularMatrix` ("columns are linearly dependent (rank 3 of 4)"),
    ///   `.shapeMismatch`, `.nonFinite`, `.emptyInput`, `.invalidHyperparameter` for a bad `ridge`.
    public static func solveNormalEquation(_ x: Matrix, _ y: [Double], ridge: Double = 0,
                                           unpenalizedColumns: Set<Int> = []) throws -> Solution {
        try validate(x, y)
        guard ridge >= 0, ridge.isFinite else {
            throw ModelError.invalidHyperparameter(name: "ridge", value: "\(ridge)", reason: "must be a finite number >= 0")
        }
        if let bad = unpenalizedColumns.first(where: { $0 < 0 || $0 >= x.columns }) {
            throw ModelError.invalidHyperparameter(name: "unpenalizedColumns", value: "\(bad)",
                                                   reason: "must be column indices in 0..<\(x.columns)")
        }
        let penalized = (0..<x.columns).filter { !unpenalizedColumns.contains($0) }
        var gram = x.gram()
        for j in penalized { gram[j, j] += ridge }
        if let factor = choleskyFactor(gram, minimumPivotRatio: fastPathPivotRatio) {
            // One step of iterative refinement measures the error of the Cholesky solution (about
            // condition number x machine epsilon): if it is visible, the Gram matrix is too badly
            // conditioned and QR on x is used instead.
            let rhs = x.transposeMultiplied(byVector: y)
            if let refined = refinedCholeskySolution(gram, factor, rhs, tolerance: refinementTolerance) {
                return Solution(x: refined, method: .cholesky)
            }
        }
        guard ridge > 0, !penalized.isEmpty else {
            return Solution(x: try columnScaledQRSolve(x, y), method: .householderQR)
        }
        // Ridge as ordinary least squares: append a row sqrt(lambda) e_j with target 0 per penalised column.
        var augmented = Matrix(rows: x.rows + penalized.count, columns: x.columns)
        augmented.storage.replaceSubrange(0..<x.storage.count, with: x.storage)
        for (k, j) in penalized.enumerated() { augmented[x.rows + k, j] = ridge.squareRoot() }
        let target = y + [Double](repeating: 0, count: penalized.count)
        return Solution(x: try columnScaledQRSolve(augmented, target), method: .householderQR)
    }

    /// Solves `a x = b` for symmetric positive-definite `a` by Cholesky only, with no fallback.
    ///
    /// - Throws: `ModelError.singularMatrix` if `a` is not symmetric positive definite.
    public static func solvePositiveDefinite(_ a: Matrix, _ b: [Double]) throws -> [Double] {
        try validate(a, b)
        return solveWithCholeskyFactor(try cholesky(a), b)
    }

    /// The least-squares solution of `min ||a x - b||` by pivoted Householder QR.
    ///
    /// Columns are scaled to unit length first, so the rank decision does not depend on units:
    /// a column counts as dependent when its direction is, to `max(rows, columns) * epsilon`,
    /// a combination of the others'.
    /// - Throws: `ModelError.singularMatrix` if the columns of `a` are linearly dependent
    ///   (or there are fewer rows than columns), naming the rank.
    public static func leastSquares(_ a: Matrix, _ b: [Double]) throws -> [Double] {
        try validate(a, b)
        return try columnScaledQRSolve(a, b)
    }

    /// The lower-triangular Cholesky factor `L` with `a = L L^T`.
    ///
    /// - Throws: `ModelError.singularMatrix` if `a` is not square, not symmetric, or not positive
    ///   definite to working precision (a pivot below `1e-12` of its diagonal element).
    public static func cholesky(_ a: Matrix) throws -> Matrix {
        guard a.rows == a.columns else {
            throw ModelError.shapeMismatch("Cholesky needs a square matrix, got \(a.rows)x\(a.columns)")
        }
        if let cell = a.firstNonFinite() { throw ModelError.nonFinite(row: cell.row, column: cell.column) }
        guard isSymmetric(a) else {
            throw ModelError.singularMatrix("the matrix is not symmetric, so it has no Cholesky factor")
        }
        guard let factor = choleskyFactor(a, minimumPivotRatio: strictPivotRatio) else {
            let rank = HouseholderQR(scalingColumnsToUnitNorm(a).scaled, relativeTolerance: squareTolerance(a)).rank
            if rank < a.columns {
                throw ModelError.singularMatrix("columns are linearly dependent (rank \(rank) of \(a.columns))")
            }
            throw ModelError.singularMatrix("the matrix is not positive definite (a non-positive pivot appeared in Cholesky)")
        }
        return factor
    }

    // MARK: - Internals

    static func validate(_ a: Matrix, _ b: [Double]) throws {
        guard a.rows > 0, a.columns > 0 else {
            throw ModelError.emptyInput("the system has a \(a.rows)x\(a.columns) matrix")
        }
        guard b.count == a.rows else {
            throw ModelError.shapeMismatch("the matrix has \(a.rows) rows but the right-hand side has \(b.count) entries")
        }
        if let cell = a.firstNonFinite() { throw ModelError.nonFinite(row: cell.row, column: cell.column) }
        if let i = b.firstIndex(where: { !$0.isFinite }) { throw ModelError.nonFinite(row: i, column: a.columns) }
    }

    /// Symmetric up to rounding: `|a_ij - a_ji|` tiny next to the largest element.
    static func isSymmetric(_ a: Matrix) -> Bool {
        guard a.rows == a.columns else { return false }
        let n = a.rows
        var largest = 0.0
        for value in a.storage { largest = Swift.max(largest, Swift.abs(value)) }
        let tolerance = largest * 1e-12
        for i in 0..<n {
            for j in (i + 1)..<Swift.max(n, i + 1)
            where Swift.abs(a.storage[i * n + j] - a.storage[j * n + i]) > tolerance {
                return false
            }
        }
        return true
    }

    /// Cholesky factorisation that returns `nil` instead of failing, so callers can fall back.
    ///
    /// A pivot is rejected unless it is at least `minimumPivotRatio` times its original diagonal
    /// element: a singular matrix often leaves a tiny positive pivot made of rounding error
    /// (about 1e-15 relative), and accepting it would return a meaningless solution instead of
    /// reporting the singularity.
    static func choleskyFactor(_ a: Matrix, minimumPivotRatio: Double) -> Matrix? {
        let n = a.rows
        var l = Matrix(rows: n, columns: n)
        let succeeded = a.storage.withUnsafeBufferPointer { a in
            l.storage.withUnsafeMutableBufferPointer { l in
                let base = l.baseAddress!
                for j in 0..<n {
                    let rowJ = base + j * n
                    var diagonal = a[j * n + j]
                    for k in 0..<j { diagonal -= rowJ[k] * rowJ[k] }
                    guard diagonal > minimumPivotRatio * Swift.abs(a[j * n + j]), diagonal > 0 else { return false }
                    let pivot = diagonal.squareRoot()
                    rowJ[j] = pivot
                    for i in (j + 1)..<Swift.max(n, j + 1) {
                        let rowI = base + i * n
                        var sum = a[i * n + j]
                        for k in 0..<j { sum -= rowI[k] * rowJ[k] }
                        rowI[j] = sum / pivot
                    }
                }
                return true
            }
        }
        return succeeded ? l : nil
    }

    /// The QR rank threshold for a square system.
    static func squareTolerance(_ a: Matrix) -> Double {
        Swift.max(squareRankTolerance, Double(a.rows) * Double.ulpOfOne)
    }

    /// `a` with every non-zero column divided by its Euclidean norm, and those norms (1 for a zero column).
    static func scalingColumnsToUnitNorm(_ a: Matrix) -> (scaled: Matrix, norms: [Double]) {
        var squares = [Double](repeating: 0, count: a.columns)
        a.accumulateRows { row, _ in
            for j in 0..<a.columns { squares[j] += row[j] * row[j] }
        }
        let norms = squares.map { $0 > 0 ? $0.squareRoot() : 1 }
        var scaled = a
        scaled.storage.withUnsafeMutableBufferPointer { values in
            for i in 0..<a.rows {
                for j in 0..<a.columns { values[i * a.columns + j] /= norms[j] }
            }
        }
        return (scaled, norms)
    }

    /// Least squares by pivoted QR on the matrix with unit-norm columns, then unscaled.
    ///
    /// Scaling makes the rank decision independent of units: `x^3` in cubic feet is not "dependent"
    /// just because its values are a million times larger than `x`'s. Only a column that is (to
    /// working precision) a combination of the others in direction is reported.
    static func columnScaledQRSolve(_ a: Matrix, _ b: [Double], relativeTolerance: Double? = nil) throws -> [Double] {
        let (scaled, norms) = scalingColumnsToUnitNorm(a)
        let z = try HouseholderQR(scaled, relativeTolerance: relativeTolerance).solve(b)
        return zip(z, norms).map { $0 / $1 }
    }

    /// The Cholesky solution of `a x = b` improved by one step of iterative refinement, or `nil` if
    /// that step changes it by more than `tolerance` (relative, largest element): the size of the
    /// correction estimates the error of the solution, about condition number x machine epsilon.
    static func refinedCholeskySolution(_ a: Matrix, _ factor: Matrix, _ b: [Double], tolerance: Double) -> [Double]? {
        let x = solveWithCholeskyFactor(factor, b)
        let residual = zip(b, a.multiplied(byVector: x)).map { $0 - $1 }
        let correction = solveWithCholeskyFactor(factor, residual)
        let size = x.reduce(0) { Swift.max($0, Swift.abs($1)) }
        let error = correction.reduce(0) { Swift.max($0, Swift.abs($1)) }
        guard error <= tolerance * size else { return nil }
        return zip(x, correction).map { $0 + $1 }
    }

    /// Solves `L L^T x = b` by a forward then a backward substitution.
    static func solveWithCholeskyFactor(_ l: Matrix, _ b: [Double]) -> [Double] {
        let n = l.rows
        var y = b
        for i in 0..<n {
            var sum = y[i]
            for k in 0..<i { sum -= l.storage[i * n + k] * y[k] }
            y[i] = sum / l.storage[i * n + i]
        }
        var x = y
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[i]
            for k in (i + 1)..<Swift.max(n, i + 1) { sum -= l.storage[k * n + i] * x[k] }
            x[i] = sum / l.storage[i * n + i]
        }
        return x
    }
}
