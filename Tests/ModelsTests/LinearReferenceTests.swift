import Testing
@testable import Models

/// Our regressors against scikit-learn (`Fixtures/sklearn_reference.json`).
///
/// Tolerances: closed-form solutions agree to 1e-8 relative (both solve the same least-squares
/// problem in double precision; cars at degree 3 has powers up to ~1e7, so 1e-6 there); gradient
/// descent, an iterative method stopped after a fixed number of steps, to 1e-6 relative on
/// predictions.
@Suite struct LinearReferenceTests {
    let reference: ReferenceFixture.Experiments

    init() throws {
        reference = try ReferenceFixture.shared().experiments
    }

    func housesData() throws -> (Matrix, [Double]) {
        let table = try BundledDataset.houses.load()
        let houses = reference.houses
        return (try table.matrix(columns: houses.features), try table.numeric(houses.target))
    }

    @Test func housesRawNormalEquation() throws {
        let (X, y) = try housesData()
        let expected = reference.houses.linearRaw
        let model = try NormalEquationRegression().fit(X, y)
        #expect(close(model.weights, expected.coef, 1e-8), "\(model.weights) vs \(expected.coef)")
        #expect(close(model.bias, expected.intercept, 1e-8))
        #expect(close(try model.score(X, y), expected.r2, 1e-10))
        #expect(close(try meanSquaredError(y, model.predict(X)), expected.mse, 1e-8))
        #expect(close(try model.predict(X).prefix(5).map { $0 }, expected.predictionsFirst5Rows, 1e-10))
        let example = Matrix([reference.houses.exampleHouse.values])
        #expect(close(try model.predict(example)[0], expected.examplePrediction, 1e-8))
    }

    @Test func housesZScoredGradientDescentReachesTheSamePredictions() throws {
        let (X, y) = try housesData()
        let expected = reference.houses.linearZscored
        let scaler = try StandardScaler.fit(X)
        #expect(close(scaler.means, expected.scaler!.mean, 1e-12) && close(scaler.scales, expected.scaler!.scale, 1e-12))
        let Z = try scaler.transform(X)
        let model = try LinearRegression(learningRate: 0.1, iterations: 5000).fit(Z, y)
        #expect(!model.history.diverged)
        #expect(close(model.weights, expected.coef, 1e-6), "\(model.weights) vs \(expected.coef)")
        #expect(close(model.bias, expected.intercept, 1e-6))
        #expect(close(try model.predict(Z).prefix(5).map { $0 }, expected.predictionsFirst5Rows, 1e-6))
        // The example house must be scaled with the training statistics, not its own.
        let example = try scaler.transform(Matrix([reference.houses.exampleHouse.values]))
        #expect(close(example.storage, expected.exampleZ!, 1e-12))
        #expect(close(try model.predict(example)[0], expected.examplePrediction, 1e-6))
        // The same predictions as the raw normal equation, and, converted to original units, the
        // same coefficients as sklearn's raw fit.
        let raw = try NormalEquationRegression().fit(X, y)
        #expect(close(try model.predict(Z), try raw.predict(X), 1e-6))
        let unscaled = try LinearModel.unscaling(weights: model.weights, bias: model.bias, scaler: scaler)
        #expect(close(unscaled.weights, reference.houses.linearRaw.coef, 1e-6))
        #expect(close(unscaled.bias, reference.houses.linearRaw.intercept, 1e-6))
        #expect(close(try unscaled.predict(X), try model.predict(Z), 1e-10))
    }

    @Test func housesRidge() throws {
        let (X, y) = try housesData()
        let Z = try StandardScaler.fit(X).transform(X)
        for expected in reference.houses.ridge {
            let features = expected.features == "raw" ? X : Z
            let model = try RidgeRegression(alpha: expected.alpha).fit(features, y)
            #expect(close(model.weights, expected.coef, 1e-8), "alpha \(expected.alpha) \(expected.features)")
            #expect(close(model.bias, expected.intercept, 1e-8))
            #expect(close(try model.score(features, y), expected.r2, 1e-9))
        }
    }

    @Test(arguments: [1, 2, 3])
    func carsMilesPerGallonOnHorsepower(degree: Int) throws {
        let cars = reference.carsPolynomial
        let table = try BundledDataset.cars.load().droppingRowsWithMissingValues(in: [cars.feature, cars.target])
        #expect(table.rowCount == cars.nRowsKept)
        let horsepower = try table.numeric(cars.feature)
        let y = try table.numeric(cars.target)
        let X = try PolynomialFeatures.powers(of: horsepower, degree: degree)
        let expected = try #require(cars.allRowsRawPowers.first { $0.degree == degree })
        let model = try NormalEquationRegression().fit(X, y)
        #expect(close(model.weights, expected.coef, 1e-6), "degree \(degree): \(model.weights) vs \(expected.coef)")
        #expect(close(model.bias, expected.intercept, 1e-6))
        #expect(close(try model.score(X, y), expected.r2, 1e-9))
        #expect(close(try meanSquaredError(y, model.predict(X)), expected.mse, 1e-8))
        let query = try PolynomialFeatures.powers(of: cars.queryHorsepower, degree: degree)
        #expect(close(try model.predict(query), expected.queryPredictions, 1e-8))
    }

    @Test func diabetesLeastSquares() throws {
        let diabetes = reference.diabetes
        let table = try BundledDataset.diabetes.load()
        let X = try table.matrix(columns: diabetes.features)
        let y = try table.numeric(diabetes.target)
        let raw = try NormalEquationRegression().fit(X, y)
        #expect(close(raw.weights, diabetes.linearRaw.coef, 1e-8))
        #expect(close(raw.bias, diabetes.linearRaw.intercept, 1e-8))
        let Z = try StandardScaler.fit(X).transform(X)
        let scaled = try NormalEquationRegression().fit(Z, y)
        #expect(close(scaled.weights, diabetes.linearZscored.coef, 1e-8))
        #expect(close(try scaled.score(Z, y), diabetes.linearZscored.r2, 1e-10))
        // SGD (a different update rule from sklearn's, so only the quality is compared): a decaying
        // learning rate gets within 1% of the least-squares R^2.
        let sgd = try SGDRegressor(mode: .miniBatch(size: 16), learningRate: 0.05,
                                   schedule: .inverseScaling(decay: 0.01), epochs: 200, seed: 0).fit(Z, y)
        #expect(try sgd.score(Z, y) > diabetes.linearZscored.r2 - 0.01)
        #expect(abs(diabetes.sgdZscored.r2 - diabetes.linearZscored.r2) < 0.01)
    }
}
