/// What happened during training, one entry per completed epoch (the charts are drawn from it).
///
/// The training loss of an epoch is the mean data loss of its mini-batches, each measured just
/// before its update (as scikit-learn's `loss_curve_` and most frameworks report it), so it costs
/// no extra pass; the validation loss is measured on the validation rows at the end of the epoch.
/// Both are data losses without the L2 penalty, so the two curves are comparable.
public struct NetworkTrainingHistory: Sendable, Equatable {
    /// Mean training loss of each epoch.
    public var trainingLoss: [Double] = []
    /// Mean loss on the validation rows after each epoch (empty without validation data).
    public var validationLoss: [Double] = []
    /// Fraction of training rows classified correctly during each epoch (classifiers only).
    public var trainingAccuracy: [Double] = []
    /// Fraction of validation rows classified correctly after each epoch (classifiers with
    /// validation data only).
    public var validationAccuracy: [Double] = []
    /// True when the loss became NaN or infinite and training stopped early (e.g. a learning rate
    /// far too large); the last entry is the non-finite loss.
    public var diverged = false
    /// True when the early-stopping rule ended training before the last epoch.
    public var stoppedEarly = false

    /// The number of epochs recorded.
    public var epochs: Int { trainingLoss.count }
}

/// A copy of the network taken during training, for drawing how the model evolves.
public struct NetworkSnapshot: Sendable, Equatable {
    /// Epochs completed when the copy was taken (0 = the initial weights).
    public let epoch: Int
    /// The network (architecture and parameters) at that epoch.
    public let network: NeuralNetwork
}

/// When to take snapshots of the network during training.
public enum SnapshotSchedule: Sendable, Equatable {
    /// None.
    case none
    /// After epochs `n, 2n, 3n, ...`.
    case every(Int)
    /// After the listed epochs; 0 means the initial weights.
    case at([Int])

    func includes(epoch: Int) -> Bool {
        switch self {
        case .none: return false
        case .every(let n): return n > 0 && epoch > 0 && epoch % n == 0
        case .at(let epochs): return epochs.contains(epoch)
        }
    }
}

/// When to stop training before the last epoch: after `patience` epochs in a row whose training
/// loss is not at least `tolerance` below the best loss so far.
public struct EarlyStopping: Sendable, Equatable {
    /// The improvement of the training loss that counts as progress.
    public var tolerance: Double
    /// Epochs in a row without progress before training stops.
    public var patience: Int

    /// scikit-learn's defaults are `tolerance: 1e-4, patience: 10`.
    public init(tolerance: Double = 1e-4, patience: Int = 10) {
        self.tolerance = tolerance
        self.patience = patience
    }
}
