import Models

/// Every model run of the feature-scaling chapter, on the house data (99 houses, four features,
/// price in k$): raw gradient descent at three learning rates, z-scored gradient descent, the normal
/// equation, and descents restricted to the two weights (w0, w1) for the contour figure.
struct HouseScalingExperiment: Sendable {
    static let featureColumns = ["size_sqft", "bedrooms", "floors", "age_years"]
    /// Axis labels with units, in the order of ``featureColumns``.
    static let featureLabels = ["size (sqft)", "bedrooms", "floors", "age (years)"]
    /// The course's example house: 1200 sqft, 3 bedrooms, 1 floor, 40 years old.
    static let exampleHouse: [Double] = [1200, 3, 1, 40]

    /// The settings the chapter teaches with (the course's, so learners can compare).
    struct Settings: Sendable {
        /// Raw-feature learning rates: diverges, oscillates but converges, slow.
        var rawRates: [Double] = [9.9e-7, 9e-7, 1e-7]
        var rawIterations = 10
        var scaledRate = 0.1
        var scaledIterations = 1000
        /// The longer raw run of the convergence comparison (the largest rate that converges).
        var comparisonRawRate = 9e-7
        var comparisonIterations = 10_000
        /// Steps of the two-weight descents drawn on the contours.
        var contourSteps = 60
    }

    /// One raw run of ``Settings/rawRates``.
    struct LearningRateRun: Sendable {
        let rate: Double
        let fit: FittedLinearRegression
        /// w0 after each step (step 0 = the start).
        var w0Path: [Double] { fit.history.path.map { $0.weights[0] } }
    }

    /// A descent over two weights with every other parameter held at its optimum.
    struct PairDescent: Sendable {
        let rate: Double
        let path: [(Double, Double)]
    }

    let settings: Settings
    let x: Matrix
    let y: [Double]
    let scaler: StandardScaler
    let z: Matrix
    /// The exact least-squares answer on raw features (normal equation).
    let rawOptimum: LinearModel
    /// The exact least-squares answer on z-scored features.
    let scaledOptimum: LinearModel
    let learningRateRuns: [LearningRateRun]
    /// Gradient descent on z-scored features (alpha 0.1, 1000 iterations).
    let scaledFit: FittedLinearRegression
    /// The longer raw run for the convergence comparison.
    let rawComparison: FittedLinearRegression
    let rawPairDescent: PairDescent
    let scaledPairDescent: PairDescent

    init(settings: Settings = Settings()) throws {
        self.settings = settings
        let table = try BundledDataset.houses.load()
        let x = try table.matrix(columns: Self.featureColumns)
        let y = try table.numeric(BundledDataset.houses.targetColumn)
        self.x = x
        self.y = y
        scaler = try StandardScaler.fit(x)
        z = try scaler.transform(x)
        rawOptimum = try NormalEquationRegression().fit(x, y)
        scaledOptimum = try NormalEquationRegression().fit(z, y)
        learningRateRuns = try settings.rawRates.map { rate in
            LearningRateRun(rate: rate, fit: try LinearRegression(
                learningRate: rate, iterations: settings.rawIterations).fit(x, y))
        }
        scaledFit = try LinearRegression(learningRate: settings.scaledRate, iterations: settings.scaledIterations).fit(z, y)
        rawComparison = try LinearRegression(learningRate: settings.comparisonRawRate,
                                             iterations: settings.comparisonIterations, maxPathLength: 2).fit(x, y)
        rawPairDescent = try Self.descendOnFirstTwoWeights(x, y, optimum: rawOptimum, rate: settings.comparisonRawRate,
                                                           steps: settings.contourSteps)
        scaledPairDescent = try Self.descendOnFirstTwoWeights(z, y, optimum: scaledOptimum, rate: settings.scaledRate,
                                                              steps: settings.contourSteps)
    }

    /// J with the first two weights set to `w0`, `w1` and the rest of `optimum` unchanged.
    static func cost(_ x: Matrix, _ y: [Double], optimum: LinearModel, w0: Double, w1: Double) throws -> Double {
        var weights = optimum.weights
        weights[0] = w0
        weights[1] = w1
        return try LinearRegression.cost(x, y, weights: weights, bias: optimum.bias)
    }

    /// J as a function of w0 alone, the other parameters at `optimum`.
    static func cost(_ x: Matrix, _ y: [Double], optimum: LinearModel, w0: Double) throws -> Double {
        try cost(x, y, optimum: optimum, w0: w0, w1: optimum.weights[1])
    }

    /// Gradient descent from w0 = w1 = 0 that moves only those two weights, so its path lies on the
    /// surface J(w0, w1) that the contour figure draws (the other parameters stay at the optimum).
    static func descendOnFirstTwoWeights(_ x: Matrix, _ y: [Double], optimum: LinearModel,
                                         rate: Double, steps: Int) throws -> PairDescent {
        var weights = optimum.weights
        weights[0] = 0
        weights[1] = 0
        var path = [(weights[0], weights[1])]
        for _ in 0..<steps {
            let gradient = try LinearRegression.gradient(x, y, weights: weights, bias: optimum.bias)
            weights[0] -= rate * gradient.weights[0]
            weights[1] -= rate * gradient.weights[1]
            path.append((weights[0], weights[1]))
        }
        return PairDescent(rate: rate, path: path)
    }

    /// The example house's prediction when it is z-scored with the training statistics, and when
    /// it is (wrongly) z-scored with statistics of its own.
    func examplePredictions(model: FittedLinearRegression) throws -> (training: (z: [Double], price: Double),
                                                                        own: (z: [Double], price: Double)) {
        let house = Matrix([Self.exampleHouse])
        let trainingZ = try scaler.transform(house)
        // A lone example is its own mean, with zero spread: every feature becomes 0.
        let ownScaler = try StandardScaler.fit(house)
        let ownZ = try ownScaler.transform(house)
        return ((trainingZ.row(0), try model.predict(trainingZ)[0]), (ownZ.row(0), try model.predict(ownZ)[0]))
    }
}
