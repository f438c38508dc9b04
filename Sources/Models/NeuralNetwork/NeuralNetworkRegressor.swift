/// A multilayer-perceptron regressor: identity output trained on the squared error
/// `1/2 (prediction - y)^2`, otherwise the same machinery and defaults as
/// `NeuralNetworkClassifier`.
public struct NeuralNetworkRegressor: Sendable {
    public var hiddenLayers: [Int]
    public var activation: Activation
    public var optimizer: Optimizer
    public var l2: Double
    public var epochs: Int
    public var batchSize: Int
    public var initialization: WeightInitialization
    public var shuffle: Bool
    public var seed: UInt64
    public var snapshots: SnapshotSchedule

    public init(
        hiddenLayers: [Int] = [100], activation: Activation = .relu, optimizer: Optimizer = .adam(),
        l2: Double = 1e-4, epochs: Int = 200, batchSize: Int = 200,
        initialization: WeightInitialization = .automatic, shuffle: Bool = true, seed: UInt64 = 0,
        snapshots: SnapshotSchedule = .none
    ) {
        self.hiddenLayers = hiddenLayers
        self.activation = activation
        self.optimizer = optimizer
        self.l2 = l2
        self.epochs = epochs
        self.batchSize = batchSize
        self.initialization = initialization
        self.shuffle = shuffle
        self.seed = seed
        self.snapshots = snapshots
    }

    /// Trains on the rows of `x` with real targets `y`.
    public func fit(_ x: Matrix, _ y: [Double]) throws -> FittedNeuralNetworkRegressor {
        try fit(x, y, validation: nil)
    }

    /// Trains on `x`, `y`, also recording the loss on `validation` after every epoch.
    ///
    /// - Throws: `emptyInput`, `shapeMismatch`, `nonFinite(row:column:)` (a NaN target is reported
    ///   at its row, column 0), or `invalidHyperparameter`.
    public func fit(_ x: Matrix, _ y: [Double], validation: (x: Matrix, y: [Double])?) throws -> FittedNeuralNetworkRegressor {
        try ClassifierInputValidation.checkFeatures(x)
        guard y.count == x.rows else {
            throw ModelError.shapeMismatch("X has \(x.rows) rows but y has \(y.count) targets")
        }
        let targets = Matrix(rows: y.count, columns: 1, storage: y)
        try ClassifierInputValidation.checkFeatures(targets, what: "y")
        try NeuralNetworkClassifier.validate(hiddenLayers: hiddenLayers)
        let trainer = NetworkTrainer(
            epochs: epochs, batchSize: batchSize, optimizer: optimizer, l2: l2, shuffle: shuffle, snapshots: snapshots)
        try trainer.validate()
        var encodedValidation: (x: Matrix, targets: Matrix)?
        if let validation {
            try ClassifierInputValidation.checkPredictionFeatures(validation.x, expectedColumns: x.columns)
            guard validation.y.count == validation.x.rows else {
                throw ModelError.shapeMismatch("validation X has \(validation.x.rows) rows but \(validation.y.count) targets")
            }
            let validationTargets = Matrix(rows: validation.y.count, columns: 1, storage: validation.y)
            try ClassifierInputValidation.checkFeatures(validationTargets, what: "validation y")
            encodedValidation = (validation.x, validationTargets)
        }
        var generator = SeededGenerator(seed: seed)
        var network = try NeuralNetwork(
            layerSizes: [x.columns] + hiddenLayers + [1], hiddenActivation: activation, outputActivation: .identity,
            initialization: initialization, using: &generator)
        let (history, taken) = trainer.train(
            &network, x: x, targets: targets, validation: encodedValidation, countsAccuracy: false,
            generator: &generator)
        return FittedNeuralNetworkRegressor(hyperparameters: self, network: network, history: history, snapshots: taken)
    }
}

/// A trained network regressor.
public struct FittedNeuralNetworkRegressor: Sendable {
    public let hyperparameters: NeuralNetworkRegressor
    public let network: NeuralNetwork
    public let history: NetworkTrainingHistory
    public let snapshots: [NetworkSnapshot]

    /// The prediction for each row of `x`.
    public func predict(_ x: Matrix) throws -> [Double] {
        try network.output(x).storage
    }

    /// The coefficient of determination R^2 on `x`, `y` (1 is perfect; 0 is no better than the mean).
    public func score(_ x: Matrix, _ y: [Double]) throws -> Double {
        guard y.count == x.rows else {
            throw ModelError.shapeMismatch("X has \(x.rows) rows but y has \(y.count) targets")
        }
        let predicted = try predict(x)
        let mean = y.reduce(0, +) / Double(y.count)
        var residual = 0.0, total = 0.0
        for (p, t) in zip(predicted, y) {
            residual += (t - p) * (t - p)
            total += (t - mean) * (t - mean)
        }
        return total > 0 ? 1 - residual / total : (residual == 0 ? 1 : 0)
    }
}
