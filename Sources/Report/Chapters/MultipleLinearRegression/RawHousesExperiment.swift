import Models

/// Chapter 2's experiment: four raw house features (size, bedrooms, floors, age) -> price, trained
/// by batch gradient descent with the course's tiny learning rate, beside the exact least-squares
/// answer that gradient descent is heading for.
struct RawHousesExperiment: Sendable {
    /// Small enough for size (values near 1000) not to blow up; larger rates such as 1e-6 diverge.
    static let learningRate = 5e-7
    static let iterations = 1000

    /// The feature columns in `houses.csv`, in order.
    static let featureColumns = ["size_sqft", "bedrooms", "floors", "age_years"]
    /// How each feature is named on axes and in tables, with its unit.
    static let featureNames = ["size (sqft)", "bedrooms", "floors", "age (years)"]
    /// Short names for the weights, with the feature each multiplies (plain text: table cells).
    static let weightNames = ["w₁ (size)", "w₂ (bedrooms)", "w₃ (floors)", "w₄ (age)"]

    /// The 99 houses, one column per feature.
    let features: Matrix
    /// Price in k$.
    let price: [Double]
    /// The model trained by gradient descent from all-zero parameters.
    let descent: FittedLinearRegression
    /// The exact minimum of the cost (normal equation).
    let exact: LinearModel

    init() throws {
        let table = try BundledDataset.houses.load()
        features = try table.matrix(columns: Self.featureColumns)
        price = try table.numeric(BundledDataset.houses.targetColumn)
        descent = try LinearRegression(learningRate: Self.learningRate, iterations: Self.iterations)
            .fit(features, price)
        exact = try NormalEquationRegression().fit(features, price)
    }

    /// Column `j` of the features.
    func feature(_ j: Int) -> [Double] { features.column(j) }
}
