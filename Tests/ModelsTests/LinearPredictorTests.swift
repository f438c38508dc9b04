import Models
import Testing

/// The shared scoring of the linear models: `w · x + b` per row, with the width checked.
@Suite struct LinearPredictorTests {
    let x = Matrix(rows: 2, columns: 2, storage: [1, 2, 3, 4])

    @Test func linearModelPredictsItsScores() throws {
        let model = LinearModel(weights: [0.5, -1], bias: 2)
        #expect(model.featureCount == 2)
        #expect(try model.scores(x) == [0.5, -0.5])
        #expect(try model.predict(x) == [0.5, -0.5])
    }

    @Test func logisticDecisionFunctionIsTheScore() throws {
        let model = try LogisticRegression(learningRate: 0.1, iterations: 50)
            .fit(x, [0, 1])
        #expect(try model.decisionFunction(x) == (try model.scores(x)))
        #expect(model.featureCount == 2)
    }

    @Test func wrongWidthThrows() {
        let model = LinearModel(weights: [1, 2, 3], bias: 0)
        #expect(throws: ModelError.self) { try model.scores(x) }
        #expect(throws: ModelError.self) { try model.predict(x) }
    }
}
