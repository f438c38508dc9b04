#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// How the width parameter `gamma` of a polynomial or RBF kernel is chosen.
public enum KernelGamma: Sendable, Equatable {
    /// `1 / (n_features * var(X))`, the variance taken over every element of the training matrix
    /// (scikit-learn's `gamma="scale"`); `1` if that variance is zero.
    case scale
    /// A fixed positive value.
    case value(Double)
}

/// The similarity a support vector machine uses in place of a dot product (the "kernel trick").
///
/// - `linear`: `k(x, z) = x . z`
/// - `polynomial`: `k(x, z) = (gamma * x . z + coef0)^degree`
/// - `rbf`: `k(x, z) = exp(-gamma * ||x - z||^2)`
///
/// Its gamma may be left to the data (`.scale`); `resolved(for:)` turns it into a
/// `KernelFunction` with concrete numbers.
public enum Kernel: Sendable, Equatable {
    case linear
    case polynomial(degree: Int = 3, gamma: KernelGamma = .scale, coef0: Double = 0)
    case rbf(gamma: KernelGamma = .scale)

    /// The kernel with every parameter fixed, gamma computed from `x` when it is `.scale`.
    ///
    /// - Throws: `ModelError.invalidHyperparameter` for a degree below 1, a non-positive or
    ///   non-finite gamma, or a non-finite coef0.
    public func resolved(for x: Matrix) throws -> KernelFunction {
        switch self {
        case .linear:
            return .linear
        case .polynomial(let degree, let gamma, let coef0):
            guard degree >= 1 else {
                throw ModelError.invalidHyperparameter(
                    name: "degree", value: "\(degree)", reason: "the polynomial degree must be at least 1")
            }
            guard coef0.isFinite else {
                throw ModelError.invalidHyperparameter(
                    name: "coef0", value: "\(coef0)", reason: "coef0 must be a finite number")
            }
            return .polynomial(degree: degree, gamma: try Kernel.resolve(gamma, x), coef0: coef0)
        case .rbf(let gamma):
            return .rbf(gamma: try Kernel.resolve(gamma, x))
        }
    }

    /// `1 / (n_features * var(X))` over all elements of `x`, or 1 when that variance is 0.
    public static func scaleGamma(for x: Matrix) -> Double {
        let count = Double(x.storage.count)
        guard count > 0 else { return 1 }
        var mean = 0.0
        for value in x.storage { mean += value }
        mean /= count
        var variance = 0.0
        for value in x.storage { variance += (value - mean) * (value - mean) }
        variance /= count
        return variance > 0 ? 1 / (Double(x.columns) * variance) : 1
    }

    private static func resolve(_ gamma: KernelGamma, _ x: Matrix) throws -> Double {
        switch gamma {
        case .scale:
            return scaleGamma(for: x)
        case .value(let value):
            guard value > 0, value.isFinite else {
                throw ModelError.invalidHyperparameter(
                    name: "gamma", value: "\(value)", reason: "gamma must be a positive, finite number")
            }
            return value
        }
    }
}

/// A kernel with all of its parameters fixed: the function the trained machine evaluates.
public enum KernelFunction: Sendable, Equatable {
    case linear
    case polynomial(degree: Int, gamma: Double, coef0: Double)
    case rbf(gamma: Double)

    /// `k(x, z)` for two equally long vectors.
    ///
    /// ```swift
    /// KernelFunction.rbf(gamma: 0.5).value([0, 0], [1, 1])   // exp(-1)
    /// ```
    public func value(_ x: [Double], _ z: [Double]) -> Double {
        precondition(x.count == z.count, "kernel arguments must have the same length")
        return x.withUnsafeBufferPointer { xp in
            z.withUnsafeBufferPointer { zp in
                evaluate(xp.baseAddress!, zp.baseAddress!, count: x.count)
            }
        }
    }

    /// `k(x, z)` over raw pointers to `count` elements each (the hot path of training and
    /// prediction).
    @inline(__always)
    func evaluate(_ x: UnsafePointer<Double>, _ z: UnsafePointer<Double>, count: Int) -> Double {
        switch self {
        case .linear:
            return Self.dot(x, z, count)
        case .polynomial(let degree, let gamma, let coef0):
            return Self.power(gamma * Self.dot(x, z, count) + coef0, degree)
        case .rbf(let gamma):
            var squared = 0.0
            for k in 0..<count {
                let d = x[k] - z[k]
                squared += d * d
            }
            return exp(-gamma * squared)
        }
    }

    /// `k(x, row_t)` for every row `t` of a row-major `rows x count` block, written to `out`.
    func evaluateRow(
        _ x: UnsafePointer<Double>, against block: UnsafePointer<Double>, rows: Int, count: Int,
        into out: UnsafeMutablePointer<Double>
    ) {
        switch self {
        case .rbf(let gamma) where count == 2:
            // The common 2-D teaching case, unrolled.
            let x0 = x[0], x1 = x[1]
            for t in 0..<rows {
                let d0 = x0 - block[2 * t], d1 = x1 - block[2 * t + 1]
                out[t] = exp(-gamma * (d0 * d0 + d1 * d1))
            }
        default:
            for t in 0..<rows {
                out[t] = evaluate(x, block + t * count, count: count)
            }
        }
    }

    @inline(__always)
    private static func dot(_ x: UnsafePointer<Double>, _ z: UnsafePointer<Double>, _ count: Int) -> Double {
        var sum = 0.0
        for k in 0..<count { sum += x[k] * z[k] }
        return sum
    }

    /// `base^exponent` by repeated squaring (exact for small integer degrees).
    @inline(__always)
    private static func power(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0, b = base, e = exponent
        while e > 0 {
            if e & 1 == 1 { result *= b }
            b *= b
            e >>= 1
        }
        return result
    }
}
