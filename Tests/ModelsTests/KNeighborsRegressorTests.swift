import Testing
@testable import Models

@Suite struct KNeighborsRegressorTests {
    let x = Matrix([[0], [1], [2], [3], [10]])
    let y: [Double] = [0, 10, 20, 30, 100]

    @Test(arguments: NeighborSearchAlgorithm.allCases)
    func uniformMeanByHand(algorithm: NeighborSearchAlgorithm) throws {
        let model = try KNeighborsRegressor(k: 2, algorithm: algorithm).fit(x, y)
        // 1.4 -> neighbours 1 and 2; 8 -> 10 and 3.
        #expect(try model.predict(Matrix([[1.4], [8]])) == [15, 65])
    }

    @Test func distanceWeightedMeanByHand() throws {
        let model = try KNeighborsRegressor(k: 2, weights: .distance).fit(x, y)
        let predicted = try model.predict(Matrix([[1.25]]))[0]
        let expected = (10 / 0.25 + 20 / 0.75) / (1 / 0.25 + 1 / 0.75) // 12.5
        #expect(abs(predicted - expected) < 1e-12)
        // An exact match returns its own target.
        #expect(try model.predict(Matrix([[3]])) == [30])
    }

    @Test func scoreIsRSquared() throws {
        let model = try KNeighborsRegressor(k: 1).fit(x, y)
        #expect(try model.score(x, y) == 1)
        // Predicting [0, 10] for targets [5, 5]... constant target and imperfect: 0.
        #expect(try model.score(Matrix([[0], [1]]), [5, 5]) == 0)
        // By hand: predictions [0, 10, 20] for targets [0, 10, 26]: 1 - 36 / 344.
        let r2 = try model.score(Matrix([[0], [1], [2]]), [0, 10, 26])
        let mean = 12.0
        let total = (0 - mean) * (0 - mean) + (10 - mean) * (10 - mean) + (26 - mean) * (26 - mean)
        #expect(abs(r2 - (1 - 36 / total)) < 1e-12)
    }

    @Test func errorsAreTyped() throws {
        // A target is reported as the column after the features.
        #expect(throws: ModelError.nonFinite(row: 2, column: 1)) {
            try KNeighborsRegressor(k: 1).fit(x, [0, 1, .nan, 3, 4])
        }
        #expect(throws: ModelError.self) { try KNeighborsRegressor(k: -1).fit(x, y) }
        #expect(throws: ModelError.self) { try KNeighborsRegressor(k: 1).fit(x, [1]) }
        #expect(throws: ModelError.self) { try KNeighborsRegressor(k: 1).fit(Matrix(rows: 3, columns: 0), [1, 2, 3]) }
    }
}
