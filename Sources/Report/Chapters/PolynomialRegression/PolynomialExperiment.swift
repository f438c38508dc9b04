import Foundation
import Models

/// Every model run of the polynomial-regression chapter: engineered features for y = 1 + x^2, a
/// z-scored degree-13 fit of cos(x/2), and polynomials of horsepower predicting fuel economy.
struct PolynomialExperiment: Sendable {
    /// One gradient-descent fit of y = 1 + x^2 with a chosen set of powers of x as features.
    struct EngineeredRun: Sendable {
        let name: String
        let powers: [Int]
        let zScored: Bool
        let rate: Double
        let iterations: Int
    }

    /// The settings the chapter teaches with (the course's where it has them).
    struct Settings: Sendable {
        var engineeredRuns = [
            EngineeredRun(name: "x", powers: [1], zScored: false, rate: 1e-2, iterations: 1000),
            EngineeredRun(name: "x²", powers: [2], zScored: false, rate: 1e-5, iterations: 10_000),
            EngineeredRun(name: "x, x², x³", powers: [1, 2, 3], zScored: false, rate: 1e-7, iterations: 10_000),
            EngineeredRun(name: "x, x², x³ z-scored", powers: [1, 2, 3], zScored: true, rate: 0.5, iterations: 10_000),
        ]
        var cosineDegree = 13
        var cosineRate = 0.1
        var cosineIterations = 100_000
        /// The degrees drawn over the cars data.
        var carsDegrees = [1, 2, 3, 16]
        /// The degrees of the training/validation curve.
        var validationDegrees = Array(1...20)
    }

    /// A fitted engineered run, with its model in terms of the raw powers of x.
    struct EngineeredFit: Sendable {
        let run: EngineeredRun
        let model: LinearModel
        let history: TrainingHistory
        /// Predictions at `xs` (any x, not only the training points).
        func predict(_ xs: [Double]) throws -> [Double] {
            try model.predict(PolynomialExperiment.powers(xs, run.powers))
        }
    }

    /// A polynomial in z-scored horsepower: the scaler, the degree and the least-squares model.
    struct HorsepowerPolynomial: Sendable {
        let degree: Int
        let scaler: StandardScaler
        let model: LinearModel
        func predict(_ horsepower: [Double]) throws -> [Double] {
            let z = try scaler.transform(Matrix(column: horsepower))
            return try model.predict(try PolynomialFeatures.powers(of: z.column(0), degree: degree))
        }
        /// Fits by the normal equation on the powers of horsepower z-scored on these rows.
        init(degree: Int, horsepower: [Double], mpg: [Double]) throws {
            self.degree = degree
            scaler = try StandardScaler.fit(Matrix(column: horsepower))
            let z = try scaler.transform(Matrix(column: horsepower)).column(0)
            model = try NormalEquationRegression().fit(try PolynomialFeatures.powers(of: z, degree: degree), mpg)
        }
    }

    /// Training and validation error of one degree.
    struct DegreeErrors: Sendable {
        let degree: Int
        let trainingMSE: Double
        let validationMSE: Double
    }

    let settings: Settings
    /// x = 0, 1, ..., 19 and y = 1 + x^2.
    let x: [Double]
    let quadratic: [Double]
    let engineered: [EngineeredFit]
    /// The z-scored degree-13 fit of cos(x/2).
    let cosineScaler: StandardScaler
    let cosineFit: FittedLinearRegression
    /// Horsepower and mpg of the cars without missing values.
    let horsepower: [Double]
    let mpg: [Double]
    /// The original data rows (0-based) that were dropped for a missing value.
    let droppedRows: [Int]
    /// Fits on all cars, one per ``Settings/carsDegrees``.
    let carsFits: [HorsepowerPolynomial]
    let validationTestRows: [Int]
    let validationCurve: [DegreeErrors]

    /// - Parameter validationTestRows: the rows (of the cars kept) held out for validation.
    init(settings: Settings = Settings(), validationTestRows: [Int]) throws {
        self.settings = settings
        x = (0..<20).map(Double.init)
        quadratic = x.map { 1 + $0 * $0 }
        engineered = try settings.engineeredRuns.map { run in
            try Self.fitEngineered(run, x: (0..<20).map(Double.init), y: (0..<20).map { 1 + Double($0 * $0) })
        }
        let cosineFeatures = try PolynomialFeatures.powers(of: x, degree: settings.cosineDegree)
        cosineScaler = try StandardScaler.fit(cosineFeatures)
        cosineFit = try LinearRegression(learningRate: settings.cosineRate, iterations: settings.cosineIterations,
                                         maxPathLength: 2)
            .fit(try cosineScaler.transform(cosineFeatures), x.map { cos($0 / 2) })

        let table = try BundledDataset.cars.load()
        let columns = ["Horsepower", BundledDataset.cars.targetColumn]
        let complete = try table.droppingRowsWithMissingValues(in: columns)
        let keptLines = Set(complete.sourceLines)
        droppedRows = table.sourceLines.enumerated().filter { !keptLines.contains($0.element) }.map(\.offset)
        horsepower = try complete.numeric("Horsepower")
        mpg = try complete.numeric(BundledDataset.cars.targetColumn)
        let (horsepower, mpg) = (self.horsepower, self.mpg)
        carsFits = try settings.carsDegrees.map { try HorsepowerPolynomial(degree: $0, horsepower: horsepower, mpg: mpg) }

        guard let largest = validationTestRows.max(), largest < horsepower.count, validationTestRows.min()! >= 0,
              Set(validationTestRows).count == validationTestRows.count, validationTestRows.count < horsepower.count else {
            throw ModelError.invalidHyperparameter(
                name: "validationTestRows", value: "\(validationTestRows.count) rows",
                reason: "must be distinct row numbers in 0..<\(horsepower.count), leaving some rows for training")
        }
        self.validationTestRows = validationTestRows
        let held = Set(validationTestRows)
        let trainingRows = horsepower.indices.filter { !held.contains($0) }
        let trainHP = trainingRows.map { horsepower[$0] }, trainMPG = trainingRows.map { mpg[$0] }
        let testHP = validationTestRows.map { horsepower[$0] }, testMPG = validationTestRows.map { mpg[$0] }
        validationCurve = try settings.validationDegrees.map { degree in
            let fit = try HorsepowerPolynomial(degree: degree, horsepower: trainHP, mpg: trainMPG)
            return DegreeErrors(degree: degree,
                                trainingMSE: try meanSquaredError(trainMPG, try fit.predict(trainHP)),
                                validationMSE: try meanSquaredError(testMPG, try fit.predict(testHP)))
        }
    }

    /// The columns x^p for each p in `powers`.
    static func powers(_ xs: [Double], _ powers: [Int]) -> Matrix {
        Matrix(xs.map { value in powers.map { pow(value, Double($0)) } })
    }

    static func fitEngineered(_ run: EngineeredRun, x: [Double], y: [Double]) throws -> EngineeredFit {
        let features = powers(x, run.powers)
        let estimator = LinearRegression(learningRate: run.rate, iterations: run.iterations, maxPathLength: 2)
        if run.zScored {
            let scaler = try StandardScaler.fit(features)
            let fit = try estimator.fit(try scaler.transform(features), y)
            return EngineeredFit(run: run, model: try LinearModel.unscaling(weights: fit.weights, bias: fit.bias, scaler: scaler),
                                 history: fit.history)
        }
        let fit = try estimator.fit(features, y)
        return EngineeredFit(run: run, model: LinearModel(weights: fit.weights, bias: fit.bias), history: fit.history)
    }

    /// The z-scored cosine model's prediction at any x.
    func cosinePrediction(_ xs: [Double]) throws -> [Double] {
        let features = try PolynomialFeatures.powers(of: xs, degree: settings.cosineDegree)
        return try cosineFit.predict(try cosineScaler.transform(features))
    }
}
