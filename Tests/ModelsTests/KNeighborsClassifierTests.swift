import Testing
@testable import Models

@Suite struct KNeighborsClassifierTests {
    // One feature: 0, 1, 2, 3, 10 with labels 0, 0, 1, 1, 1.
    let x = Matrix([[0], [1], [2], [3], [10]])
    let y = [0, 0, 1, 1, 1]

    @Test(arguments: NeighborSearchAlgorithm.allCases)
    func uniformVoteByHand(algorithm: NeighborSearchAlgorithm) throws {
        let model = try KNeighborsClassifier(k: 3, algorithm: algorithm).fit(x, y)
        // Query 1.4: nearest are 1 (0.4), 2 (0.6), 0 (1.4) -> labels 0, 1, 0.
        #expect(try model.predict(Matrix([[1.4]])) == [0])
        let p = try model.predictProbabilities(Matrix([[1.4], [9]]))
        #expect(p.row(0) == [2.0 / 3.0, 1.0 / 3.0])
        // Query 9: nearest are 10, 3, 2 -> all label 1.
        #expect(p.row(1) == [0, 1])
        #expect(model.classCount == 2 && model.featureCount == 1)
    }

    @Test func distanceWeightsByHand() throws {
        let model = try KNeighborsClassifier(k: 3, weights: .distance).fit(x, y)
        let p = try model.predictProbabilities(Matrix([[1.4]])).row(0)
        let w0 = 1 / 0.4 + 1 / 1.4, w1 = 1 / (2 - 1.4)
        #expect(abs(p[0] - w0 / (w0 + w1)) < 1e-12)
        #expect(abs(p[1] - w1 / (w0 + w1)) < 1e-12)
        // Query 2.4 uniform: 2, 3, 1 -> 1, 1, 0; distance weights agree.
        #expect(try model.predict(Matrix([[2.4]])) == [1])
    }

    @Test func exactMatchDominatesDistanceWeights() throws {
        let model = try KNeighborsClassifier(k: 3, weights: .distance).fit(Matrix([[0], [1], [1.5]]), [0, 1, 1])
        #expect(try model.predictProbabilities(Matrix([[0]])).row(0) == [1, 0])
        #expect(try model.predict(Matrix([[0]])) == [0])
        // Two exact matches (duplicates) share the vote equally.
        let twin = try KNeighborsClassifier(k: 3, weights: .distance).fit(Matrix([[0], [0], [0.1]]), [0, 1, 1])
        #expect(try twin.predictProbabilities(Matrix([[0]])).row(0) == [0.5, 0.5])
    }

    @Test func tiesAreBrokenDeterministically() throws {
        // Both training points are at distance 1: the lower index is the nearer neighbour.
        let pair = Matrix([[0], [2]])
        #expect(try KNeighborsClassifier(k: 1).fit(pair, [2, 1]).predict(Matrix([[1]])) == [2])
        #expect(try KNeighborsClassifier(k: 1).fit(pair, [1, 2]).predict(Matrix([[1]])) == [1])
        // k = 2: one vote each, so the smaller class code wins whatever the order.
        #expect(try KNeighborsClassifier(k: 2).fit(pair, [2, 1]).predict(Matrix([[1]])) == [1])
        #expect(try KNeighborsClassifier(k: 2).fit(pair, [1, 2]).predict(Matrix([[1]])) == [1])
    }

    @Test func absentClassCodesGetZeroProbability() throws {
        // Codes 0 and 2 only: three probability columns, the middle one always 0.
        let model = try KNeighborsClassifier(k: 1).fit(Matrix([[0], [5], [9]]), [2, 0, 2])
        #expect(model.classCount == 3)
        #expect(try model.predictProbabilities(Matrix([[4.9]])).row(0) == [1, 0, 0])
        #expect(try model.predict(Matrix([[4.9], [8]])) == [0, 2])
        #expect(try model.score(Matrix([[4.9], [8]]), [0, 0]) == 0.5)
        // An empty query gives an empty answer.
        #expect(try model.predict(Matrix(rows: 0, columns: 1)) == [])
    }

    @Test func kOneMemorisesTheTrainingSet() throws {
        let training = NeighborSearchTests.tiedData(seed: 3, rows: 200, columns: 2)
        // Labels that depend only on the point, so duplicates agree.
        let labels = (0..<200).map { Int(training[$0, 0] + training[$0, 1]) % 3 }
        #expect(try KNeighborsClassifier(k: 1).fit(training, labels).score(training, labels) == 1)
    }

    @Test func errorsAreTyped() throws {
        #expect(throws: ModelError.invalidHyperparameter(name: "k", value: "0", reason: "at least one neighbour must vote")) {
            try KNeighborsClassifier(k: 0).fit(x, y)
        }
        #expect(throws: ModelError.self) { try KNeighborsClassifier(k: 6).fit(x, y) }
        #expect(throws: ModelError.self) { try KNeighborsClassifier(k: 1).fit(Matrix(rows: 0, columns: 2), []) }
        #expect(throws: ModelError.self) { try KNeighborsClassifier(k: 1).fit(x, [0, 1]) }
        #expect(throws: ModelError.self) { try KNeighborsClassifier(k: 1).fit(x, [0, 0, 0, 0, 0]) }
        #expect(throws: ModelError.self) { try KNeighborsClassifier(k: 1).fit(x, [0, 1, -1, 1, 1]) }
        #expect(throws: ModelError.nonFinite(row: 1, column: 1)) {
            try KNeighborsClassifier(k: 1).fit(Matrix([[0, 0], [1, .nan]]), [0, 1])
        }
        let model = try KNeighborsClassifier(k: 2).fit(x, y)
        #expect(throws: ModelError.self) { try model.predict(Matrix([[1, 2]])) }
        #expect(throws: ModelError.nonFinite(row: 0, column: 0)) { try model.predict(Matrix([[.infinity]])) }
        #expect(throws: ModelError.self) { try model.score(Matrix([[1]]), [0, 1]) }
        #expect(throws: ModelError.self) { try model.kneighbors(of: Matrix([[1]]), k: 9) }
        do {
            _ = try KNeighborsClassifier(k: 6).fit(x, y)
        } catch let error as ModelError {
            #expect("\(error)".contains("at most 5"))
        }
    }

    @Test func sameInputSameOutput() throws {
        let training = NeighborSearchTests.tiedData(seed: 11, rows: 500, columns: 2)
        let labels = (0..<500).map { $0 % 3 }
        let grid = NeighborSearchTests.tiedData(seed: 12, rows: 2000, columns: 2)
        let a = try KNeighborsClassifier(k: 5, weights: .distance).fit(training, labels)
        let b = try KNeighborsClassifier(k: 5, weights: .distance).fit(training, labels)
        #expect(try a.predictProbabilities(grid) == b.predictProbabilities(grid))
        #expect(try a.predict(grid) == a.predict(grid))
    }
}
