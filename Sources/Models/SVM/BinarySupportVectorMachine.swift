import Dispatch
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One trained two-class support vector machine:
/// `f(x) = sum_s coef_s k(sv_s, x) + b`, with `coef_s = alpha_s y_s` over the support vectors only.
///
/// Points with `f(x) > 0` belong to `positiveClass`, the others to `negativeClass`.
public struct BinarySupportVectorMachine: Sendable {
    /// The label the machine calls -1.
    public let negativeClass: Int
    /// The label the machine calls +1 (the larger label, as in scikit-learn).
    public let positiveClass: Int
    /// The kernel with its parameters fixed (gamma resolved).
    public let kernel: KernelFunction
    /// Regularisation strength the machine was trained with.
    public let c: Double
    /// Indices into the training rows of the points with a non-zero multiplier, ascending.
    public let supportIndices: [Int]
    /// The support vectors themselves, one per row, in the order of `supportIndices`.
    public let supportVectors: Matrix
    /// `alpha_s * y_s` for each support vector: positive for the positive class. A magnitude equal
    /// to `c` marks a point inside the margin or misclassified (a "bounded" support vector).
    public let dualCoefficients: [Double]
    /// The intercept `b`.
    public let intercept: Double
    /// SMO iterations used, and whether the KKT gap fell below the tolerance.
    public let iterations: Int
    /// Whether SMO met the tolerance before `maxIterations`.
    public let converged: Bool
    /// The dual objective `1/2 a'Qa - sum(a)` at the solution.
    public let dualObjective: Double
    /// The sigmoid that maps a decision value to the probability of `positiveClass`, fitted on the
    /// training decision values.
    public let probabilityModel: PlattScaling

    /// The weight vector `w = sum_s coef_s sv_s` of a linear machine (`nil` for other kernels),
    /// so that `f(x) = w . x + b`.
    public var weights: [Double]? {
        guard kernel == .linear else { return nil }
        var w = [Double](repeating: 0, count: supportVectors.columns)
        for s in 0..<supportVectors.rows {
            for k in 0..<supportVectors.columns {
                w[k] += dualCoefficients[s] * supportVectors[s, k]
            }
        }
        return w
    }

    /// The width `2 / ||w||` of the band between the margin lines `f(x) = -1` and `f(x) = +1` of a
    /// linear machine (`nil` for other kernels or a zero weight vector).
    public var marginWidth: Double? {
        guard let w = weights else { return nil }
        let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? 2 / norm : nil
    }

    /// The decision value `f(x)` for every row of `x`, summed over the support vectors only.
    /// Rows are split into fixed chunks evaluated on all cores; each value is computed the same way
    /// whatever the chunking, so the result is deterministic.
    ///
    /// - Throws: `shapeMismatch` when `x` has a different number of columns than the training
    ///   data, `emptyInput` for no rows, `nonFinite` for NaN or infinity.
    public func decisionFunction(_ x: Matrix) throws -> [Double] {
        try InputValidation.checkPrediction(x, featureCount: supportVectors.columns)
        return decisionValues(unchecked: x)
    }

    /// `decisionFunction` without input checks (the caller has validated `x`).
    func decisionValues(unchecked x: Matrix) -> [Double] {
        let rows = x.rows
        guard rows > 0 else { return [] }
        var out = [Double](repeating: 0, count: rows)
        let chunkSize = 512
        let chunks = (rows + chunkSize - 1) / chunkSize
        let columns = x.columns
        x.storage.withUnsafeBufferPointer { xp in
            out.withUnsafeMutableBufferPointer { op in
                // Chunks write disjoint ranges of `out`, so sharing the pointers is safe.
                nonisolated(unsafe) let xBase = xp.baseAddress!
                nonisolated(unsafe) let outBase = op.baseAddress!
                let machine = self
                if chunks <= 1 {
                    machine.evaluate(xBase, rows: rows, into: outBase)
                } else {
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        let start = chunk * chunkSize
                        let end = min(rows, start + chunkSize)
                        machine.evaluate(xBase + start * columns, rows: end - start, into: outBase + start)
                    }
                }
            }
        }
        return out
    }

    /// `f` for `rows` contiguous points starting at `x`.
    private func evaluate(_ x: UnsafePointer<Double>, rows: Int, into out: UnsafeMutablePointer<Double>) {
        let dimension = supportVectors.columns
        let count = supportVectors.rows
        let kernel = self.kernel
        let b = intercept
        supportVectors.storage.withUnsafeBufferPointer { svp in
            dualCoefficients.withUnsafeBufferPointer { cp in
                let sv = svp.baseAddress!, coef = cp.baseAddress!
                if case .rbf(let gamma) = kernel, dimension == 2 {
                    // The 2-D teaching case (decision regions on a grid), unrolled.
                    for r in 0..<rows {
                        let x0 = x[2 * r], x1 = x[2 * r + 1]
                        var sum = 0.0
                        for s in 0..<count {
                            let d0 = x0 - sv[2 * s], d1 = x1 - sv[2 * s + 1]
                            sum += coef[s] * exp(-gamma * (d0 * d0 + d1 * d1))
                        }
                        out[r] = sum + b
                    }
                } else {
                    for r in 0..<rows {
                        let point = x + r * dimension
                        var sum = 0.0
                        for s in 0..<count {
                            sum += coef[s] * kernel.evaluate(point, sv + s * dimension, count: dimension)
                        }
                        out[r] = sum + b
                    }
                }
            }
        }
    }
}
