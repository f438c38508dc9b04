/// How the k neighbours' votes (or values) are weighted in a k-NN prediction.
public enum NeighborWeights: String, Sendable, CaseIterable, Hashable {
    /// Every neighbour counts the same.
    case uniform
    /// A neighbour counts 1 / distance, so closer points matter more. As in scikit-learn, when
    /// some neighbours sit exactly on the query (distance 0) they share the whole vote and the
    /// others count nothing.
    case distance
}
