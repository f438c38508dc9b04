/// The last layer of a network together with the loss it is trained on. Each pairing makes the
/// error signal at the output the simple difference `prediction - target`.
public enum OutputActivation: String, Sendable, CaseIterable {
    /// Softmax probabilities over K classes with cross-entropy `-sum_k y_k log p_k` (one-hot targets).
    case softmax
    /// One sigmoid probability of the positive class with binary cross-entropy
    /// `-(y log p + (1 - y) log(1 - p))` (targets 0 or 1).
    case sigmoid
    /// Unbounded outputs with the squared error `1/2 ||prediction - target||^2` (regression).
    case identity

    /// The name of the loss this output is trained with.
    public var lossName: String {
        switch self {
        case .softmax: return "cross-entropy"
        case .sigmoid: return "binary cross-entropy"
        case .identity: return "squared error"
        }
    }
}
