import Testing
@testable import Models

@Suite struct SoftmaxRegressionTests {
    @Test func classifiesThreeBlobs() throws {
        let (X, labels) = TestData.blobs(perClass: 60, seed: 1)
        let model = try SoftmaxRegression(learningRate: 0.5, iterations: 2000).fit(X, labels)
        #expect(model.classCount == 3 && model.weights.rows == 3 && model.weights.columns == 2)
        #expect(try model.score(X, labels) > 0.85)
        let probabilities = try model.predictProbabilities(X)
        for i in 0..<X.rows {
            #expect(close(probabilities.row(i).reduce(0, +), 1, 1e-12))
        }
        #expect(close(model.history.costs[0], 1.0986122886681098))   // log 3 at zero parameters
        #expect(model.history.path.last!.weights == model.weights.storage)
        #expect(model.history.path.last!.intercepts == model.intercepts)
    }

    @Test func softmaxIsStable() {
        #expect(softmax([1000, 1000]) == [0.5, 0.5])
        let p = softmax([1, 2, 3])
        #expect(close(p.reduce(0, +), 1) && p[2] > p[1] && p[1] > p[0])
        #expect(softmax([-1e308, 0]) == [0, 1])
    }

    @Test func regularisationShrinksWeights() throws {
        let (X, labels) = TestData.blobs(perClass: 30, seed: 2)
        let plain = try SoftmaxRegression(learningRate: 0.5, iterations: 500).fit(X, labels)
        let regularised = try SoftmaxRegression(learningRate: 0.5, iterations: 500, regularization: 20).fit(X, labels)
        let norm = { (m: Matrix) in m.storage.reduce(0) { $0 + $1 * $1 } }
        #expect(norm(regularised.weights) < norm(plain.weights))
    }

    @Test func explicitClassCountAllowsAMissingClass() throws {
        let model = try SoftmaxRegression(iterations: 10, classCount: 4).fit(Matrix([[0], [1], [2]]), [0, 1, 0])
        #expect(model.classCount == 4)
        #expect(try model.predictProbabilities(Matrix([[1]])).columns == 4)
    }
}
