#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
/// The per-example loss of a linear-score model, as a function of the score `z = w . x + b` and the
/// target `y`, for four examples at once: its value and its derivative with respect to `z` (the
/// "residual").
///
/// Both linear regression (residual `f - y`) and logistic regression (residual `sigmoid(z) - y`)
/// have the gradient `1/m X^T residual`, so one fused pass serves both.
///
/// A loss may return part of its value as a factor whose logarithm is to be added
/// (`loss + log(logFactor)`): the pass multiplies these factors over a block of rows and takes one
/// logarithm per block instead of one per row, since a sum of logs is the log of the product.
protocol ScoreLoss: Sendable {
    /// Whether `logFactor` is ever different from 1.
    static var hasLogFactor: Bool { get }
    static func evaluate(scores z: Lanes, targets y: Lanes) -> (loss: Lanes, logFactor: Lanes, residual: Lanes)
}

/// Half the squared error: loss `(z - y)^2 / 2`, residual `z - y`, so the mean loss is
/// J = 1/(2m) sum (f - y)^2.
enum HalfSquaredError: ScoreLoss {
    static var hasLogFactor: Bool { false }

    @inline(__always)
    static func evaluate(scores z: Lanes, targets y: Lanes) -> (loss: Lanes, logFactor: Lanes, residual: Lanes) {
        let residual = z - y
        return (0.5 * residual * residual, Lanes(repeating: 1), residual)
    }
}

/// Log-loss of the sigmoid, computed without overflow: with `t = e^-|z|`,
/// `-log(sigmoid(z)) = log(1 + t) + max(-z, 0)`, so the loss
/// `-y log f - (1 - y) log(1 - f) = log(1 + t) + max(z, 0) - y z`, and `f = 1 / (1 + t)` for
/// `z >= 0`, `t / (1 + t)` otherwise; the residual is `f - y`.
///
/// `1 + t` (between 1 and 2) is returned as the log factor, so the pass needs one `exp` per
/// example but only one `log` per block: a product of 16 such factors per lane stays below 2^16,
/// and its logarithm is as accurate as the sum of the 16 logarithms.
enum SigmoidLogLoss: ScoreLoss {
    static var hasLogFactor: Bool { true }

    @inline(__always)
    static func evaluate(score z: Double, target y: Double) -> (loss: Double, logFactor: Double, residual: Double) {
        let t = exp(-abs(z))
        let probability = z >= 0 ? 1 / (1 + t) : t / (1 + t)
        return (max(z, 0) - y * z, 1 + t, probability - y)
    }

    @inline(__always)
    static func evaluate(scores z: Lanes, targets y: Lanes) -> (loss: Lanes, logFactor: Lanes, residual: Lanes) {
        let e0 = evaluate(score: z[0], target: y[0]), e1 = evaluate(score: z[1], target: y[1])
        let e2 = evaluate(score: z[2], target: y[2]), e3 = evaluate(score: z[3], target: y[3])
        return (Lanes(e0.loss, e1.loss, e2.loss, e3.loss),
                Lanes(e0.logFactor, e1.logFactor, e2.logFactor, e3.logFactor),
                Lanes(e0.residual, e1.residual, e2.residual, e3.residual))
    }
}

// MARK: - The hot loop

// The model reads X once per iteration: prediction, residual and gradient accumulation happen in a
// single pass over blocks of 64 rows. For each block:
//   1. scores z = X w + b, four rows at a time (four rows share each load of w, and their four
//      dot products are independent, which keeps the SIMD units busy);
//   2. losses and residuals for the whole block, four lanes at a time; the iterations are
//      independent, so the long dependency chains of the logistic exp/log polynomials overlap
//      instead of stalling each row;
//   3. gradient += residual_i * x_i, four rows per load/store of the gradient.
// A block (64 rows x 20 features = 10 KB) is still in L1 cache when step 3 reads it again.

typealias Lanes = SIMD4<Double>
private typealias Lane = Lanes

/// Rows per block: a multiple of 4, small enough that a block of X stays in L1 cache.
private let blockRows = 64

@inline(__always)
private func load(_ pointer: UnsafePointer<Double>) -> Lane {
    UnsafeRawPointer(pointer).loadUnaligned(as: Lane.self)
}

@inline(__always)
private func load(_ pointer: UnsafeMutablePointer<Double>) -> Lane {
    UnsafeRawPointer(pointer).loadUnaligned(as: Lane.self)
}

@inline(__always)
private func store(_ value: Lane, _ pointer: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Lane.self)
}

@inline(__always)
private func add(_ value: Lane, to pointer: UnsafeMutablePointer<Double>) {
    store(load(pointer) + value, pointer)
}

/// Sums the loss and the residual over `rows` and adds `sum residual_i * x_i` into `gradient`.
///
/// `x` is row-major with `columns` columns; `gradient` has `columns` elements.
/// Complexity: O(rows.count * columns), one read of each row of X from memory.
@inline(__always)
func fusedPass<Loss: ScoreLoss>(
    _: Loss.Type, x: UnsafePointer<Double>, y: UnsafePointer<Double>, columns n: Int, rows: Range<Int>,
    weights w: UnsafePointer<Double>, bias b: Double, gradient g: UnsafeMutablePointer<Double>
) -> (lossSum: Double, residualSum: Double) {
    // Loss and residual sums are kept per lane and reduced once at the end.
    var lossLanes = Lane()
    var residualLanes = Lane()
    let vectorEnd = n & ~3
    let groupedEnd = rows.lowerBound + (rows.count & ~3)
    withUnsafeTemporaryAllocation(of: Double.self, capacity: blockRows) { blockBuffer in
        let buffer = blockBuffer.baseAddress!
        var blockStart = rows.lowerBound
        while blockStart < groupedEnd {
            let blockEnd = min(blockStart + blockRows, groupedEnd)
            // 1. Scores.
            var i = blockStart
            while i < blockEnd {
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
                store(Lane(z0, z1, z2, z3) + b, buffer + (i - blockStart))
                i += 4
            }
            // 2. Losses and residuals (the residuals replace the scores in the buffer).
            var factors = Lane(repeating: 1)
            i = blockStart
            while i < blockEnd {
                let slot = buffer + (i - blockStart)
                let (losses, logFactors, residuals) = Loss.evaluate(scores: load(slot), targets: load(y + i))
                lossLanes += losses
                factors *= logFactors
                residualLanes += residuals
                store(residuals, slot)
                i += 4
            }
            if Loss.hasLogFactor {
                lossLanes += Lane(log(factors[0]), log(factors[1]), log(factors[2]), log(factors[3]))
            }
            // 3. Gradient.
            i = blockStart
            while i < blockEnd {
                let x0 = x + i * n, x1 = x0 + n, x2 = x1 + n, x3 = x2 + n
                let slot = buffer + (i - blockStart)
                let e0 = slot[0], e1 = slot[1], e2 = slot[2], e3 = slot[3]
                let r0 = Lane(repeating: e0), r1 = Lane(repeating: e1)
                let r2 = Lane(repeating: e2), r3 = Lane(repeating: e3)
                var j = 0
                while j < vectorEnd {
                    add((load(x0 + j) * r0 + load(x1 + j) * r1) + (load(x2 + j) * r2 + load(x3 + j) * r3), to: g + j)
                    j += 4
                }
                while j < n {
                    g[j] += (x0[j] * e0 + x1[j] * e1) + (x2[j] * e2 + x3[j] * e3)
                    j += 1
                }
                i += 4
            }
            blockStart = blockEnd
        }
    }
    var lossSum = lossLanes.sum()
    var residualSum = residualLanes.sum()
    // The last rows (fewer than four) go through the same four-lane loss, padded with zeros.
    for i in groupedEnd..<rows.upperBound {
        let xi = x + i * n
        var z = b
        for j in 0..<n { z += xi[j] * w[j] }
        let (losses, logFactors, residuals) = Loss.evaluate(scores: Lane(z, 0, 0, 0), targets: Lane(y[i], 0, 0, 0))
        lossSum += Loss.hasLogFactor ? losses[0] + log(logFactors[0]) : losses[0]
        residualSum += residuals[0]
        for j in 0..<n { g[j] += residuals[0] * xi[j] }
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
