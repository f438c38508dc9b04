#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

// excerpt: softmax
/// The softmax of a score vector: `p_c = e^(z_c) / sum_k e^(z_k)`, probabilities that sum to 1.
///
/// The largest score is subtracted first (which does not change the result) so that `e^z` never
/// overflows: `softmax([1000, 1000]) == [0.5, 0.5]`.
public func softmax(_ scores: [Double]) -> [Double] {
    guard let largest = scores.max() else { return [] }
    let exponentials = scores.map { exp($0 - largest) }
    let total = exponentials.reduce(0, +)
    return exponentials.map { $0 / total }
}
// end excerpt

/// One example's softmax cross-entropy `-log p_label` for `scores` (z_0 ... z_{k-1}), computed as
/// `log sum_k e^(z_k - max) + max - z_label` (never the log of 0); its derivative with respect to
/// each score, `p_c - [c == label]`, is written into `residuals`.
@inline(__always)
func softmaxCrossEntropy(scores: UnsafeMutablePointer<Double>, classCount k: Int, label: Int,
                         residuals: UnsafeMutablePointer<Double>) -> Double {
    var largest = scores[0]
    for c in 1..<k where scores[c] > largest { largest = scores[c] }
    var total = 0.0
    for c in 0..<k {
        let e = exp(scores[c] - largest)
        residuals[c] = e
        total += e
    }
    for c in 0..<k { residuals[c] /= total }
    residuals[label] -= 1
    return log(total) + largest - scores[label]
}
