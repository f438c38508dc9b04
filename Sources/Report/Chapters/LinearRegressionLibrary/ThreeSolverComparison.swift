import Models

/// One least-squares problem solved three ways, as chapter 5 compares them: the normal equation on
/// the raw features, batch gradient descent on z-scored features and the SGD regressor on z-scored
/// features; both descents converted back to original units so all three can be compared.
struct ThreeSolverComparison: Sendable {
    /// Settings of one dataset's experiment.
    struct Setup: Sendable {
        let dataset: BundledDataset
        /// Feature columns, in the fixture's order.
        let features: [String]
        /// How each feature is named on charts.
        let featureLabels: [String]
        /// The unit of each raw weight (target unit per feature unit), e.g. "k$ per sqft".
        let weightUnits: [String]
        /// The target's name and unit on charts, e.g. "price (k$)".
        let targetLabel: String
        /// The target's unit alone, for the intercept.
        let targetUnit: String
        /// Batch gradient descent on z-scored features.
        let gradientDescent: LinearRegression
        /// The SGD regressor on z-scored features (its seed is replaced by the run's seed).
        let sgd: SGDRegressor

        /// The house prices of the course: 99 houses, 4 features, price in k$.
        static let houses = Setup(
            dataset: .houses, features: ["size_sqft", "bedrooms", "floors", "age_years"],
            featureLabels: ["size", "bedrooms", "floors", "age"],
            weightUnits: ["k$ per sqft", "k$ per bedroom", "k$ per floor", "k$ per year"],
            targetLabel: "price (k$)", targetUnit: "k$",
            gradientDescent: LinearRegression(learningRate: 0.1, iterations: 1000),
            sgd: SGDRegressor(mode: .stochastic, learningRate: 0.01, schedule: .inverseScaling(decay: 0.001),
                              epochs: 100))

        /// Diabetes progression: 442 patients, 10 baseline measurements in their raw units.
        static let diabetes = Setup(
            dataset: .diabetes,
            features: ["age", "sex", "bmi", "bp", "s1_tc", "s2_ldl", "s3_hdl", "s4_tch", "s5_ltg", "s6_glu"],
            featureLabels: ["age", "sex", "bmi", "bp", "s1 tc", "s2 ldl", "s3 hdl", "s4 tch", "s5 ltg", "s6 glu"],
            weightUnits: ["per year", "per sex code", "per kg/m²", "per bp unit", "per s1 unit", "per s2 unit",
                          "per s3 unit", "per s4 unit", "per s5 unit", "per s6 unit"],
            targetLabel: "progression", targetUnit: "progression units",
            // The two cholesterol columns are nearly collinear, so the cost has a very flat valley;
            // a larger step (still below 2 / the largest curvature) gets across it in 1000 steps.
            gradientDescent: LinearRegression(learningRate: 0.3, iterations: 1000),
            // 30 epochs of 442 updates: about as many updates as 100 epochs of the 99 houses.
            sgd: SGDRegressor(mode: .stochastic, learningRate: 0.01, schedule: .inverseScaling(decay: 0.001),
                              epochs: 30))
    }

    let setup: Setup
    /// The raw design matrix and targets.
    let x: Matrix
    let y: [Double]
    /// The z-score scaler fitted on all rows (as in the scikit-learn reference).
    let scaler: StandardScaler
    /// The normal equation on raw features.
    let normalEquation: LinearModel
    /// Batch gradient descent on z-scored features, and the same model in original units.
    let gradientDescent: FittedLinearRegression
    let gradientDescentInOriginalUnits: LinearModel
    /// The SGD regressor on z-scored features, and the same model in original units.
    let sgd: FittedSGDRegressor
    let sgdInOriginalUnits: LinearModel

    /// Loads the data and fits the three solvers; the SGD shuffles use `seed`.
    init(_ setup: Setup, seed: UInt64) throws {
        self.setup = setup
        let table = try setup.dataset.load()
        x = try table.matrix(columns: setup.features)
        y = try table.numeric(setup.dataset.targetColumn)
        scaler = try StandardScaler.fit(x)
        let z = try scaler.transform(x)
        normalEquation = try NormalEquationRegression().fit(x, y)
        gradientDescent = try setup.gradientDescent.fit(z, y)
        gradientDescentInOriginalUnits = try LinearModel.unscaling(
            weights: gradientDescent.weights, bias: gradientDescent.bias, scaler: scaler)
        var sgdSettings = setup.sgd
        sgdSettings.seed = seed
        sgd = try sgdSettings.fit(z, y)
        sgdInOriginalUnits = try LinearModel.unscaling(weights: sgd.weights, bias: sgd.bias, scaler: scaler)
    }

    /// The three models in original units, in the chapter's order, with their names.
    var modelsInOriginalUnits: [(name: String, model: LinearModel)] {
        [("normal equation", normalEquation), ("batch gradient descent", gradientDescentInOriginalUnits),
         ("SGD regressor", sgdInOriginalUnits)]
    }

    /// The cost J = MSE / 2 of the normal equation's model: the minimum every solver aims for.
    func minimumCost() throws -> Double {
        try meanSquaredError(y, normalEquation.predict(x)) / 2
    }
}
