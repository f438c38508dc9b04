import Models

/// Why training blew up, in one form for every trainer (gradient descent, SGD, networks).
struct DivergenceReport: Sendable, Equatable {
    /// The step (update, or epoch for a network) at which it was detected.
    let step: Int
    /// `non_finite_cost`, `non_finite_gradient` or `cost_exploded`.
    let reason: String
    /// The offending cost (may be NaN or infinite).
    let cost: Double
    /// A sentence for people.
    let message: String

    init(_ divergence: Divergence) {
        step = divergence.step
        switch divergence.reason {
        case .nonFiniteCost: reason = "non_finite_cost"
        case .nonFiniteGradient: reason = "non_finite_gradient"
        case .costExploded: reason = "cost_exploded"
        }
        cost = divergence.cost
        message = divergence.description
    }

    init(step: Int, reason: String, cost: Double, message: String) {
        self.step = step
        self.reason = reason
        self.cost = cost
        self.message = message
    }
}

/// What gradient-based training went through: the cost curve the charts draw and the numbers the
/// summary reports. A divergence is a result, not an error: the history up to it is kept.
struct TrainingTrace: Sendable, Equatable {
    /// The cost after each step (`costs[0]` at the start). Per iteration for batch gradient
    /// descent; the full-data cost per epoch for stochastic gradient descent; the mean training
    /// loss of each epoch for a network.
    let costs: [Double]
    /// The loss on the test rows after each epoch (networks with a test set), else empty.
    var validationCosts: [Double] = []
    /// What one entry of `costs` is: "iteration" or "epoch".
    let unit: String
    /// The parameter updates made.
    let iterationsRun: Int
    /// Epochs completed (stochastic gradient descent and networks).
    let epochsRun: Int?
    /// Set when training blew up.
    let divergence: DivergenceReport?
    /// The step at which the tolerance rule stopped training, if it did.
    let convergedAt: Int?

    /// The last finite cost recorded.
    var finalCost: Double { costs.last(where: \.isFinite) ?? .nan }

    init(_ history: TrainingHistory) {
        costs = history.costs
        unit = "iteration"
        iterationsRun = history.stepsRun
        epochsRun = nil
        divergence = history.divergence.map(DivergenceReport.init)
        if case .converged(let step) = history.stopReason { convergedAt = step } else { convergedAt = nil }
    }

    init(_ history: SGDHistory) {
        costs = history.epochCosts
        unit = "epoch"
        iterationsRun = history.updatesRun
        epochsRun = history.epochsRun
        divergence = history.updates.divergence.map(DivergenceReport.init)
        if case .converged(let step) = history.stopReason { convergedAt = step } else { convergedAt = nil }
    }

    init(costs: [Double], validationCosts: [Double], unit: String, iterationsRun: Int, epochsRun: Int?,
         divergence: DivergenceReport?, convergedAt: Int?) {
        self.costs = costs
        self.validationCosts = validationCosts
        self.unit = unit
        self.iterationsRun = iterationsRun
        self.epochsRun = epochsRun
        self.divergence = divergence
        self.convergedAt = convergedAt
    }
}

/// A fitted model of any kind `report fit` trains, behind one interface.
enum TrainedModel: Sendable {
    /// Linear regression by the normal equation (or ridge).
    case closedForm(LinearModel)
    case gradientDescent(FittedLinearRegression)
    case stochastic(FittedSGDRegressor)
    case logistic(FittedLogisticRegression)
    case softmax(FittedSoftmaxRegression)
    case knnClassifier(FittedKNeighborsClassifier)
    case knnRegressor(FittedKNeighborsRegressor)
    case treeClassifier(FittedDecisionTreeClassifier)
    case treeRegressor(FittedDecisionTreeRegressor)
    case svm(FittedSupportVectorClassifier)
    case networkClassifier(FittedNeuralNetworkClassifier)
    case networkRegressor(FittedNeuralNetworkRegressor)

    /// Predicted numbers for the (transformed) rows of a regression model.
    func predictValues(_ x: Matrix) throws -> [Double] {
        switch self {
        case .closedForm(let model): try model.predict(x)
        case .gradientDescent(let model): try model.predict(x)
        case .stochastic(let model): try model.predict(x)
        case .knnRegressor(let model): try model.predict(x)
        case .treeRegressor(let model): try model.predict(x)
        case .networkRegressor(let model): try model.predict(x)
        case .logistic, .softmax, .knnClassifier, .treeClassifier, .svm, .networkClassifier:
            preconditionFailure("predictValues called on a classifier")
        }
    }

    /// Class probabilities (`rows x classes`) of a classifier.
    func predictProbabilities(_ x: Matrix) throws -> Matrix {
        switch self {
        case .logistic(let model): try model.predictProbabilities(x)
        case .softmax(let model): try model.predictProbabilities(x)
        case .knnClassifier(let model): try model.predictProbabilities(x)
        case .treeClassifier(let model): try model.predictProbabilities(x)
        case .svm(let model): try model.predictProbabilities(x)
        case .networkClassifier(let model): try model.predictProbabilities(x)
        case .closedForm, .gradientDescent, .stochastic, .knnRegressor, .treeRegressor, .networkRegressor:
            preconditionFailure("predictProbabilities called on a regressor")
        }
    }

    /// Predicted class codes of a classifier.
    func predictClasses(_ x: Matrix) throws -> [Int] {
        switch self {
        case .logistic(let model): try model.predict(x)
        case .softmax(let model): try model.predict(x)
        case .knnClassifier(let model): try model.predict(x)
        case .treeClassifier(let model): try model.predict(x)
        case .svm(let model): try model.predict(x)
        case .networkClassifier(let model): try model.predict(x)
        case .closedForm, .gradientDescent, .stochastic, .knnRegressor, .treeRegressor, .networkRegressor:
            preconditionFailure("predictClasses called on a regressor")
        }
    }

    /// The weights (one row per score: one for regression and binary logistic, one per class for
    /// softmax) and intercepts of a linear model, on the columns it was trained on; nil otherwise.
    var linearParameters: (weights: [[Double]], intercepts: [Double])? {
        switch self {
        case .closedForm(let model): ([model.weights], [model.bias])
        case .gradientDescent(let model): ([model.weights], [model.bias])
        case .stochastic(let model): ([model.weights], [model.bias])
        case .logistic(let model): ([model.weights], [model.bias])
        case .softmax(let model): ((0..<model.weights.rows).map { model.weights.row($0) }, model.intercepts)
        case .svm(let model):
            // A linear two-class machine is f(x) = w . x + b, positive for the second class.
            if model.machines.count == 1, let weights = model.machines[0].weights {
                ([weights], [model.machines[0].intercept])
            } else {
                nil
            }
        case .knnClassifier, .knnRegressor, .treeClassifier, .treeRegressor, .networkClassifier, .networkRegressor: nil
        }
    }

    /// The training history of a gradient-trained model.
    var trace: TrainingTrace? {
        switch self {
        case .gradientDescent(let model): TrainingTrace(model.history)
        case .stochastic(let model): TrainingTrace(model.history)
        case .logistic(let model): TrainingTrace(model.history)
        case .softmax(let model): TrainingTrace(model.history)
        case .networkClassifier(let model): Self.trace(model.history, batches: model.hyperparameters.batchSize)
        case .networkRegressor(let model): Self.trace(model.history, batches: model.hyperparameters.batchSize)
        case .closedForm, .knnClassifier, .knnRegressor, .treeClassifier, .treeRegressor, .svm: nil
        }
    }

    /// A network's loss per epoch as a trace; a diverged run's last loss is the non-finite one.
    static func trace(_ history: NetworkTrainingHistory, batches batchSize: Int) -> TrainingTrace {
        let epochs = history.epochs
        let divergence = history.diverged
            ? DivergenceReport(step: epochs, reason: "non_finite_cost", cost: history.trainingLoss.last ?? .nan,
                               message: "diverged in epoch \(epochs): the loss became \(history.trainingLoss.last ?? .nan); the learning rate is too large")
            : nil
        return TrainingTrace(costs: history.trainingLoss, validationCosts: history.validationLoss, unit: "epoch",
                             iterationsRun: epochs, epochsRun: epochs, divergence: divergence,
                             convergedAt: history.stoppedEarly ? epochs : nil)
    }

    /// The grown tree, for decision trees.
    var tree: DecisionTree? {
        switch self {
        case .treeClassifier(let model): model.tree
        case .treeRegressor(let model): model.tree
        default: nil
        }
    }
}
