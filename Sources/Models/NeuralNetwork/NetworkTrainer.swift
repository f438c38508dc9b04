import Dispatch

/// The mini-batch training loop shared by the network classifier and regressor.
///
/// Each epoch visits the rows in a seeded random order (or in order without shuffling) in batches of
/// `batchSize`; each batch's mean gradient plus the L2 term `l2 / batch * W` drives one optimiser
/// step. A large batch is split into up to `maximumShards` fixed slices of at least
/// `minimumRowsPerShard` rows whose gradients are computed concurrently and added in a fixed order:
/// the split depends only on the batch size, so results do not depend on the machine or on thread
/// timing.
struct NetworkTrainer {
    var epochs: Int
    var batchSize: Int
    var optimizer: Optimizer
    var l2: Double
    var shuffle: Bool
    var snapshots: SnapshotSchedule
    var earlyStopping: EarlyStopping?

    /// Rows below which a batch is not worth splitting across threads.
    static let minimumRowsPerShard = 32
    /// The most slices a batch is split into. (Measured on two cores: four slices of a 200-row batch
    /// ran slower than two, the smaller products and extra synchronisation costing more than the
    /// better balance gained.)
    static let maximumShards = 2

    /// Trains `network` in place on `x` against `targets` (already encoded for its output layer).
    func train(
        _ network: inout NeuralNetwork, x: Matrix, targets: Matrix, validation: (x: Matrix, targets: Matrix)?,
        countsAccuracy: Bool, generator: inout SeededGenerator
    ) -> (NetworkTrainingHistory, [NetworkSnapshot]) {
        let layout = network.layout
        let n = x.rows, d = x.columns, k = layout.outputSize
        let batch = min(batchSize, n)
        let shardCount = Self.shards(rows: batch)
        let shardCapacity = (batch + shardCount - 1) / shardCount
        let workspaces = (0..<shardCount).map { _ in
            NetworkWorkspace(
                layout: layout, hidden: network.hiddenActivation, output: network.outputActivation,
                capacity: shardCapacity)
        }
        var optimizerState = OptimizerState(optimizer: optimizer, parameterCount: layout.parameterCount)
        var order = Array(0..<n)
        var history = NetworkTrainingHistory()
        var taken: [NetworkSnapshot] = []
        if snapshots.includes(epoch: 0) { taken.append(NetworkSnapshot(epoch: 0, network: network)) }

        var bestLoss = Double.infinity
        var epochsWithoutImprovement = 0
        var parameters = network.parameters
        var gradient = [Double](repeating: 0, count: layout.parameterCount)
        let weightRanges = (0..<layout.layerCount).map { layout.weightOffsets[$0]..<layout.biasOffsets[$0] }

        epochLoop: for epoch in 1...max(1, epochs) where epochs > 0 {
            if shuffle { Self.shuffle(&order, using: &generator) }
            var epochLoss = 0.0, epochCorrect = 0
            var start = 0
            while start < n {
                let rows = min(batch, n - start)
                let shards = Self.shards(rows: rows)
                let perShard = (rows + shards - 1) / shards
                // Gather each shard's rows and targets into its workspace.
                x.storage.withUnsafeBufferPointer { xp in
                    targets.storage.withUnsafeBufferPointer { tp in
                        for s in 0..<shards {
                            let first = start + s * perShard
                            let count = min(perShard, start + rows - first)
                            let w = workspaces[s]
                            w.gatheredRows = count
                            for r in 0..<count {
                                let source = order[first + r]
                                (w.input + r * d).update(from: xp.baseAddress! + source * d, count: d)
                                (w.targets + r * k).update(from: tp.baseAddress! + source * k, count: k)
                            }
                        }
                    }
                }
                // Each slice's forward and backward pass; a closure literal passed straight to
                // concurrentPerform captures on the stack, so nothing is allocated per batch.
                parameters.withUnsafeBufferPointer { p in
                    nonisolated(unsafe) let parameterBase = p.baseAddress!
                    nonisolated(unsafe) let shardWorkspaces = workspaces
                    if shards == 1 {
                        shardWorkspaces[0].runGathered(parameters: parameterBase)
                    } else {
                        DispatchQueue.concurrentPerform(iterations: shards) { s in
                            shardWorkspaces[s].runGathered(parameters: parameterBase)
                        }
                    }
                }
                // Mean gradient over the batch (shards added in a fixed order) plus the L2 term.
                let scale = 1 / Double(rows)
                gradient.withUnsafeMutableBufferPointer { g in
                    let g0 = workspaces[0].gradient
                    for t in 0..<g.count { g[t] = g0[t] }
                    for s in 1..<max(shards, 1) {
                        let gs = workspaces[s].gradient
                        for t in 0..<g.count { g[t] += gs[t] }
                    }
                    for t in 0..<g.count { g[t] *= scale }
                    if l2 > 0 {
                        let factor = l2 * scale
                        parameters.withUnsafeBufferPointer { p in
                            for range in weightRanges { for t in range { g[t] += factor * p[t] } }
                        }
                    }
                }
                for s in 0..<shards {
                    epochLoss += workspaces[s].lastResult.loss
                    epochCorrect += workspaces[s].lastResult.correct
                }
                parameters.withUnsafeMutableBufferPointer { p in
                    gradient.withUnsafeBufferPointer { g in
                        optimizerState.step(p.baseAddress!, gradient: g.baseAddress!, count: g.count)
                    }
                }
                start += rows
            }

            let meanLoss = epochLoss / Double(n)
            history.trainingLoss.append(meanLoss)
            if countsAccuracy { history.trainingAccuracy.append(Double(epochCorrect) / Double(n)) }
            let finite = meanLoss.isFinite && parameters.allSatisfy(\.isFinite)
            network.setParameters(parameters)
            if let validation {
                let result = network.pass(validation.x, targets: validation.targets, computeGradient: false, keepLayers: false)
                history.validationLoss.append(result.loss / Double(validation.x.rows))
                if countsAccuracy {
                    history.validationAccuracy.append(Double(result.correct) / Double(validation.x.rows))
                }
            }
            if !finite {
                history.diverged = true
                break epochLoop
            }
            if snapshots.includes(epoch: epoch) { taken.append(NetworkSnapshot(epoch: epoch, network: network)) }
            if let rule = earlyStopping {
                epochsWithoutImprovement = meanLoss > bestLoss - rule.tolerance ? epochsWithoutImprovement + 1 : 0
                bestLoss = min(bestLoss, meanLoss)
                if epochsWithoutImprovement >= rule.patience {
                    history.stoppedEarly = true
                    break epochLoop
                }
            }
        }
        return (history, taken)
    }

    /// How many slices a batch of `rows` rows is split into.
    static func shards(rows: Int) -> Int {
        min(maximumShards, max(1, rows / minimumRowsPerShard))
    }

    /// Fisher-Yates with the project's seeded generator (reproducible on every platform).
    static func shuffle(_ values: inout [Int], using generator: inout SeededGenerator) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            let j = Int(generator.next() % UInt64(i + 1))
            values.swapAt(i, j)
        }
    }

    /// Throws `invalidHyperparameter` for a bad epoch count, batch size, L2 or optimiser.
    func validate() throws {
        guard epochs >= 1 else {
            throw ModelError.invalidHyperparameter(name: "epochs", value: "\(epochs)", reason: "train for at least one epoch")
        }
        guard batchSize >= 1 else {
            throw ModelError.invalidHyperparameter(name: "batchSize", value: "\(batchSize)", reason: "a batch needs at least one row")
        }
        guard l2 >= 0, l2.isFinite else {
            throw ModelError.invalidHyperparameter(name: "l2", value: "\(l2)", reason: "the L2 penalty must be zero or positive")
        }
        if case .every(let n) = snapshots, n < 1 {
            throw ModelError.invalidHyperparameter(name: "snapshots", value: "every \(n)", reason: "snapshot every 1 or more epochs")
        }
        try optimizer.validate()
        if let rule = earlyStopping {
            guard rule.tolerance >= 0, rule.tolerance.isFinite else {
                throw ModelError.invalidHyperparameter(
                    name: "earlyStopping.tolerance", value: "\(rule.tolerance)", reason: "the tolerance must be zero or positive")
            }
            guard rule.patience >= 1 else {
                throw ModelError.invalidHyperparameter(
                    name: "earlyStopping.patience", value: "\(rule.patience)", reason: "patience must be at least one epoch")
            }
        }
    }
}
