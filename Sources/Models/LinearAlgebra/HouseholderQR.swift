/// A QR factorisation with column pivoting, `A P = Q R`, computed with Householder reflections.
///
/// Column pivoting (always eliminating the remaining column with the largest norm) makes the
/// diagonal of `R` non-increasing in size, so the numerical rank can be read off it: the
/// factorisation stops when every remaining column is negligible next to the first one.
/// This is the robust way to solve least squares, `min ||A x - b||`, because it works on `A`
/// itself instead of squaring its condition number as the normal equation `A^T A x = A^T b` does.
public struct HouseholderQR: Sendable {
    /// Rows of the factorised matrix.
    public let rows: Int
    /// Columns of the factorised matrix.
    public let columns: Int
    /// The numerical rank: how many columns are linearly independent to working precision.
    public let rank: Int
    /// `permutation[k]` is the original column that ended up in position `k`.
    public let permutation: [Int]
    /// `R` in the upper triangle (row-major, `rows x columns`); below it, zeros.
    let r: [Double]
    /// The Householder vectors `v_k` (each of length `rows - k`) and their scales `beta_k`,
    /// with `H_k = I - beta_k v_k v_k^T`.
    let reflectors: [(vector: [Double], beta: Double)]

    /// Factorises `matrix`. Elements must be finite (checked by the callers that take user data).
    ///
    /// - Parameter relativeTolerance: a remaining column whose norm is at most this fraction of the
    ///   largest column norm counts as dependent and ends the factorisation. The default,
    ///   `max(rows, columns) * machine epsilon`, is the usual numerical-rank threshold.
    public init(_ matrix: Matrix, relativeTolerance: Double? = nil) {
        let (m, n) = (matrix.rows, matrix.columns)
        var a = matrix.storage
        var permutation = Array(0..<n)
        var reflectors: [(vector: [Double], beta: Double)] = []
        var norms = [Double](repeating: 0, count: n)
        var sums = [Double](repeating: 0, count: n)
        var firstNorm = 0.0
        var rank = Swift.min(m, n)
        let steps = Swift.min(m, n)

        a.withUnsafeMutableBufferPointer { a in
            for k in 0..<steps {
                // Squared norms of the remaining columns over the remaining rows, recomputed each
                // step: O(m n) like the update below, and exact (no cancellation from downdating).
                for j in k..<n { norms[j] = 0 }
                for i in k..<m {
                    let row = a.baseAddress! + i * n
                    for j in k..<n { norms[j] += row[j] * row[j] }
                }
                var pivot = k
                for j in (k + 1)..<Swift.max(n, k + 1) where norms[j] > norms[pivot] { pivot = j }
                let pivotNorm = norms[pivot].squareRoot()
                if k == 0 { firstNorm = pivotNorm }
                let tolerance = firstNorm * (relativeTolerance ?? Double(Swift.max(m, n)) * Double.ulpOfOne)
                if pivotNorm <= tolerance || pivotNorm == 0 {
                    rank = k
                    break
                }
                if pivot != k {
                    for i in 0..<m { a.swapAt(i * n + k, i * n + pivot) }
                    permutation.swapAt(k, pivot)
                }

                // Reflect column k onto alpha * e_k; the sign avoids cancellation in v_0.
                let x0 = a[k * n + k]
                let alpha = x0 >= 0 ? -pivotNorm : pivotNorm
                var v = [Double](repeating: 0, count: m - k)
                for i in k..<m { v[i - k] = a[i * n + k] }
                v[0] = x0 - alpha
                var vv = 0.0
                for value in v { vv += value * value }
                let beta = vv == 0 ? 0 : 2 / vv

                // Apply H to the remaining columns: A -= beta v (v^T A), two passes over the rows.
                for j in (k + 1)..<Swift.max(n, k + 1) { sums[j] = 0 }
                for i in k..<m {
                    let vi = v[i - k]
                    let row = a.baseAddress! + i * n
                    for j in (k + 1)..<Swift.max(n, k + 1) { sums[j] += vi * row[j] }
                }
                for i in k..<m {
                    let scale = beta * v[i - k]
                    let row = a.baseAddress! + i * n
                    for j in (k + 1)..<Swift.max(n, k + 1) { row[j] -= scale * sums[j] }
                }
                a[k * n + k] = alpha
                for i in (k + 1)..<Swift.max(m, k + 1) { a[i * n + k] = 0 }
                reflectors.append((v, beta))
            }
        }
        self.rows = m
        self.columns = n
        self.rank = rank
        self.permutation = permutation
        self.r = a
        self.reflectors = reflectors
    }

    /// The magnitudes of `R`'s diagonal, largest first; their ratio estimates the condition number.
    public var diagonalMagnitudes: [Double] {
        (0..<Swift.min(rows, columns)).map { Swift.abs(r[$0 * columns + $0]) }
    }

    /// The least-squares solution of `A x = b` (exact when `A` is square and non-singular).
    ///
    /// - Throws: `ModelError.singularMatrix` when `A` is rank-deficient, with the rank in the message;
    ///   `ModelError.shapeMismatch` when `b.count != rows`.
    public func solve(_ b: [Double]) throws -> [Double] {
        guard b.count == rows else {
            throw ModelError.shapeMismatch("the right-hand side has \(b.count) entries but the matrix has \(rows) rows")
        }
        guard rank == columns else { throw ModelError.singularMatrix(rankDeficiencyReason) }
        var qtb = b
        for (k, reflector) in reflectors.enumerated() {
            var dot = 0.0
            for i in k..<rows { dot += reflector.vector[i - k] * qtb[i] }
            let scale = reflector.beta * dot
            for i in k..<rows { qtb[i] -= scale * reflector.vector[i - k] }
        }
        // Back substitution on the leading rank x rank triangle of R.
        var z = [Double](repeating: 0, count: columns)
        for k in stride(from: rank - 1, through: 0, by: -1) {
            var sum = qtb[k]
            for j in (k + 1)..<Swift.max(rank, k + 1) { sum -= r[k * columns + j] * z[j] }
            z[k] = sum / r[k * columns + k]
        }
        var x = [Double](repeating: 0, count: columns)
        for k in 0..<columns { x[permutation[k]] = z[k] }
        return x
    }

    /// Why a rank-deficient system has no unique solution, in words.
    var rankDeficiencyReason: String {
        if rows < columns {
            return "fewer rows (\(rows)) than unknowns (\(columns)), so the solution is not unique (rank \(rank) of \(columns))"
        }
        return "columns are linearly dependent (rank \(rank) of \(columns))"
    }
}
