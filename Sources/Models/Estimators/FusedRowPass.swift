#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The per-example loss of a linear-score model, as a function of the score `z = w . x + b` and the
/// target `y`: its value and its derivative with respect to `z` (the "residual").
///
/// Both linear regression (residual `f - y`) and logistic regression (residual `sigmoid(z) - y`)
/// have the gradient `1/m X^T residual`, so one fused pass serves both.
protocol ScoreLoss: Sendable {
    static func evaluate(score z: Double, target y: Double) -> (loss: Double, residual: Double)
}

/// Half the squared error: loss `(z - y)^2 / 2`, residual `z - y`, so the mean loss is
/// J = 1/(2m) sum (f - y)^2.
enum HalfSquaredError: ScoreLoss {
    @inline(__always)
    static func evaluate(score z: Double, target y: Double) -> (loss: Double, residual: Double) {
        let residual = z - y
        return (0.5 * residual * residual, residual)
    }
}

/// Log-loss of the sigmoid, computed without overflow: with `t = e^-|z|`,
/// `-log(sigmoid(z)) = log(1 + t) + max(-z, 0)`, so the loss
/// `-y log f - (1 - y) log(1 - f) = log(1 + t) + max(z, 0) - y z` and the residual `f - y`.
enum SigmoidLogLoss: ScoreLoss {
    @inline(__always)
    static func evaluate(score z: Double, target y: Double) -> (loss: Double, residual: Double) {
        let t = exp(-abs(z))
        let probability = z >= 0 ? 1 / (1 + t) : t / (1 + t)
        return (log1p(t) + max(z, 0) - y * z, probability - y)
    }
}

// MARK: - The hot loop

// The model reads X once per iteration: prediction, residual and gradient accumulation happen in a
// single pass, four rows at a time. Four rows share each load of w and each load/store of the
// gradient, and their four dot products are independent, which keeps the SIMD units busy; the
// rows are then still in L1 cache when they are read again for the gradient.

private typealias Lane = SIMD4<Double>

@inline(__always)
private func load(_ pointer: UnsafePointer<Double>) -> Lane {
    UnsafeRawPointer(pointer).loadUnaligned(as: Lane.self)
}

@inline(__always)
private func add(_ value: Lane, to pointer: UnsafeMutablePointer<Double>) {
    let raw = UnsafeMutableRawPointer(pointer)
    raw.storeBytes(of: raw.loadUnaligned(as: Lane.self) + value, as: Lane.self)
}

/// Sums the loss and the residual over `rows` and adds `sum residual_i * x_i` into `gradient`.
///
/// `x` is row-major with `columns` columns; `gradient` has `columns` elements.
/// Complexity: O(rows.count * columns), one read of each row of X.
@inline(__always)
func fusedPass<Loss: ScoreLoss>(
    _: Loss.Type, x: UnsafePointer<Double>, y: UnsafePointer<Double>, columns n: Int, rows: Range<Int>,
    weights w: UnsafePointer<Double>, bias b: Double, gradient g: UnsafeMutablePointer<Double>
) -> (lossSum: Double, residualSum: Double) {
    var lossSum = 0.0
    var residualSum = 0.0
    let vectorEnd = n & ~3
    var i = rows.lowerBound
    while i + 4 <= rows.upperBound {
        let x0 = x + i * n, x1 = x0 + n, x2 = x1 + n, x3 = x2 + n
        var a0 = Lane(), a1 = Lane(), a2 = Lane(), a3 = Lane()
        var j = 0
        while j < vectorEnd {
            let wj = load(w + j)
            a0 += load(x0 + j) * wj
            a1 += load(x1 + j) * wj
            a2 += load(x2 + j) * wj
            a3 += load(x3 + j) * wj
            j += 4
        }
        var z0 = a0.sum(), z1 = a1.sum(), z2 = a2.sum(), z3 = a3.sum()
        while j < n {
            let wj = w[j]
            z0 += x0[j] * wj; z1 += x1[j] * wj; z2 += x2[j] * wj; z3 += x3[j] * wj
            j += 1
        }
        let e0 = Loss.evaluate(score: z0 + b, target: y[i])
        let e1 = Loss.evaluate(score: z1 + b, target: y[i + 1])
        let e2 = Loss.evaluate(score: z2 + b, target: y[i + 2])
        let e3 = Loss.evaluate(score: z3 + b, target: y[i + 3])
        lossSum += (e0.loss + e1.loss) + (e2.loss + e3.loss)
        residualSum += (e0.residual + e1.residual) + (e2.residual + e3.residual)
        let r0 = Lane(repeating: e0.residual), r1 = Lane(repeating: e1.residual)
        let r2 = Lane(repeating: e2.residual), r3 = Lane(repeating: e3.residual)
        j = 0
        while j < vectorEnd {
            add((load(x0 + j) * r0 + load(x1 + j) * r1) + (load(x2 + j) * r2 + load(x3 + j) * r3), to: g + j)
            j += 4
        }
        while j < n {
            g[j] += (x0[j] * e0.residual + x1[j] * e1.residual) + (x2[j] * e2.residual + x3[j] * e3.residual)
            j += 1
        }
        i += 4
    }
    while i < rows.upperBound {
        let xi = x + i * n
        var z = b
        for j in 0..<n { z += xi[j] * w[j] }
        let e = Loss.evaluate(score: z, target: y[i])
        lossSum += e.loss
        residualSum += e.residual
        for j in 0..<n { g[j] += e.residual * xi[j] }
        i += 1
    }
    return (lossSum, residualSum)
}

/// The mean loss and its gradient over a whole data set, computed by `fusedPass` on every chunk of
/// rows (concurrently for large data) and combined in chunk order.
///
/// Holds copies of X and y (copy-on-write, so no data is duplicated) and scratch space for the
/// partial sums, so evaluating it allocates nothing.
struct FusedObjective<Loss: ScoreLoss> {
    let X: Matrix
    let y: [Double]
    let chunks: RowChunks
    /// Per-chunk gradient partial sums, `chunks.count x columns`.
    private var partialGradients: [Double]
    /// Per-chunk (loss sum, residual sum).
    private var partialSums: [Double]

    init(_ X: Matrix, _ y: [Double]) {
        self.X = X
        self.y = y
        chunks = RowChunks(rows: X.rows, columns: X.columns)
        partialGradients = Array(repeating: 0, count: chunks.count * X.columns)
        partialSums = Array(repeating: 0, count: chunks.count * 2)
    }

    /// Writes the gradient of the mean loss with respect to the weights into `gradient` and returns
    /// the mean loss and its derivative with respect to the bias.
    mutating func evaluate(weights: UnsafeBufferPointer<Double>, bias: Double,
                           gradient: UnsafeMutableBufferPointer<Double>) -> (cost: Double, biasGradient: Double) {
        let n = X.columns
        let chunks = self.chunks
        // The chunks read shared inputs and write disjoint slices of the scratch space.
        nonisolated(unsafe) let w = weights.baseAddress!
        X.storage.withUnsafeBufferPointer { xBuffer in
            y.withUnsafeBufferPointer { yBuffer in
                partialGradients.withUnsafeMutableBufferPointer { gBuffer in
                    partialSums.withUnsafeMutableBufferPointer { sBuffer in
                        nonisolated(unsafe) let x = xBuffer.baseAddress!, yy = yBuffer.baseAddress!
                        nonisolated(unsafe) let g = gBuffer.baseAddress!, s = sBuffer.baseAddress!
                        chunks.forEach { chunk in
                            let chunkGradient = g + chunk * n
                            chunkGradient.update(repeating: 0, count: n)
                            let sums = fusedPass(Loss.self, x: x, y: yy, columns: n, rows: chunks.range(chunk),
                                                 weights: w, bias: bias, gradient: chunkGradient)
                            s[2 * chunk] = sums.lossSum
                            s[2 * chunk + 1] = sums.residualSum
                        }
                    }
                }
            }
        }
        // Combine in chunk order so the result never depends on thread timing.
        let m = Double(X.rows)
        var lossSum = 0.0, residualSum = 0.0
        for j in 0..<n { gradient[j] = 0 }
        for chunk in 0..<chunks.count {
            lossSum += partialSums[2 * chunk]
            residualSum += partialSums[2 * chunk + 1]
            for j in 0..<n { gradient[j] += partialGradients[chunk * n + j] }
        }
        for j in 0..<n { gradient[j] /= m }
        return (lossSum / m, residualSum / m)
    }
}
