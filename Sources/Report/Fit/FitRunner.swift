import Models

/// Predictions for a set of rows, as the task needs them.
enum FitPredictions: Sendable {
    case values([Double])
    case classes([Int], probabilities: Matrix)
}

/// Everything one fit produced: the data, the preprocessing, the model, predictions and metrics.
struct FitOutcome: Sendable {
    let settings: FitSettings
    let dataset: FitDataset
    let pipeline: FeaturePipeline
    let model: TrainedModel
    let trainPredictions: FitPredictions
    let testPredictions: FitPredictions?
    let trainMetrics: FitMetrics
    let testMetrics: FitMetrics?
    /// The training cost at the end: from the history, or for the normal equation the same
    /// half mean squared error gradient descent minimises (plus the ridge penalty), on the
    /// columns the model saw.
    let finalCost: Double?
    /// The dataset's warnings and the fit's own.
    let warnings: [String]

    /// Class names of a classification fit.
    var classNames: [String]? {
        if case .classes(_, let names) = dataset.target { return names }
        return nil
    }
}

/// Runs one model on a prepared dataset.
enum FitRunner {
    /// The most columns the closed-form solver accepts.
    static let maximumNormalEquationColumns = 3000

    /// Fits the pipeline and the model on the training rows, predicts both sets and scores them.
    static func run(_ settings: FitSettings, on dataset: FitDataset) throws -> FitOutcome {
        var warnings = dataset.warnings
        let rawTrain = dataset.features.selectingRows(dataset.trainRows)
        let (pipeline, trainX) = try model { try FeaturePipeline.fit(
            rawTrain, inputNames: dataset.featureNames, degree: settings.degree, scaling: settings.scaling) }
        for j in pipeline.nearlyConstantColumns {
            warnings.append("column \"\(pipeline.expandedNames[j])\" barely varies in the training rows; it is centred but not divided by its (near-zero) spread")
        }
        let testX = dataset.testRows.isEmpty ? nil : try model { try pipeline.transform(dataset.features.selectingRows(dataset.testRows)) }
        let trained: TrainedModel
        var finalCost: Double?
        switch dataset.target {
        case .values(let all):
            let y = dataset.trainRows.map { all[$0] }
            // A network also records its loss on the test rows after every epoch, for the chart.
            let validation = testX.map { ($0, dataset.testRows.map { all[$0] }) }
            trained = try model { try fitRegressor(settings, trainX, y, validation: validation) }
            if case .closedForm(let linear) = trained {
                let residuals = zip(try linear.predict(trainX), y).map { $0 - $1 }
                let penalty = settings.l2 * linear.weights.reduce(0) { $0 + $1 * $1 }
                finalCost = (residuals.reduce(0) { $0 + $1 * $1 } + penalty) / (2 * Double(y.count))
            }
        case .classes(let all, let names):
            let labels = dataset.trainRows.map { all[$0] }
            let validation = testX.map { ($0, dataset.testRows.map { all[$0] }) }
            trained = try model { try fitClassifier(settings, trainX, labels, classCount: names.count, validation: validation) }
        }
        if let trace = trained.trace {
            finalCost = trace.finalCost
            if let divergence = trace.divergence {
                warnings.append("training diverged: \(divergence.message); the model keeps the last finite parameters (step \(trace.iterationsRun)). Lower --learning-rate" + (settings.scaling == .none ? " or scale the features (--scale zscore)" : ""))
            }
        }
        let trainPredictions = try predictions(trained, trainX)
        let testPredictions = try testX.map { try predictions(trained, $0) }
        let trainMetrics = metrics(trainPredictions, dataset: dataset, rows: dataset.trainRows)
        let testMetrics = testPredictions.map { metrics($0, dataset: dataset, rows: dataset.testRows) }
        return FitOutcome(settings: settings, dataset: dataset, pipeline: pipeline, model: trained,
                          trainPredictions: trainPredictions, testPredictions: testPredictions,
                          trainMetrics: trainMetrics, testMetrics: testMetrics, finalCost: finalCost, warnings: warnings)
    }

    static func fitRegressor(_ settings: FitSettings, _ x: Matrix, _ y: [Double],
                             validation: (x: Matrix, values: [Double])? = nil) throws -> TrainedModel {
        switch settings.model {
        case .linearRegression:
            switch settings.solver ?? .gd {
            case .normal:
                // O(n^3) in the columns: beyond a few thousand it would run for hours.
                guard x.columns <= maximumNormalEquationColumns else {
                    throw FitError.fitFailed("the normal equation with \(x.columns) columns would take too long "
                        + "(it grows as the cube of the columns); use --solver gd or sgd, or a lower --degree")
                }
                return .closedForm(settings.l2 > 0 ? try RidgeRegression(alpha: settings.l2).fit(x, y)
                                                   : try NormalEquationRegression().fit(x, y))
            case .gd:
                return .gradientDescent(try LinearRegression(
                    learningRate: settings.learningRate ?? 0.1, iterations: settings.iterations ?? 1000).fit(x, y))
            case .sgd:
                return .stochastic(try SGDRegressor(
                    mode: .miniBatch(size: settings.batchSize ?? 32), learningRate: settings.learningRate ?? 0.01,
                    epochs: settings.epochs ?? 50, seed: settings.seed).fit(x, y))
            }
        case .knn:
            return .knnRegressor(try KNeighborsRegressor(k: settings.neighbors ?? 5).fit(x, y))
        case .decisionTree:
            return .treeRegressor(try DecisionTreeRegressor(maxDepth: settings.maxDepth, seed: settings.seed).fit(x, y))
        case .neuralNetwork:
            return .networkRegressor(try NeuralNetworkRegressor(
                hiddenLayers: settings.hidden ?? [100], optimizer: .adam(learningRate: settings.learningRate ?? 0.001),
                l2: settings.l2, epochs: settings.epochs ?? 200, batchSize: settings.batchSize ?? 200,
                seed: settings.seed).fit(x, y, validation: validation.map { ($0.x, $0.values) }))
        case .logisticRegression, .svm:
            preconditionFailure("\(settings.model.rawValue) is a classifier")
        }
    }

    static func fitClassifier(_ settings: FitSettings, _ x: Matrix, _ labels: [Int], classCount: Int,
                              validation: (x: Matrix, labels: [Int])? = nil) throws -> TrainedModel {
        switch settings.model {
        case .logisticRegression:
            let rate = settings.learningRate ?? 0.1, iterations = settings.iterations ?? 1000
            if classCount == 2 {
                return .logistic(try LogisticRegression(learningRate: rate, iterations: iterations,
                                                        regularization: settings.l2).fit(x, labels))
            }
            return .softmax(try SoftmaxRegression(learningRate: rate, iterations: iterations,
                                                  regularization: settings.l2, classCount: classCount).fit(x, labels))
        case .knn:
            return .knnClassifier(try KNeighborsClassifier(k: settings.neighbors ?? 5).fit(x, labels))
        case .decisionTree:
            return .treeClassifier(try DecisionTreeClassifier(maxDepth: settings.maxDepth, seed: settings.seed).fit(x, labels))
        case .svm:
            let gamma: KernelGamma = settings.gamma.map { .value($0) } ?? .scale
            let kernel: Kernel
            switch settings.kernel ?? .rbf {
            case .linear: kernel = .linear
            case .poly: kernel = .polynomial(degree: settings.kernelDegree ?? 3, gamma: gamma)
            case .rbf: kernel = .rbf(gamma: gamma)
            }
            return .svm(try SupportVectorClassifier(c: settings.c ?? 1, kernel: kernel).fit(x, labels))
        case .neuralNetwork:
            return .networkClassifier(try NeuralNetworkClassifier(
                hiddenLayers: settings.hidden ?? [100], optimizer: .adam(learningRate: settings.learningRate ?? 0.001),
                l2: settings.l2, epochs: settings.epochs ?? 200, batchSize: settings.batchSize ?? 200,
                seed: settings.seed).fit(x, labels, validation: validation.map { ($0.x, $0.labels) }))
        case .linearRegression:
            preconditionFailure("linear regression is a regressor")
        }
    }

    /// Predictions for transformed rows.
    static func predictions(_ model: TrainedModel, _ x: Matrix) throws -> FitPredictions {
        switch model {
        case .closedForm, .gradientDescent, .stochastic, .knnRegressor, .treeRegressor, .networkRegressor:
            return .values(try self.model { try model.predictValues(x) })
        case .knnClassifier:
            // One neighbour search gives both: the class is the largest vote share (ties to the smaller code).
            let probabilities = try self.model { try model.predictProbabilities(x) }
            return .classes(argmax(probabilities), probabilities: probabilities)
        case .logistic, .softmax, .treeClassifier, .svm, .networkClassifier:
            let probabilities = try self.model { try model.predictProbabilities(x) }
            return .classes(try self.model { try model.predictClasses(x) }, probabilities: probabilities)
        }
    }

    /// The first largest entry of each row.
    static func argmax(_ matrix: Matrix) -> [Int] {
        (0..<matrix.rows).map { i in
            var best = 0
            for j in 1..<max(1, matrix.columns) where matrix[i, j] > matrix[i, best] { best = j }
            return best
        }
    }

    static func metrics(_ predictions: FitPredictions, dataset: FitDataset, rows: [Int]) -> FitMetrics {
        switch (predictions, dataset.target) {
        case (.values(let predicted), .values(let all)):
            return .regression(truth: rows.map { all[$0] }, predictions: predicted)
        case (.classes(let predicted, let probabilities), .classes(let all, let names)):
            return .classification(truth: rows.map { all[$0] }, predictions: predicted,
                                   probabilities: probabilities, classCount: names.count)
        default:
            preconditionFailure("predictions and target disagree on the task")
        }
    }

    /// Runs `body`, turning a `ModelError` into a `FitError`.
    static func model<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ModelError {
            throw FitError.model(error)
        }
    }
}
