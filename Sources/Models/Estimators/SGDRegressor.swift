/// Linear regression trained by stochastic gradient descent on `J = 1/(2m) sum (w . x + b - y)^2`:
/// batch, mini-batch or stochastic updates, for a number of epochs (passes over the data), with the
/// examples shuffled by a seeded generator before each epoch.
///
/// ```swift
/// let sgd = SGDRegressor(mode: .miniBatch(size: 16), learningRate: 0.05,
///                        schedule: .inverseScaling(decay: 0.01), epochs: 50, seed: 7)
/// let model = try sgd.fit(XScaled, y)
/// model.history.epochCosts      // full-data cost after each epoch
/// model.history.updates.path    // parameters after each update, for contour charts
/// ```
///
/// The same seed gives the same model. `shuffle: false` visits the rows in their stored order every
/// epoch (the pitfall when the data are sorted).
/// Complexity: O(epochs * m * n).
public struct SGDRegressor: Regressor {
    /// Examples per update.
    public var mode: BatchMode
    /// The initial step size alpha_0 (> 0).
    public var learningRate: Double
    /// How the step size changes with the update count.
    public var schedule: LearningRateSchedule
    /// The number of passes over the data (>= 1).
    public var epochs: Int
    /// Shuffle the examples before every epoch.
    public var shuffle: Bool
    /// The seed of the shuffles.
    public var seed: UInt64
    /// Stop when the full-data cost changes by at most this much in one epoch (nil: run all epochs).
    public var tolerance: Double?
    /// The starting weights (nil: zeros).
    public var initialWeights: [Double]?
    /// The starting bias.
    public var initialBias: Double
    /// Training stops as diverged when an epoch's cost exceeds this multiple of the initial cost.
    public var explosionFactor: Double
    /// The most per-update parameter snapshots to keep; longer runs are evenly subsampled.
    public var maxPathLength: Int

    public init(mode: BatchMode = .stochastic, learningRate: Double = 0.01, schedule: LearningRateSchedule = .constant,
                epochs: Int = 100, shuffle: Bool = true, seed: UInt64 = 0, tolerance: Double? = nil,
                initialWeights: [Double]? = nil, initialBias: Double = 0, explosionFactor: Double = 1e3,
                maxPathLength: Int = 10_000) {
        self.mode = mode
        self.learningRate = learningRate
        self.schedule = schedule
        self.epochs = epochs
        self.shuffle = shuffle
        self.seed = seed
        self.tolerance = tolerance
        self.initialWeights = initialWeights
        self.initialBias = initialBias
        self.explosionFactor = explosionFactor
        self.maxPathLength = maxPathLength
    }

    public func fit(_ X: Matrix, _ y: [Double]) throws -> FittedSGDRegressor {
        try InputValidation.checkTraining(X, y, context: "SGDRegressor.fit")
        try checkGradientDescentSettings(learningRate: learningRate, tolerance: tolerance,
                                         explosionFactor: explosionFactor, maxPathLength: maxPathLength)
        try InputValidation.require(epochs >= 1, "epochs", epochs, "must be at least 1")
        if case .miniBatch(let size) = mode {
            try InputValidation.require(size >= 1, "mode.miniBatch(size:)", size, "must be at least 1")
        }
        if case .inverseScaling(let decay) = schedule {
            try InputValidation.require(decay.isFinite && decay >= 0, "schedule.inverseScaling(decay:)", decay,
                                        "must be a finite number >= 0")
        }
        try InputValidation.require(initialBias.isFinite, "initialBias", initialBias, "must be finite")
        try InputValidation.checkInitialWeights(initialWeights, featureCount: X.columns)
        return train(X, y)
    }

    private func train(_ X: Matrix, _ y: [Double]) -> FittedSGDRegressor {
        let m = X.rows
        let n = X.columns
        let batchSize = mode.size(rows: m)
        let updatesPerEpoch = (m + batchSize - 1) / batchSize
        var weights = initialWeights ?? Array(repeating: 0, count: n)
        var bias = initialBias
        var previousWeights = weights
        var previousBias = bias
        var gradient = [Double](repeating: 0, count: n)
        var order = Array(0..<m)
        var generator = SeededGenerator(seed: seed)
        // Per update only a non-finite cost stops training: a single example's cost is too noisy
        // to compare with the initial cost. Explosion and tolerance are judged per epoch, on all data.
        var recorder = HistoryRecorder(plannedSteps: epochs * updatesPerEpoch, maxPathLength: maxPathLength,
                                       rules: StoppingRules(tolerance: nil, explosionFactor: .infinity))
        var fullObjective = FusedObjective<HalfSquaredError>(X, y)
        func fullCost() -> Double {
            weights.withUnsafeBufferPointer { w in
                gradient.withUnsafeMutableBufferPointer { g in fullObjective.evaluate(weights: w, bias: bias, gradient: g).cost }
            }
        }
        var epochCosts = [fullCost()]
        var update = 0
        var finalStep = 0
        var stopReason = StopReason.completed
        training: for epoch in 1...epochs {
            // excerpt: sgd-epoch
            if shuffle { order.shuffle(using: &generator) }
            for start in stride(from: 0, to: m, by: batchSize) {
                let batch = order[start..<min(start + batchSize, m)]
                let (batchCost, biasGradient) = batchGradient(X, y, batch, weights: weights, bias: bias, into: &gradient)
                // end excerpt
                let gradientNorm = gradient.reduce(biasGradient * biasGradient) { $0 + $1 * $1 }.squareRoot()
                let verdict = weights.withUnsafeBufferPointer { w in
                    withUnsafeTemporaryAllocation(of: Double.self, capacity: 1) { b in
                        b[0] = bias
                        return recorder.record(step: update, cost: batchCost, gradientNorm: gradientNorm,
                                               weights: w, intercepts: UnsafeBufferPointer(b))
                    }
                }
                if verdict == .stop {
                    // Non-finite at these parameters: undo the update that produced them.
                    stopReason = recorder.history.stopReason
                    if update > 0 {
                        weights = previousWeights
                        bias = previousBias
                    }
                    finalStep = max(0, update - 1)
                    break training
                }
                // excerpt: sgd-update
                let rate = schedule.rate(initial: learningRate, update: update)
                for j in 0..<n {
                    previousWeights[j] = weights[j]
                    weights[j] -= rate * gradient[j]
                }
                previousBias = bias
                bias -= rate * biasGradient
                // end excerpt
                update += 1
            }
            finalStep = update
            let cost = fullCost()
            if !cost.isFinite {
                // The epoch's last update overflowed (every batch cost before it was finite): undo it.
                weights = previousWeights
                bias = previousBias
                finalStep = max(0, update - 1)
                stopReason = .diverged(Divergence(step: update, reason: .nonFiniteCost, cost: cost))
                break
            }
            epochCosts.append(cost)
            if epochCosts[0] > 0, cost > explosionFactor * epochCosts[0] {
                stopReason = .diverged(Divergence(step: update, reason: .costExploded(factor: explosionFactor), cost: cost))
                break
            }
            if let tolerance, abs(epochCosts[epoch - 1] - cost) <= tolerance {
                stopReason = .converged(step: update)
                break
            }
        }
        var updates = recorder.finish(finalStep: finalStep, weights: weights, intercepts: [bias])
        updates.stopReason = stopReason
        let history = SGDHistory(updates: updates, epochCosts: epochCosts, updatesPerEpoch: updatesPerEpoch)
        return FittedSGDRegressor(weights: weights, bias: bias, history: history)
    }

    /// The half mean squared error of `batch` and its gradient (written into `gradient`).
    private func batchGradient(_ X: Matrix, _ y: [Double], _ batch: ArraySlice<Int>, weights: [Double], bias: Double,
                               into gradient: inout [Double]) -> (cost: Double, biasGradient: Double) {
        let n = X.columns
        var lossSum = 0.0
        var residualSum = 0.0
        X.storage.withUnsafeBufferPointer { x in
            weights.withUnsafeBufferPointer { w in
                gradient.withUnsafeMutableBufferPointer { g in
                    // excerpt: sgd-batch-gradient
                    for j in 0..<n { g[j] = 0 }
                    for i in batch {
                        let row = x.baseAddress! + i * n
                        var z = bias
                        for j in 0..<n { z += w[j] * row[j] }
                        let residual = z - y[i]
                        lossSum += 0.5 * residual * residual
                        residualSum += residual
                        for j in 0..<n { g[j] += residual * row[j] }
                    }
                    let size = Double(batch.count)
                    for j in 0..<n { g[j] /= size }
                    // end excerpt
                }
            }
        }
        let size = Double(batch.count)
        return (lossSum / size, residualSum / size)
    }
}

/// What stochastic gradient descent did, per update and per epoch.
public struct SGDHistory: Sendable, Equatable {
    /// One entry per update: `costs[t]` is the cost of the batch used by update `t + 1`, measured at
    /// the parameters before it (after `t` updates), with its gradient norm; `path` holds the
    /// parameters after every `pathStride`-th update, from the initial ones to the final ones.
    /// `stopReason` is the reason for the whole run.
    public let updates: TrainingHistory
    /// The cost on the full data set: `epochCosts[0]` at the initial parameters, `epochCosts[e]`
    /// after epoch `e`.
    public let epochCosts: [Double]
    /// Updates per full epoch (`ceil(m / batch size)`), to place epochs on an update axis.
    public let updatesPerEpoch: Int

    /// Why training ended.
    public var stopReason: StopReason { updates.stopReason }
    /// True when the cost became non-finite or exploded.
    public var diverged: Bool { updates.diverged }
    /// The number of epochs completed.
    public var epochsRun: Int { epochCosts.count - 1 }
    /// The number of updates behind the final parameters.
    public var updatesRun: Int { updates.path.last?.step ?? 0 }
}

/// A linear regression trained by stochastic gradient descent.
public struct FittedSGDRegressor: FittedRegressor, Equatable {
    /// The learned weights.
    public let weights: [Double]
    /// The learned bias.
    public let bias: Double
    /// Per-update and per-epoch history.
    public let history: SGDHistory

    public var featureCount: Int { weights.count }

    public func predict(_ X: Matrix) throws -> [Double] {
        try InputValidation.checkPrediction(X, featureCount: featureCount)
        return linearScores(X, weights: weights, bias: bias)
    }
}
