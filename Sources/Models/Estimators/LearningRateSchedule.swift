/// How the learning rate changes as stochastic gradient descent makes updates.
public enum LearningRateSchedule: Sendable, Equatable {
    /// The same rate for every update.
    case constant
    /// `alpha_t = alpha_0 / (1 + decay * t)`, where `t` counts the updates made so far
    /// (0 for the first). Large early steps make fast progress; shrinking later ones calm the noise
    /// of stochastic updates near the minimum.
    case inverseScaling(decay: Double)

    /// The rate for update `t` given the initial rate `alpha_0`.
    public func rate(initial: Double, update t: Int) -> Double {
        // excerpt: learning-rate-decay
        switch self {
        case .constant: return initial
        case .inverseScaling(let decay): return initial / (1 + decay * Double(t))
        }
        // end excerpt
    }
}

/// How many examples each stochastic gradient descent update looks at.
public enum BatchMode: Sendable, Equatable {
    /// All m examples per update: one update per epoch (batch gradient descent).
    case batch
    /// `size` examples per update (the last batch of an epoch may be smaller).
    case miniBatch(size: Int)
    /// One example per update: m updates per epoch.
    case stochastic

    /// The batch size for `rows` examples.
    func size(rows: Int) -> Int {
        switch self {
        case .batch: return rows
        case .miniBatch(let size): return min(size, rows)
        case .stochastic: return 1
        }
    }
}
