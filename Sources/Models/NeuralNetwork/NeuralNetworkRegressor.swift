/// A multilayer-perceptron regressor: identity output trained on the squared error
/// `1/2 (prediction - y)^2`, otherwise the same machinery and defaults as
/// `NeuralNetworkClassifier`.
public struct NeuralNetworkRegressor: Regressor {
    /// Units in each hidden layer; at least one layer.
    public var hiddenLayers: [Int]
    /// The hidden layers' non-linearity.
    public var activation: Activation
    /// How each mini-batch gradient moves the parameters.
    public var optimizer: Optimizer
    /// L2 penalty strength (scikit-learn's `alpha`).
    public var l2: Double
    /// Passes over the training rows (at most, with `earlyStopping`).
    public var epochs: Int
    /// Rows per gradient step (the last batch of an epoch may be smaller).
    public var batchSize: Int
    /// How the starting weights are drawn.
    public var initialization: WeightInitialization
    /// Visit the rows in a fresh seeded order each epoch.
    public var shuffle: Bool
    /// Seed of the initial weights and of the shuffles: same seed, same network.
    public var seed: UInt64
    /// When to keep copies of the network for drawing training progress.
    public var snapshots: SnapshotSchedule
    /// Stop early once the epoch's training loss has failed to improve on the best so far by at
    /// least `tolerance` for `patience` epochs in a row (scikit-learn's `tol` and
    /// `n_iter_no_change`); `nil` runs every epoch.
    public var earlyStopping: EarlyStopping?

    public init(
        hiddenLayers: [Int] = [100], activation: Activation = .relu, optimizer: Optimizer = .adam(),
        l2: Double = 1e-4, epochs: Int = 200, batchSize: Int = 200,
        initialization: WeightInitialization = .automatic, shuffle: Bool = true, seed: UInt64 = 0,
        snapshots: SnapshotSchedule = .none, earlyStopping: EarlyStopping? = nil
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
        self.earlyStopping = earlyStopping
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
        try InputValidation.checkTraining(x, y, context: "NeuralNetworkRegressor.fit")
        let targets = Matrix(rows: y.count, columns: 1, storage: y)
        try NeuralNetworkClassifier.validate(hiddenLayers: hiddenLayers)
        let trainer = NetworkTrainer(
            epochs: epochs, batchSize: batchSize, optimizer: optimizer, l2: l2, shuffle: shuffle, snapshots: snapshots,
            earlyStopping: earlyStopping)
        try trainer.validate()
        var encodedValidation: (x: Matrix, targets: Matrix)?
        if let validation {
            try InputValidation.checkPrediction(validation.x, featureCount: x.columns)
            try InputValidation.checkTraining(validation.x, validation.y, context: "validation data")
            let validationTargets = Matrix(rows: validation.y.count, columns: 1, storage: validation.y)
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
public struct FittedNeuralNetworkRegressor: FittedRegressor {
    /// The settings it was trained with.
    public let hyperparameters: NeuralNetworkRegressor
    /// The trained network.
    public let network: NeuralNetwork
    /// Loss (and accuracy) per epoch.
    public let history: NetworkTrainingHistory
    /// Copies of the network taken during training.
    public let snapshots: [NetworkSnapshot]

    /// The prediction for each row of `x`.
    public func predict(_ x: Matrix) throws -> [Double] {
        try network.output(x).storage
    }

    /// The number of features the network was trained on.
    public var featureCount: Int { network.layerSizes[0] }
}
