import Models

/// Chapter 8's experiment: the same z-scored house data trained with batch, mini-batch and
/// stochastic updates (and variants), with the full-data cost recorded after every update so the
/// runs can be compared per epoch and per update.
struct BatchSizeExperiment: Sendable {
    /// One training run and the full-data cost after each of its updates.
    struct Run: Sendable {
        /// The run's name on charts and in tables.
        let name: String
        /// The settings it was trained with.
        let settings: SGDRegressor
        let fitted: FittedSGDRegressor
        /// `costs[t]` is J on all the data after `t` updates (`costs[0]` at the start).
        let costs: [Double]
        /// Examples per update.
        let batchSize: Int
    }

    /// The z-scored features (size, bedrooms, floors, age) and prices in k$.
    let z: Matrix
    let y: [Double]
    /// The lowest cost any linear model reaches on these data (the normal equation's).
    let minimumCost: Double
    /// The least-squares parameters, for marking the minimum.
    let minimum: LinearModel

    /// The shared learning rate of the comparison runs.
    static let learningRate = 0.1
    /// The constant rate of the shuffled-or-not comparison (small, so the shuffled run's noise is small).
    static let orderingLearningRate = 0.01
    /// Epochs of every run.
    static let epochs = 50
    /// The mini-batch size.
    static let miniBatchSize = 16
    /// The decay of the learning-rate schedule `alpha_0 / (1 + decay t)`.
    static let decay = 0.01

    /// Loads and z-scores the house data; `rows` sorted by price when `sortedByPrice` (for the
    /// not-shuffled pitfall).
    init(features: [String] = ["size_sqft", "bedrooms", "floors", "age_years"], sortedByPrice: Bool = false) throws {
        var table = try BundledDataset.houses.load()
        if sortedByPrice {
            let prices = try table.numeric(BundledDataset.houses.targetColumn)
            table = table.selectingRows(prices.indices.sorted { (prices[$0], $0) < (prices[$1], $1) })
        }
        let x = try table.matrix(columns: features)
        y = try table.numeric(BundledDataset.houses.targetColumn)
        z = try StandardScaler.fit(x).transform(x)
        minimum = try NormalEquationRegression().fit(z, y)
        minimumCost = try Self.cost(minimum.weights, minimum.bias, z, y)
    }

    /// Trains `settings` and records the full-data cost after every update.
    func run(_ name: String, _ settings: SGDRegressor) throws -> Run {
        let fitted = try settings.fit(z, y)
        let path = fitted.history.updates.path
        // The path keeps every update while the run is shorter than maxPathLength.
        guard fitted.history.updates.pathStride == 1 else {
            throw ChapterExperimentError(message: "\(name): \(fitted.history.updatesRun) updates is more than the path keeps; raise maxPathLength")
        }
        let costs = try path.map { try Self.cost($0.weights, $0.bias, z, y) }
        return Run(name: name, settings: settings, fitted: fitted, costs: costs,
                   batchSize: settings.mode.examples(of: z.rows))
    }

    /// The comparison of batch sizes: batch, mini-batch and stochastic with the same rate and epochs.
    func batchSizeRuns(seed: UInt64) throws -> [Run] {
        try [
            run("batch (all \(z.rows))", SGDRegressor(mode: .batch, learningRate: Self.learningRate, epochs: Self.epochs, seed: seed)),
            run("mini-batch (\(Self.miniBatchSize))", SGDRegressor(mode: .miniBatch(size: Self.miniBatchSize), learningRate: Self.learningRate,
                                                  epochs: Self.epochs, seed: seed)),
            run("stochastic (1)", SGDRegressor(mode: .stochastic, learningRate: Self.learningRate, epochs: Self.epochs, seed: seed)),
        ]
    }

    /// Stochastic updates with a constant and with a decaying learning rate.
    func decayRuns(seed: UInt64) throws -> [Run] {
        try [
            run("constant α = \(Self.learningRate)", SGDRegressor(mode: .stochastic, learningRate: Self.learningRate,
                                                                  epochs: Self.epochs, seed: seed)),
            run("decaying α = \(Self.learningRate) / (1 + \(Self.decay) t)",
                SGDRegressor(mode: .stochastic, learningRate: Self.learningRate,
                             schedule: .inverseScaling(decay: Self.decay), epochs: Self.epochs, seed: seed)),
        ]
    }

    /// J = 1/(2m) sum (w . z + b - y)^2, evaluated after every update of every run (tens of
    /// thousands of times), so it reads the matrix directly instead of building predictions.
    static func cost(_ weights: [Double], _ bias: Double, _ z: Matrix, _ y: [Double]) throws -> Double {
        guard weights.count == z.columns, y.count == z.rows, z.rows > 0 else {
            throw ChapterExperimentError(message: "cost: \(weights.count) weights for \(z.columns) features and \(y.count) targets for \(z.rows) rows")
        }
        let n = z.columns
        var sum = 0.0
        z.storage.withUnsafeBufferPointer { x in
            for i in 0..<z.rows {
                var residual = bias - y[i]
                for j in 0..<n { residual += weights[j] * x[i * n + j] }
                sum += residual * residual
            }
        }
        return sum / Double(2 * z.rows)
    }
}

extension BatchMode {
    /// Examples per update for a data set of `rows` examples.
    func examples(of rows: Int) -> Int {
        switch self {
        case .batch: return rows
        case .miniBatch(let size): return min(size, rows)
        case .stochastic: return 1
        }
    }
}

/// A chapter experiment that cannot give what its figure needs (a programmer's mistake in settings).
struct ChapterExperimentError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
