/// The parameters of a model at one step of training.
public struct ParameterSnapshot: Sendable, Equatable {
    /// The number of updates made before these parameters (0 = the initial parameters).
    public let step: Int
    /// The weights. For a multinomial model, the `k x n` weight matrix flattened row by row
    /// (class by class).
    public let weights: [Double]
    /// The intercepts: one for linear and binary logistic regression, `k` for softmax.
    public let intercepts: [Double]

    /// The (first) intercept `b`: the bias of a linear or binary model.
    public var bias: Double { intercepts[0] }

    public init(step: Int, weights: [Double], intercepts: [Double]) {
        self.step = step
        self.weights = weights
        self.intercepts = intercepts
    }
}

/// Why gradient descent stopped early because training blew up.
///
/// A divergence is a *result*, not an error: the fitted model keeps the last finite parameters and
/// the history up to there, so a chart can show the cost escalating.
public struct Divergence: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The cost became NaN or infinite (typically overflow after a few exploding steps).
        case nonFiniteCost
        /// The gradient became NaN or infinite while the cost was still finite.
        case nonFiniteGradient
        /// The cost grew beyond `factor` times the initial cost.
        case costExploded(factor: Double)
    }

    /// The step (number of updates made) at which the problem was detected.
    public let step: Int
    /// What went wrong.
    public let reason: Reason
    /// The offending cost (may be NaN or infinite).
    public let cost: Double

    public var description: String {
        switch reason {
        case .nonFiniteCost:
            return "diverged at step \(step): the cost became \(cost); the learning rate is too large"
        case .nonFiniteGradient:
            return "diverged at step \(step): the gradient became non-finite; the learning rate is too large"
        case .costExploded(let factor):
            return "diverged at step \(step): the cost \(cost) exceeds \(factor) x the initial cost; the learning rate is too large"
        }
    }
}

/// Why training ended.
public enum StopReason: Sendable, Equatable {
    /// All requested iterations (or epochs) ran.
    case completed
    /// The change in cost fell below the tolerance at this step.
    case converged(step: Int)
    /// Training blew up (see `Divergence`).
    case diverged(Divergence)
}

/// What gradient descent did, step by step; the report's charts are drawn from it.
///
/// Entry `t` of `costs` and `gradientNorms` describes the parameters after `t` updates, so entry 0
/// is the initial parameters and, after `T` completed iterations, there are `T + 1` entries. The
/// parameter `path` is recorded every `pathStride` steps (1 unless the run is longer than the
/// estimator's `maxPathLength`, in which case it is evenly subsampled) and always ends with the
/// final parameters; each snapshot carries its `step`.
public struct TrainingHistory: Sendable, Equatable {
    /// The cost J at each step (`costs[0]` at the initial parameters).
    public internal(set) var costs: [Double] = []
    /// The Euclidean norm of the full gradient (weights and intercepts) at each step.
    public internal(set) var gradientNorms: [Double] = []
    /// The parameters at every `pathStride`-th step, plus the final ones.
    public internal(set) var path: [ParameterSnapshot] = []
    /// The spacing of `path` in steps.
    public let pathStride: Int
    /// Why training ended.
    public internal(set) var stopReason: StopReason = .completed

    public init(pathStride: Int) {
        self.pathStride = pathStride
    }

    /// True when training stopped because the cost became non-finite or exploded.
    public var diverged: Bool { divergence != nil }

    /// The divergence, if training blew up.
    public var divergence: Divergence? {
        if case .diverged(let divergence) = stopReason { return divergence }
        return nil
    }

    /// The number of updates made (the step of the last recorded entry).
    public var stepsRun: Int { max(0, costs.count - 1) }

    /// The last recorded cost (NaN when nothing was recorded).
    public var finalCost: Double { costs.last ?? .nan }

    /// The first step whose cost is at most `target` (e.g. to compare how fast scaled and unscaled
    /// features reach the same cost), or nil if training never got there.
    public func firstStep(reachingCost target: Double) -> Int? {
        costs.firstIndex { $0 <= target }
    }

    /// The path of one weight: `(step, w_feature)` for every snapshot, for drawing a descent path.
    public func weightPath(feature: Int) -> [(step: Int, weight: Double)] {
        path.map { ($0.step, $0.weights[feature]) }
    }
}

/// The stopping rules shared by all gradient-descent trainers.
struct StoppingRules: Sendable {
    /// Stop as converged when |J(t-1) - J(t)| <= tolerance (nil disables).
    var tolerance: Double?
    /// Stop as diverged when J(t) > explosionFactor * J(0).
    var explosionFactor: Double
}

/// Records a `TrainingHistory` while a trainer runs and applies the stopping rules.
struct HistoryRecorder {
    private(set) var history: TrainingHistory
    private let rules: StoppingRules
    private var initialCost: Double = .nan

    /// - Parameters:
    ///   - plannedSteps: the number of updates the trainer intends to make.
    ///   - maxPathLength: the most snapshots to keep (>= 2).
    init(plannedSteps: Int, maxPathLength: Int, rules: StoppingRules) {
        // Steps 0, s, 2s, ... plus the final step must fit in maxPathLength snapshots.
        let stride = plannedSteps < maxPathLength
            ? 1 : (plannedSteps + maxPathLength - 3) / max(1, maxPathLength - 2)
        history = TrainingHistory(pathStride: stride)
        self.rules = rules
    }

    /// What the trainer should do after recording a step.
    enum Verdict { case proceed, stop }

    /// How a run ends: the step whose parameters the model keeps, and whether the trainer must first
    /// put back the previous step's parameters.
    struct RunEnd {
        let finalStep: Int
        let restoresPreviousParameters: Bool
    }

    /// How the run ends after `record` returned `verdict` at `step`, or nil to make another update.
    /// A stop at a step that was not recorded (non-finite cost or gradient) ends one step back, on
    /// the last finite parameters; any other stop, or reaching `lastStep`, ends at `step`.
    func end(after verdict: Verdict, at step: Int, lastStep: Int) -> RunEnd? {
        if verdict == .stop {
            let unrecorded = history.costs.count == step
            return RunEnd(finalStep: unrecorded ? max(0, step - 1) : step, restoresPreviousParameters: unrecorded)
        }
        return step == lastStep ? RunEnd(finalStep: step, restoresPreviousParameters: false) : nil
    }

    /// Records the cost and gradient norm at `step` (parameters after `step` updates) and decides
    /// whether to go on. On a non-finite cost or gradient nothing is recorded, the trainer must keep
    /// the previous parameters, and `finish` is given those.
    mutating func record(step: Int, cost: Double, gradientNorm: Double,
                         weights: UnsafeBufferPointer<Double>, intercepts: UnsafeBufferPointer<Double>) -> Verdict {
        if !cost.isFinite {
            history.stopReason = .diverged(Divergence(step: step, reason: .nonFiniteCost, cost: cost))
            return .stop
        }
        if !gradientNorm.isFinite {
            history.stopReason = .diverged(Divergence(step: step, reason: .nonFiniteGradient, cost: cost))
            return .stop
        }
        if step == 0 { initialCost = cost }
        history.costs.append(cost)
        history.gradientNorms.append(gradientNorm)
        if step % history.pathStride == 0 {
            history.path.append(ParameterSnapshot(step: step, weights: Array(weights), intercepts: Array(intercepts)))
        }
        if step > 0, initialCost > 0, cost > rules.explosionFactor * initialCost {
            history.stopReason = .diverged(Divergence(
                step: step, reason: .costExploded(factor: rules.explosionFactor), cost: cost))
            return .stop
        }
        if step > 0, let tolerance = rules.tolerance {
            let previous = history.costs[history.costs.count - 2]
            if abs(previous - cost) <= tolerance {
                history.stopReason = .converged(step: step)
                return .stop
            }
        }
        return .proceed
    }

    /// Makes sure the path ends with the final parameters (those the fitted model keeps).
    mutating func finish(finalStep: Int, weights: [Double], intercepts: [Double]) -> TrainingHistory {
        if history.path.last?.step != finalStep {
            history.path.append(ParameterSnapshot(step: finalStep, weights: weights, intercepts: intercepts))
        }
        return history
    }
}

/// Validates the hyperparameters every gradient-descent trainer shares.
func checkGradientDescentSettings(learningRate: Double, tolerance: Double?, explosionFactor: Double,
                                  maxPathLength: Int) throws {
    try InputValidation.require(learningRate.isFinite && learningRate > 0, "learningRate", learningRate,
                                "must be a positive finite number")
    if let tolerance {
        try InputValidation.require(tolerance.isFinite && tolerance >= 0, "tolerance", tolerance,
                                    "must be a non-negative finite number (or nil to run every iteration)")
    }
    try InputValidation.require(explosionFactor > 1, "explosionFactor", explosionFactor,
                                "must be greater than 1")
    try InputValidation.require(maxPathLength >= 2, "maxPathLength", maxPathLength,
                                "must keep at least the first and last parameters (>= 2)")
}

/// Validates the settings of a full-batch gradient-descent trainer: the shared ones, the iteration
/// count, and the L2 penalty (0 for a trainer without one).
func checkFullBatchDescentSettings(learningRate: Double, iterations: Int, regularization: Double = 0,
                                   tolerance: Double?, explosionFactor: Double, maxPathLength: Int) throws {
    try checkGradientDescentSettings(learningRate: learningRate, tolerance: tolerance,
                                     explosionFactor: explosionFactor, maxPathLength: maxPathLength)
    try InputValidation.require(iterations >= 0, "iterations", iterations, "must be 0 or more")
    try InputValidation.require(regularization.isFinite && regularization >= 0, "regularization",
                                regularization, "must be a finite number >= 0")
}
