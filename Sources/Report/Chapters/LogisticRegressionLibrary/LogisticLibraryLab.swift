import Models

/// The experiments of the "logistic regression, library style" chapter: L2 regularisation on
/// polynomial features of two inputs, softmax regression on iris petals, and a regularised model on
/// the breast cancer data measured on a held-out test set.
struct LogisticLibraryLab: Sendable {
    // MARK: Regularisation on polynomial features

    /// The penalties compared; lambda = 0 is no penalty.
    static let lambdas: [Double] = [0, 0.1, 1, 10]
    static let polynomialDegree = 6
    static let moonsCount = 50
    static let moonsNoise = 0.3
    static let regularisedLearningRate = 1.0
    static let regularisedIterations = 12_000

    /// One fit of the regularisation experiment.
    struct RegularisedFit: Sendable {
        let lambda: Double
        let model: FittedLogisticRegression
        let trainingAccuracy: Double
    }

    /// Two noisy interleaved half circles, seeded.
    let moons: ClassificationSample
    let polynomial: PolynomialFeatures
    /// z-scores the polynomial features (their powers reach very different sizes).
    let polynomialScaler: StandardScaler
    let regularisedFits: [RegularisedFit]

    // MARK: Softmax on iris petals

    /// C = 1 / lambda of the scikit-learn fit we compare with.
    static let irisLambda = 1.0
    static let irisLearningRate = 1.0
    static let irisIterations = 2000
    static let irisClassNames = ["setosa", "versicolor", "virginica"]

    /// Petal length and width (cm).
    let petals: Matrix
    let species: [Int]
    /// The petal means; the model is trained on centred petals, which leaves the penalised weights'
    /// optimum unchanged and lets the intercepts converge fast.
    let petalMeans: [Double]
    let irisFit: FittedSoftmaxRegression

    // MARK: Breast cancer

    static let cancerLambda = 1.0
    static let cancerLearningRate = 2.0
    static let cancerIterations = 2000
    /// Class names by code (1 = benign is scikit-learn's positive class).
    static let cancerClassNames = ["malignant", "benign"]

    let cancerScaler: StandardScaler
    let cancerTrain: (x: Matrix, y: [Int])
    let cancerTest: (x: Matrix, y: [Int])
    let cancerFit: FittedLogisticRegression

    /// Runs every experiment. `testIndices` is the fixture's stratified test split of the breast
    /// cancer rows, so our test set is scikit-learn's.
    init(seed: UInt64, cancerTestIndices testIndices: [Int],
         regularisedIterations: Int = LogisticLibraryLab.regularisedIterations) throws {
        var generator = SeededGenerator(seed: seed)
        let moons = try SyntheticData.twoMoons(count: Self.moonsCount, noise: Self.moonsNoise, using: &generator)
        let polynomial = PolynomialFeatures(degree: Self.polynomialDegree)
        let expanded = try polynomial.transform(moons.x)
        let polynomialScaler = try StandardScaler.fit(expanded)
        let features = try polynomialScaler.transform(expanded)
        self.moons = moons
        self.polynomial = polynomial
        self.polynomialScaler = polynomialScaler
        regularisedFits = try Self.lambdas.map { lambda in
            let model = try LogisticRegression(learningRate: Self.regularisedLearningRate,
                                               iterations: regularisedIterations, regularization: lambda,
                                               maxPathLength: 2).fit(features, moons.y)
            return RegularisedFit(lambda: lambda, model: model, trainingAccuracy: try model.score(features, moons.y))
        }

        let iris = try BundledDataset.iris.load()
        petals = try iris.matrix(columns: ["petal_length_cm", "petal_width_cm"])
        species = try iris.labels("species").codes
        petalMeans = petals.columnMeans()
        irisFit = try SoftmaxRegression(learningRate: Self.irisLearningRate, iterations: Self.irisIterations,
                                        regularization: Self.irisLambda, maxPathLength: 2)
            .fit(Self.centred(petals, petalMeans), species)

        let cancer = try BundledDataset.breastCancer.load()
        let featureNames = cancer.columnNames.filter { $0 != BundledDataset.breastCancer.targetColumn }
        let x = try cancer.matrix(columns: featureNames)
        let y = try cancer.labels(BundledDataset.breastCancer.targetColumn).codes
        let testSet = Set(testIndices)
        guard testIndices.allSatisfy({ (0..<x.rows).contains($0) }), testSet.count == testIndices.count else {
            throw ModelError.invalidHyperparameter(name: "cancerTestIndices", value: "\(testIndices.count) indices",
                                                   reason: "must be distinct rows of the \(x.rows)-row breast cancer data")
        }
        let trainIndices = (0..<x.rows).filter { !testSet.contains($0) }
        let rawTrain = x.selectingRows(trainIndices)
        cancerScaler = try StandardScaler.fit(rawTrain)
        cancerTrain = (try cancerScaler.transform(rawTrain), trainIndices.map { y[$0] })
        cancerTest = (try cancerScaler.transform(x.selectingRows(testIndices)), testIndices.map { y[$0] })
        cancerFit = try LogisticRegression(learningRate: Self.cancerLearningRate, iterations: Self.cancerIterations,
                                           regularization: Self.cancerLambda, maxPathLength: 2)
            .fit(cancerTrain.x, cancerTrain.y)
    }

    // MARK: Derived values

    /// Rows of `x` minus `means`.
    static func centred(_ x: Matrix, _ means: [Double]) -> Matrix {
        var copy = x
        for i in 0..<x.rows { for j in 0..<x.columns { copy[i, j] -= means[j] } }
        return copy
    }

    /// The regularised models' features for raw moon points.
    func polynomialFeatures(_ points: Matrix) throws -> Matrix {
        try polynomialScaler.transform(try polynomial.transform(points))
    }

    /// The softmax intercepts for uncentred petals: `b_c - w_c . mean`.
    var irisIntercepts: [Double] {
        (0..<irisFit.classCount).map { c in
            irisFit.intercepts[c] - (0..<irisFit.featureCount).reduce(0) { $0 + irisFit.weights[c, $1] * petalMeans[$1] }
        }
    }

    /// Species predicted for raw petal rows.
    func predictSpecies(_ rawPetals: Matrix) throws -> [Int] {
        try irisFit.predict(Self.centred(rawPetals, petalMeans))
    }

    /// The softmax scores `z_c` of raw petal rows (`m x 3`).
    func speciesScores(_ rawPetals: Matrix) throws -> Matrix {
        try irisFit.decisionFunction(Self.centred(rawPetals, petalMeans))
    }

    /// P(benign) for each test row.
    func cancerTestProbabilities() throws -> [Double] {
        try cancerFit.predictPositiveProbabilities(cancerTest.x)
    }

    /// Precision and recall of "benign" when predicting benign at P(benign) >= threshold, for each
    /// threshold (precision is 1 by convention when nothing is predicted benign).
    func precisionRecall(thresholds: [Double]) throws -> (precision: [Double], recall: [Double]) {
        let probabilities = try cancerTestProbabilities()
        let positives = cancerTest.y.filter { $0 == 1 }.count
        var precision: [Double] = [], recall: [Double] = []
        for threshold in thresholds {
            var truePositives = 0, predictedPositives = 0
            for (p, y) in zip(probabilities, cancerTest.y) where p >= threshold {
                predictedPositives += 1
                if y == 1 { truePositives += 1 }
            }
            precision.append(predictedPositives == 0 ? 1 : Double(truePositives) / Double(predictedPositives))
            recall.append(Double(truePositives) / Double(positives))
        }
        return (precision, recall)
    }
}
