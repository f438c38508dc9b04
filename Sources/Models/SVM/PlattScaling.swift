#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Turns an SVM decision value into a probability with a fitted sigmoid,
/// `P(positive | f) = 1 / (1 + exp(a f + b))` (Platt, 1999).
///
/// `a` and `b` minimise the cross-entropy against Platt's smoothed targets
/// `(N+ + 1) / (N+ + 2)` for positives and `1 / (N- + 2)` for negatives (which keeps a separable
/// training set from pushing the sigmoid to a step), by Newton's method with a backtracking line
/// search, as recommended by Lin, Lin and Weng (2007). LIBSVM fits on cross-validated decision
/// values; this fits on the training decision values, which is free but makes the probabilities
/// somewhat over-confident.
public struct PlattScaling: Sendable, Equatable {
    /// Slope (negative when larger decision values mean the positive class).
    public let a: Double
    /// Offset.
    public let b: Double

    public init(a: Double, b: Double) {
        self.a = a
        self.b = b
    }

    /// The probability of the positive class for decision value `f`.
    public func probability(_ f: Double) -> Double {
        let z = a * f + b
        // 1 / (1 + e^z) without overflow on either side.
        if z >= 0 {
            let e = exp(-z)
            return e / (1 + e)
        }
        return 1 / (1 + exp(z))
    }

    /// Fits the sigmoid to decision values and booleans (true = positive class).
    static func fit(decisionValues f: [Double], positive: [Bool]) -> PlattScaling {
        let positives = Double(positive.filter { $0 }.count)
        let negatives = Double(positive.count) - positives
        let high = (positives + 1) / (positives + 2), low = 1 / (negatives + 2)
        let targets = positive.map { $0 ? high : low }

        // Objective: sum_t [ (1 - t) z + log(1 + e^-z) ] with z = a f + b; written stably.
        func objective(_ a: Double, _ b: Double) -> Double {
            var sum = 0.0
            for k in f.indices {
                let z = a * f[k] + b
                sum += z >= 0 ? targets[k] * z + log1p(exp(-z)) : (targets[k] - 1) * z + log1p(exp(z))
            }
            return sum
        }

        var a = 0.0
        var b = log((negatives + 1) / (positives + 1))
        var value = objective(a, b)
        let sigma = 1e-12  // keeps the Hessian positive definite
        for _ in 0..<100 {
            // Gradient and Hessian of the objective in (a, b).
            var h11 = sigma, h22 = sigma, h21 = 0.0, g1 = 0.0, g2 = 0.0
            for k in f.indices {
                let z = a * f[k] + b
                let (p, q): (Double, Double) = z >= 0
                    ? (exp(-z) / (1 + exp(-z)), 1 / (1 + exp(-z)))
                    : (1 / (1 + exp(z)), exp(z) / (1 + exp(z)))
                let d2 = p * q
                h11 += f[k] * f[k] * d2
                h22 += d2
                h21 += f[k] * d2
                let d1 = targets[k] - p
                g1 += f[k] * d1
                g2 += d1
            }
            if abs(g1) < 1e-5 && abs(g2) < 1e-5 { break }
            let determinant = h11 * h22 - h21 * h21
            let da = -(h22 * g1 - h21 * g2) / determinant
            let db = -(-h21 * g1 + h11 * g2) / determinant
            let slope = g1 * da + g2 * db
            var step = 1.0
            var improved = false
            while step >= 1e-10 {
                let candidate = objective(a + step * da, b + step * db)
                if candidate < value + 1e-4 * step * slope {
                    a += step * da
                    b += step * db
                    value = candidate
                    improved = true
                    break
                }
                step /= 2
            }
            if !improved { break }
        }
        return PlattScaling(a: a, b: b)
    }
}
