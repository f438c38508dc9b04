import Testing
@testable import Models

@Suite struct DecisionTreeRegressorTests {
    @Test func oneSplitByHand() throws {
        let model = try DecisionTreeRegressor().fit(Matrix([[1], [2], [3], [4]]), [1, 1, 5, 5])
        let root = model.tree.nodes[0]
        #expect(root.feature == 0 && root.threshold == 2.5)
        #expect(root.value == [3] && root.impurity == 4) // mean 3, variance 4
        #expect(root.impurityDecrease == 4)
        #expect(model.tree.nodes[1].value == [1] && model.tree.nodes[2].value == [5])
        #expect(try model.predict(Matrix([[0], [10]])) == [1, 5])
        #expect(try model.score(Matrix([[1], [2], [3], [4]]), [1, 1, 5, 5]) == 1)
    }

    @Test func bestThresholdMinimisesSquaredError() throws {
        // Targets 0, 0, 0, 10, 12 -> split between 3 and 4 (x = 3.5).
        let x = Matrix([[1], [2], [3], [4], [5]])
        let model = try DecisionTreeRegressor(maxDepth: 1).fit(x, [0, 0, 0, 10, 12])
        #expect(model.tree.nodes[0].threshold == 3.5)
        #expect(try model.predict(Matrix([[4.5]])) == [11])
        // Variance 1 in the right leaf.
        #expect(model.tree.nodes[2].impurity == 1)
    }

    @Test func unlimitedDepthFitsTheTrainingData() throws {
        var generator = SeededGenerator(seed: 3)
        let x = Matrix(rows: 200, columns: 3, storage: (0..<600).map { _ in generator.nextUnit() })
        let y = (0..<200).map { x[$0, 0] * 3 + generator.nextGaussian() }
        let model = try DecisionTreeRegressor().fit(x, y)
        #expect(try model.score(x, y) == 1)
        #expect(model.featureImportances[0] > model.featureImportances[1])
        let shallow = try DecisionTreeRegressor(maxDepth: 3).fit(x, y)
        #expect(shallow.tree.depth == 3 && shallow.tree.leafCount <= 8)
    }

    @Test func errorsAreTyped() {
        #expect(throws: ModelError.nonFinite(row: 1, column: 1)) {
            try DecisionTreeRegressor().fit(Matrix([[1], [2]]), [0, .infinity])
        }
        #expect(throws: ModelError.self) { try DecisionTreeRegressor(maxDepth: -2).fit(Matrix([[1], [2]]), [0, 1]) }
        #expect(throws: ModelError.self) { try DecisionTreeRegressor().fit(Matrix([[1], [2]]), [0]) }
    }
}
