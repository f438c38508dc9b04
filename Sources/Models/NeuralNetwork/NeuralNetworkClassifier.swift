/// A multilayer-perceptron classifier (hyperparameters), trained by backpropagation.
///
/// Defaults follow scikit-learn's `MLPClassifier` where it has one (ReLU, Adam with rate 0.001,
/// `l2` = `alpha` = 1e-4, batches of 200, 200 epochs); shuffling and initial weights come from
/// `seed`, so the same seed gives the same network.
///
/// ```swift
/// var mlp = NeuralNetworkClassifier(hiddenLayers: [64, 64])
/// mlp.snapshots = .every(20)
/// let fitted = try mlp.fit(xTrain, yTrain, validation: (xTest, yTest))
/// fitted.history.validationLoss   // one value per epoch
/// ```
public struct NeuralNetworkClassifier: Classifier {
    /// Units in each hidden layer, e.g. `[64, 64]`; at least one layer.
    public var hiddenLayers: [Int]
    /// The hidden layers' non-linearity.
    public var activation: Activation
    /// `.softmax` (any number of classes) or `.sigmoid` (two classes, one output unit).
    public var output: OutputActivation
    /// How each mini-batch gradient moves the parameters.
    public var optimizer: Optimizer
    /// L2 penalty strength (scikit-learn's `alpha`): adds `l2 / (2 n) * sum W^2` to the loss.
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
        hiddenLayers: [Int] = [100], activation: Activation = .relu, output: OutputActivation = .softmax,
        optimizer: Optimizer = .adam(), l2: Double = 1e-4, epochs: Int = 200, batchSize: Int = 200,
        initialization: WeightInitialization = .automatic, shuffle: Bool = true, seed: UInt64 = 0,
        snapshots: SnapshotSchedule = .none, earlyStopping: EarlyStopping? = nil
    ) {
        self.hiddenLayers = hiddenLayers
        self.activation = activation
        self.output = output
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

    /// Trains on the rows of `x` with class codes `y` (`0..<k`).
    public func fit(_ x: Matrix, _ y: [Int]) throws -> FittedNeuralNetworkClassifier {
        try fit(x, y, validation: nil)
    }

    /// Trains on `x`, `y`, also recording loss and accuracy on `validation` after every epoch.
    ///
    /// - Throws: `emptyInput`, `shapeMismatch`, `nonFinite(row:column:)`, `singleClass`, or
    ///   `invalidHyperparameter` (empty or zero-width hidden layers, learning rate, epochs, batch
    ///   size, L2, a sigmoid output with more than two classes, an identity output). A validation
    ///   label not seen in training is a `shapeMismatch`.
    public func fit(_ x: Matrix, _ y: [Int], validation: (x: Matrix, y: [Int])?) throws -> FittedNeuralNetworkClassifier {
        let classCount = try InputValidation.checkLabels(x, y, context: "NeuralNetworkClassifier.fit")
        try Self.validate(hiddenLayers: hiddenLayers)
        switch output {
        case .softmax: break
        case .sigmoid:
            guard classCount == 2 else {
                throw ModelError.invalidHyperparameter(
                    name: "output", value: "sigmoid", reason: "a sigmoid output separates two classes, not \(classCount); use softmax")
            }
        case .identity:
            throw ModelError.invalidHyperparameter(
                name: "output", value: "identity", reason: "a classifier needs a softmax or sigmoid output")
        }
        let trainer = NetworkTrainer(
            epochs: epochs, batchSize: batchSize, optimizer: optimizer, l2: l2, shuffle: shuffle, snapshots: snapshots,
            earlyStopping: earlyStopping)
        try trainer.validate()

        let encodedValidation: (x: Matrix, targets: Matrix)?
        if let validation {
            try InputValidation.checkPrediction(validation.x, featureCount: x.columns)
            guard validation.y.count == validation.x.rows else {
                throw ModelError.shapeMismatch(
                    "validation X has \(validation.x.rows) rows but \(validation.y.count) labels")
            }
            encodedValidation = (validation.x, try encode(validation.y, classCount: classCount))
        } else {
            encodedValidation = nil
        }

        var generator = SeededGenerator(seed: seed)
        let outputs = output == .sigmoid ? 1 : classCount
        var network = try NeuralNetwork(
            layerSizes: [x.columns] + hiddenLayers + [outputs], hiddenActivation: activation,
            outputActivation: output, initialization: initialization, using: &generator)
        let (history, taken) = trainer.train(
            &network, x: x, targets: try encode(y, classCount: classCount), validation: encodedValidation,
            countsAccuracy: true, generator: &generator)
        return FittedNeuralNetworkClassifier(
            hyperparameters: self, classCount: classCount, network: network, history: history, snapshots: taken)
    }

    /// One-hot rows for softmax, a 0/1 column (1 = class 1) for sigmoid.
    private func encode(_ y: [Int], classCount: Int) throws -> Matrix {
        let width = output == .sigmoid ? 1 : classCount
        var targets = Matrix(rows: y.count, columns: width)
        for (r, label) in y.enumerated() {
            guard label >= 0, label < classCount else {
                throw ModelError.invalidLabel(
                    row: r, value: String(label), reason: "the model was trained on class codes 0..<\(classCount)")
            }
            if width == 1 { targets[r, 0] = Double(label) } else { targets[r, label] = 1 }
        }
        return targets
    }

    static func validate(hiddenLayers: [Int]) throws {
        guard !hiddenLayers.isEmpty else {
            throw ModelError.invalidHyperparameter(
                name: "hiddenLayers", value: "[]", reason: "a multilayer perceptron needs at least one hidden layer")
        }
        guard hiddenLayers.allSatisfy({ $0 >= 1 }) else {
            throw ModelError.invalidHyperparameter(
                name: "hiddenLayers", value: "\(hiddenLayers)", reason: "every hidden layer needs at least one unit")
        }
    }
}

/// A trained network classifier: the network, its classes and the story of its training.
public struct FittedNeuralNetworkClassifier: FittedClassifier {
    /// The settings it was trained with.
    public let hyperparameters: NeuralNetworkClassifier
    /// The number of classes `k`; output unit `c` is the probability of class code `c`.
    public let classCount: Int
    /// The trained network.
    public let network: NeuralNetwork
    /// Loss (and accuracy) per epoch.
    public let history: NetworkTrainingHistory
    /// Copies of the network taken as `hyperparameters.snapshots` asked.
    public let snapshots: [NetworkSnapshot]

    /// One row per row of `x`, one column per class: the predicted probabilities.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
        let out = try network.output(x)
        guard network.outputActivation == .sigmoid else { return out }
        var probabilities = Matrix(rows: x.rows, columns: 2)
        for r in 0..<x.rows {
            probabilities[r, 0] = 1 - out[r, 0]
            probabilities[r, 1] = out[r, 0]
        }
        return probabilities
    }

    /// The number of features the network was trained on.
    public var featureCount: Int { network.layerSizes[0] }

    /// The most probable class of each row (ties to the smaller code).
    public func predict(_ x: Matrix) throws -> [Int] {
        let p = try predictProbabilities(x)
        return (0..<p.rows).map { r in
            var best = 0
            for k in 1..<p.columns where p[r, k] > p[r, best] { best = k }
            return best
        }
    }

    /// The classifier as it was at `snapshot` (same classes and hyperparameters), e.g. to draw its
    /// decision regions part-way through training.
    public func model(at snapshot: NetworkSnapshot) -> FittedNeuralNetworkClassifier {
        FittedNeuralNetworkClassifier(
            hyperparameters: hyperparameters, classCount: classCount, network: snapshot.network, history: history,
            snapshots: [])
    }
}
