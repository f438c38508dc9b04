#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The non-linearity a hidden layer applies to each of its weighted sums `z`.
///
/// Without one, stacked layers would collapse into a single linear map.
public enum Activation: String, Sendable, CaseIterable {
    /// `1 / (1 + e^-z)`, squashing to (0, 1); saturates (tiny slope) for large `|z|`.
    case sigmoid
    /// `tanh z`, squashing to (-1, 1), zero-centred.
    case tanh
    /// `max(0, z)`: cheap, does not saturate for `z > 0`, but a unit stuck below 0 stops learning.
    case relu
    /// `z` itself (no non-linearity); used for a regression output.
    case identity

    /// The activation at `z`.
    @inline(__always)
    public func value(_ z: Double) -> Double {
        switch self {
        case .sigmoid: return Self.logistic(z)
        case .tanh: return hyperbolicTangent(z)
        case .relu: return z > 0 ? z : 0
        case .identity: return z
        }
    }

    /// The derivative `da/dz` at `z` (for ReLU, 0 at `z = 0`).
    public func derivative(_ z: Double) -> Double {
        derivative(fromOutput: value(z))
    }

    /// The derivative written through the activation's own output `a = f(z)`, which is what
    /// backpropagation has at hand: `a(1 - a)`, `1 - a^2`, `a > 0 ? 1 : 0`, `1`.
    @inline(__always)
    func derivative(fromOutput a: Double) -> Double {
        switch self {
        case .sigmoid: return a * (1 - a)
        case .tanh: return 1 - a * a
        case .relu: return a > 0 ? 1 : 0
        case .identity: return 1
        }
    }

    /// Applies the activation in place to `count` values.
    func apply(_ values: UnsafeMutablePointer<Double>, count: Int) {
        switch self {
        case .sigmoid: for t in 0..<count { values[t] = Self.logistic(values[t]) }
        case .tanh: for t in 0..<count { values[t] = hyperbolicTangent(values[t]) }
        // Branch-free selects: about half the units of a ReLU layer are off, in no predictable
        // pattern, so a branch per element would mispredict constantly.
        case .relu:
            for t in 0..<count {
                let v = values[t]
                values[t] = v > 0 ? v : 0
            }
        case .identity: break
        }
    }

    /// Multiplies `delta` in place by the derivative, given the layer's outputs `a`.
    func multiplyByDerivative(_ delta: UnsafeMutablePointer<Double>, outputs a: UnsafePointer<Double>, count: Int) {
        switch self {
        case .sigmoid: for t in 0..<count { delta[t] *= a[t] * (1 - a[t]) }
        case .tanh: for t in 0..<count { delta[t] *= 1 - a[t] * a[t] }
        case .relu:
            for t in 0..<count {
                let d = delta[t]  // loaded unconditionally so the select vectorises
                delta[t] = a[t] > 0 ? d : 0
            }
        case .identity: break
        }
    }

    /// The logistic function, evaluated without overflow on either side.
    @inline(__always)
    static func logistic(_ z: Double) -> Double {
        if z >= 0 { return 1 / (1 + exp(-z)) }
        let e = exp(z)
        return e / (1 + e)
    }
}

/// `tanh` from the C library (a free function, so it does not clash with `Activation.tanh`).
@inline(__always)
private func hyperbolicTangent(_ z: Double) -> Double { tanh(z) }
