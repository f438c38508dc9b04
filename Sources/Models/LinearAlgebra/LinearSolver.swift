/// Solves the linear systems behind the normal equation and ridge regression.
///
/// - `solve(_:_:)`: a square system. Symmetric positive-definite matrices (like `X^T X` with
///   independent columns, or `X^T X + lambda I`) are solved by Cholesky, the fastest stable method;
///   anything else, or a Cholesky that meets a non-positive pivot, falls back to pivoted Householder
///   QR, which either solves the system or reports its rank.
/// - `leastSquares(_:_:)`: `min ||A x - b||` directly by pivoted QR (no squared condition number).
///
/// Every failure is a `ModelError`: `.singularMatrix` says why ("columns are linearly dependent
/// (rank 3 of 4)"), `.shapeMismatch` for disagreeing sizes, `.nonFinite` for NaN or infinity
/// (the right-hand side counts as column `a.columns` of the augmented matrix `[A | b]`).
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

    /// Solves the square system `a x = b`: Cholesky if `a` is symmetric positive definite,
    /// otherwise Householder QR.
    ///
    /// - Throws: `ModelError.singularMatrix` if `a` is (numerically) singular.
    public static func solve(_ a: Matrix, _ b: [Double]) throws -> Solution {
        try validate(a, b)
        guard a.rows == a.columns else {
            throw ModelError.shapeMismatch("solve needs a square matrix, got \(a.rows)x\(a.columns); use leastSquares for rectangular systems")
        }
        if isSymmetric(a), let factor = choleskyFactorIfPositiveDefinite(a) {
            return Solution(x: solveWithCholeskyFactor(factor, b), method: .cholesky)
        }
        return Solution(x: try HouseholderQR(a).solve(b), method: .householderQR)
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
    /// - Throws: `ModelError.singularMatrix` if the columns of `a` are linearly dependent
    ///   (or there are fewer rows than columns), naming the rank.
    public static func leastSquares(_ a: Matrix, _ b: [Double]) throws -> [Double] {
        try validate(a, b)
        return try HouseholderQR(a).solve(b)
    }

    /// The lower-triangular Cholesky factor `L` with `a = L L^T`.
    ///
    /// - Throws: `ModelError.singularMatrix` if `a` is not square, not symmetric, or not
    ///   (numerically) positive definite.
    public static func cholesky(_ a: Matrix) throws -> Matrix {
        guard a.rows == a.columns else {
            throw ModelError.shapeMismatch("Cholesky needs a square matrix, got \(a.rows)x\(a.columns)")
        }
        if let cell = a.firstNonFinite() { throw ModelError.nonFinite(row: cell.row, column: cell.column) }
        guard isSymmetric(a) else {
            throw ModelError.singularMatrix("the matrix is not symmetric, so it has no Cholesky factor")
        }
        guard let factor = choleskyFactorIfPositiveDefinite(a) else {
            let rank = HouseholderQR(a).rank
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
    /// A pivot is rejected unless it is clearly positive relative to its original diagonal element:
    /// a singular matrix often leaves a tiny positive pivot made of rounding error, and accepting
    /// it would return a huge, meaningless solution instead of reporting the singularity.
    static func choleskyFactorIfPositiveDefinite(_ a: Matrix) -> Matrix? {
        let n = a.rows
        var l = Matrix(rows: n, columns: n)
        let relativeTolerance = Double(n) * Double.ulpOfOne
        let succeeded = a.storage.withUnsafeBufferPointer { a in
            l.storage.withUnsafeMutableBufferPointer { l in
                let base = l.baseAddress!
                for j in 0..<n {
                    let rowJ = base + j * n
                    var diagonal = a[j * n + j]
                    for k in 0..<j { diagonal -= rowJ[k] * rowJ[k] }
                    guard diagonal > relativeTolerance * Swift.abs(a[j * n + j]), diagonal > 0 else { return false }
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
