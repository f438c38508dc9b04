#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

// excerpt: sigmoid
/// The logistic function g(z) = 1 / (1 + e^-z), mapping any score to a probability in (0, 1).
///
/// Evaluated so that `e^x` never overflows: for negative z it uses the equal form e^z / (1 + e^z).
/// `sigmoid(0) == 0.5`.
public func sigmoid(_ z: Double) -> Double {
    if z >= 0 {
        return 1 / (1 + exp(-z))
    }
    let t = exp(z)
    return t / (1 + t)
}
// end excerpt

/// The binary log-loss of one example with score `z` and label `y` (0 or 1):
/// `-y log g(z) - (1 - y) log(1 - g(z))`, computed without ever taking the log of 0
/// (`-log g(z) = log(1 + e^-z)`, evaluated as `log1p(e^-|z|) + max(-z, 0)`).
public func logisticLoss(score z: Double, label y: Double) -> Double {
    log1p(exp(-abs(z))) + max(z, 0) - y * z
}
