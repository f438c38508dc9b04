import Testing
@testable import Models

/// Models can be handled uniformly through the small protocols (as a `report fit` command would).
@Suite struct EstimatorProtocolTests {
    @Test func regressorsThroughExistentials() throws {
        let X = TestData.uniformMatrix(rows: 60, columns: 2, seed: 3)
        let y = TestData.linearTarget(X, weights: [2, -1], bias: 0.5, noise: 0.01, seed: 4)
        let regressors: [any Regressor] = [
            NormalEquationRegression(), RidgeRegression(alpha: 0.01),
            LinearRegression(learningRate: 0.5, iterations: 2000),
            SGDRegressor(mode: .miniBatch(size: 8), learningRate: 0.1, epochs: 200, seed: 1),
        ]
        for regressor in regressors {
            let fitted: any FittedRegressor = try regressor.fit(X, y)
            #expect(fitted.featureCount == 2)
            #expect(try fitted.score(X, y) > 0.999, "\(type(of: regressor))")
        }
    }

    @Test func classifiersThroughExistentials() throws {
        let X = Matrix([[0.5, 1.5], [1, 1], [1.5, 0.5], [3, 0.5], [2, 2], [1, 2.5]])
        let labels = [0, 0, 0, 1, 1, 1]
        let classifiers: [any Classifier] = [
            LogisticRegression(learningRate: 0.5, iterations: 3000),
            SoftmaxRegression(learningRate: 0.5, iterations: 3000),
        ]
        for classifier in classifiers {
            let fitted: any FittedClassifier = try classifier.fit(X, labels)
            #expect(fitted.classCount == 2)
            #expect(try fitted.score(X, labels) == 1, "\(type(of: classifier))")
            let probabilities = try fitted.predictProbabilities(X)
            #expect(probabilities.rows == 6 && probabilities.columns == 2)
        }
    }
}
