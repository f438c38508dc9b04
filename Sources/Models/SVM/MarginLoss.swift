#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Losses of a binary classifier written as functions of the margin `m = y * f(x)` with
/// `y` in {-1, +1}: positive when the example is on the right side, large when it is far on it.
///
/// The SVM chapter plots them side by side: the hinge loss is exactly zero once `m >= 1`
/// (which is why only the support vectors matter), while the logistic loss never quite reaches zero.
public enum MarginLoss {
    /// The hinge loss `max(0, 1 - m)` that the soft-margin SVM minimises.
    ///
    /// ```swift
    /// MarginLoss.hinge(margin: 0.25)   // 0.75
    /// MarginLoss.hinge(margin: 2)      // 0
    /// ```
    public static func hinge(margin: Double) -> Double {
        max(0, 1 - margin)
    }

    /// The logistic (log-) loss `log(1 + exp(-m))` of logistic regression, in nats, computed
    /// without overflow for large `|m|`.
    public static func logistic(margin: Double) -> Double {
        // log(1 + e^-m) = max(-m, 0) + log(1 + e^-|m|)
        max(-margin, 0) + log1p(exp(-abs(margin)))
    }

    /// The logistic loss in bits, `log2(1 + exp(-m))`, which passes through 1 at `m = 0` like the
    /// hinge loss, so the two curves are drawn on the same footing.
    public static func logisticBits(margin: Double) -> Double {
        logistic(margin: margin) / M_LN2
    }

    /// The mean hinge loss of decision values `scores` against labels `y` in {-1, +1}.
    ///
    /// - Throws: `ModelError.emptyInput` for no scores, `ModelError.shapeMismatch` when the
    ///   counts differ, `ModelError.invalidHyperparameter` for a label other than -1 or +1.
    public static func meanHinge(scores: [Double], labels y: [Double]) throws -> Double {
        guard !scores.isEmpty else { throw ModelError.emptyInput("no scores to compute a hinge loss of") }
        guard scores.count == y.count else {
            throw ModelError.shapeMismatch("\(scores.count) scores but \(y.count) labels")
        }
        var total = 0.0
        for (score, label) in zip(scores, y) {
            guard label == 1 || label == -1 else {
                throw ModelError.invalidHyperparameter(
                    name: "label", value: "\(label)", reason: "hinge-loss labels must be -1 or +1")
            }
            total += hinge(margin: label * score)
        }
        return total / Double(scores.count)
    }
}
