import Testing
@testable import Models

@Suite struct LogisticRegressionTests {
    /// The six-point toy of the logistic regression lab.
    let X = Matrix([[0.5, 1.5], [1, 1], [1.5, 0.5], [3, 0.5], [2, 2], [1, 2.5]])
    let labels = [0, 0, 0, 1, 1, 1]

    @Test func separatesTheSixPointToy() throws {
        let model = try LogisticRegression(learningRate: 0.1, iterations: 10_000).fit(X, labels)
        #expect(try model.predict(X) == labels)
        #expect(try model.score(X, labels) == 1)
        let probabilities = try model.predictProbabilities(X)
        #expect(probabilities.rows == 6 && probabilities.columns == 2)
        for i in 0..<6 { #expect(close(probabilities[i, 0] + probabilities[i, 1], 1)) }
        #expect(try model.predictPositiveProbabilities(X).enumerated().allSatisfy { ($1 > 0.5) == (labels[$0] == 1) })
        // Cost falls monotonically with a small enough learning rate.
        let costs = model.history.costs
        #expect(zip(costs, costs.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(close(costs[0], 0.6931471805599453))   // log 2 at w = 0, b = 0
    }

    @Test func regularisationShrinksWeights() throws {
        let plain = try LogisticRegression(learningRate: 0.1, iterations: 3000).fit(X, labels)
        let regularised = try LogisticRegression(learningRate: 0.1, iterations: 3000, regularization: 3).fit(X, labels)
        let norm = { (w: [Double]) in w.reduce(0) { $0 + $1 * $1 } }
        #expect(norm(regularised.weights) < norm(plain.weights))
    }

    @Test func decisionBoundaryIsWhereTheScoreIsZero() throws {
        let model = try LogisticRegression(learningRate: 0.1, iterations: 500).fit(X, labels)
        let scores = try model.decisionFunction(X)
        #expect(zip(scores, try model.predict(X)).allSatisfy { ($0 >= 0) == ($1 == 1) })
    }

    @Test func sigmoidAndLossAreStableAtExtremes() {
        #expect(sigmoid(0) == 0.5)
        #expect(sigmoid(800) == 1 && sigmoid(-800) == 0)
        #expect(sigmoid(-800).isFinite)
        #expect(close(logisticLoss(score: -800, label: 1), 800))
        #expect(logisticLoss(score: 800, label: 1) == 0)
        #expect(close(logisticLoss(score: 0, label: 0), 0.6931471805599453))
    }

    @Test func divergenceIsDetected() throws {
        // With a huge learning rate on separable, unscaled data the parameters run off; the history
        // stays finite whatever happens.
        let model = try LogisticRegression(learningRate: 1e6, iterations: 1000, explosionFactor: 10)
            .fit(Matrix([[100], [200], [300], [400]]), [0, 1, 0, 1])
        #expect(model.history.diverged)
        #expect(model.history.costs.allSatisfy { $0.isFinite })
    }
}
