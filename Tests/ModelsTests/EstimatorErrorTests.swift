import Testing
@testable import Models

/// Every typed error the estimators throw, and that its message helps.
@Suite struct EstimatorErrorTests {
    let X = Matrix([[1, 2], [3, 4], [5, 7]])
    let y: [Double] = [1, 2, 3]
    let labels = [0, 1, 1]

    @Test func emptyInput() {
        #expect(throws: ModelError.emptyInput("LinearRegression.fit: X has no rows")) {
            try LinearRegression().fit(Matrix(rows: 0, columns: 2), [])
        }
        #expect(throws: ModelError.emptyInput("NormalEquationRegression.fit: X has no columns")) {
            try NormalEquationRegression().fit(Matrix(rows: 3, columns: 0), [1, 2, 3])
        }
        #expect(throws: ModelError.self) { try LogisticRegression().fit(Matrix(rows: 0, columns: 1), []) }
        #expect(throws: ModelError.self) { try SGDRegressor().fit(Matrix(rows: 0, columns: 1), []) }
    }

    @Test func shapeMismatch() throws {
        #expect(throws: ModelError.shapeMismatch("LinearRegression.fit: X has 3 rows but y has 2 values")) {
            try LinearRegression().fit(X, [1, 2])
        }
        #expect(throws: ModelError.self) { try SoftmaxRegression().fit(X, [0, 1]) }
        #expect(throws: ModelError.self) { try LinearRegression(initialWeights: [1]).fit(X, y) }
        let model = try NormalEquationRegression().fit(X, y)
        #expect(throws: ModelError.shapeMismatch("the model was trained on 2 features but X has 3 columns")) {
            try model.predict(Matrix([[1, 2, 3]]))
        }
        #expect(throws: ModelError.self) { try LinearRegression.cost(X, y, weights: [1], bias: 0) }
    }

    @Test func nonFiniteNamesRowAndColumn() throws {
        var bad = X
        bad[1, 1] = .nan
        #expect(throws: ModelError.nonFinite(row: 1, column: 1)) { try LinearRegression().fit(bad, y) }
        bad[1, 1] = 4
        bad[2, 0] = -.infinity
        #expect(throws: ModelError.nonFinite(row: 2, column: 0)) { try LogisticRegression().fit(bad, labels) }
        // A bad target is reported as the column after the features.
        #expect(throws: ModelError.nonFinite(row: 0, column: 2)) { try RidgeRegression().fit(X, [.nan, 1, 2]) }
        let model = try NormalEquationRegression().fit(X, y)
        #expect(throws: ModelError.nonFinite(row: 0, column: 1)) { try model.predict(Matrix([[1, .infinity]])) }
        #expect(ModelError.nonFinite(row: 2, column: 0).description.contains("row 2, column 0"))
    }

    @Test func singleClass() {
        #expect(throws: ModelError.self) { try LogisticRegression().fit(X, [1, 1, 1]) }
        #expect {
            try SoftmaxRegression().fit(X, [2, 2, 2])
        } throws: { error in
            guard case ModelError.singleClass(let message) = error else { return false }
            return message.contains("every label is 2")
        }
    }

    @Test func invalidLabels() throws {
        #expect(throws: ModelError.invalidLabel(row: 1, value: "-1", reason: "class codes must be 0, 1, 2, ...")) {
            try SoftmaxRegression().fit(X, [0, -1, 1])
        }
        #expect {
            try LogisticRegression().fit(X, [0, 1, 2])
        } throws: { error in
            guard case ModelError.invalidLabel(let row, let value, _) = error else { return false }
            return row == 2 && value == "2"
        }
        #expect(throws: ModelError.self) { try SoftmaxRegression().fit(X, [0, 1, 1 << 40]) }
        #expect(throws: ModelError.self) { try ConfusionMatrix(truth: [0, 1 << 40], predictions: [0, 1]) }
        #expect(throws: ModelError.self) { try classCodes(from: [0, 1, 0.5]) }
        #expect(throws: ModelError.self) { try classCodes(from: [0, .nan]) }
        #expect(throws: ModelError.self) { try classCodes(from: [-1]) }
        #expect(try classCodes(from: [0, 2, 1]) == [0, 2, 1])
    }

    @Test func singularMatrix() {
        let collinear = Matrix([[1, 2], [2, 4], [3, 6]])
        #expect(throws: ModelError.self) { try NormalEquationRegression().fit(collinear, y) }
        #expect(throws: ModelError.self) { try NormalEquationRegression().fit(Matrix([[1, 2]]), [1]) }
    }

    struct BadSetting: Sendable, CustomStringConvertible {
        let name: String
        let fit: @Sendable (Matrix, [Double], [Int]) throws -> Void
        var description: String { name }
    }

    static let badSettings: [BadSetting] = [
        BadSetting(name: "learningRate") { X, y, _ in _ = try LinearRegression(learningRate: 0).fit(X, y) },
        BadSetting(name: "learningRate") { X, y, _ in _ = try LinearRegression(learningRate: .nan).fit(X, y) },
        BadSetting(name: "iterations") { X, y, _ in _ = try LinearRegression(iterations: -1).fit(X, y) },
        BadSetting(name: "tolerance") { X, y, _ in _ = try LinearRegression(tolerance: -1).fit(X, y) },
        BadSetting(name: "explosionFactor") { X, y, _ in _ = try LinearRegression(explosionFactor: 1).fit(X, y) },
        BadSetting(name: "maxPathLength") { X, y, _ in _ = try LinearRegression(maxPathLength: 1).fit(X, y) },
        BadSetting(name: "initialBias") { X, y, _ in _ = try LinearRegression(initialBias: .infinity).fit(X, y) },
        BadSetting(name: "initialWeights") { X, y, _ in _ = try LinearRegression(initialWeights: [1, .nan]).fit(X, y) },
        BadSetting(name: "alpha") { X, y, _ in _ = try RidgeRegression(alpha: -1).fit(X, y) },
        BadSetting(name: "epochs") { X, y, _ in _ = try SGDRegressor(epochs: 0).fit(X, y) },
        BadSetting(name: "mode.miniBatch(size:)") { X, y, _ in _ = try SGDRegressor(mode: .miniBatch(size: 0)).fit(X, y) },
        BadSetting(name: "schedule.inverseScaling(decay:)") { X, y, _ in
            _ = try SGDRegressor(schedule: .inverseScaling(decay: -1)).fit(X, y)
        },
        BadSetting(name: "learningRate") { X, y, _ in _ = try SGDRegressor(learningRate: -0.1).fit(X, y) },
        BadSetting(name: "regularization") { X, _, l in _ = try LogisticRegression(regularization: -1).fit(X, l) },
        BadSetting(name: "iterations") { X, _, l in _ = try LogisticRegression(iterations: -5).fit(X, l) },
        BadSetting(name: "regularization") { X, _, l in _ = try SoftmaxRegression(regularization: .infinity).fit(X, l) },
        BadSetting(name: "classCount") { X, _, l in _ = try SoftmaxRegression(classCount: 1).fit(X, l) },
        BadSetting(name: "learningRate") { X, _, l in _ = try SoftmaxRegression(learningRate: 0).fit(X, l) },
    ]

    @Test(arguments: badSettings)
    func invalidHyperparameterNamesTheSetting(setting: BadSetting) {
        #expect {
            try setting.fit(X, y, labels)
        } throws: { error in
            guard case ModelError.invalidHyperparameter(let name, _, let reason) = error else { return false }
            return name == setting.name && !reason.isEmpty
        }
    }
}
