/// How k-NN finds the nearest training points. Every algorithm returns exactly the same neighbours
/// (same order, same ties); they differ only in speed.
public enum NeighborSearchAlgorithm: String, Sendable, CaseIterable, Hashable {
    /// Measure the distance to every training point: O(n d) per query, best for few points or
    /// many dimensions.
    case bruteForce
    /// A k-d tree over the training points: about O(log n) per query in low dimensions.
    case kdTree
    /// The k-d tree when it pays off (at most 15 features, at least 64 training rows and k below
    /// half of them, the rule of thumb scikit-learn uses), brute force otherwise.
    case auto

    /// The concrete algorithm for a training set of `rows` x `columns` and a given k.
    func resolved(rows: Int, columns: Int, k: Int) -> NeighborSearchAlgorithm {
        switch self {
        case .bruteForce, .kdTree: return self
        case .auto:
            return columns <= 15 && rows >= 64 && k < rows / 2 ? .kdTree : .bruteForce
        }
    }
}
