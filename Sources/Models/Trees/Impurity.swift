#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// How a classification tree measures the impurity (mixedness) of a node's labels.
public enum SplitCriterion: String, Sendable, CaseIterable, Hashable {
    /// Gini impurity 1 - sum p_k^2: the chance two random draws from the node disagree.
    case gini
    /// Entropy -sum p_k log2 p_k, in bits (as scikit-learn's "entropy"/"log_loss" criterion).
    case entropy

    /// The impurity of a node with these class counts (all >= 0, not all zero).
    public func impurity(counts: [Double]) -> Double {
        switch self {
        case .gini: return Models.gini(counts: counts)
        case .entropy: return Models.entropy(counts: counts)
        }
    }
}

/// The entropy, in bits, of a two-class node whose positive fraction is `p`:
/// H(p) = -p log2 p - (1 - p) log2(1 - p), with 0 log2 0 = 0.
///
/// ```swift
/// entropy(0.5)  // 1
/// entropy(0)    // 0
/// ```
/// - Precondition: `p` in [0, 1].
public func entropy(_ p: Double) -> Double {
    precondition(p >= 0 && p <= 1, "p must be a probability in [0, 1]")
    return entropy(counts: [p, 1 - p])
}

/// The Gini impurity of a two-class node whose positive fraction is `p`: 1 - p^2 - (1 - p)^2,
/// which equals 2 p (1 - p).
///
/// ```swift
/// gini(0.5)  // 0.5
/// ```
/// - Precondition: `p` in [0, 1].
public func gini(_ p: Double) -> Double {
    precondition(p >= 0 && p <= 1, "p must be a probability in [0, 1]")
    return gini(counts: [p, 1 - p])
}

/// The entropy in bits of a node with these class counts (or fractions); empty classes add 0.
public func entropy(counts: [Double]) -> Double {
    let total = counts.reduce(0, +)
    guard total > 0 else { return 0 }
    var sum = 0.0
    for count in counts where count > 0 {
        let fraction = count / total
        sum -= fraction * log2(fraction)
    }
    return sum
}

/// The Gini impurity of a node with these class counts (or fractions).
public func gini(counts: [Double]) -> Double {
    let total = counts.reduce(0, +)
    guard total > 0 else { return 0 }
    var sumOfSquares = 0.0
    for count in counts { sumOfSquares += (count / total) * (count / total) }
    return 1 - sumOfSquares
}
