import Testing
@testable import Models

@Suite struct NormalEquationTests {
    @Test func twoHouseToyIsExact() throws {
        let model = try NormalEquationRegression().fit(TestData.housesX, TestData.housesY)
        #expect(close(model.weights[0], 200, 1e-12) && close(model.bias, 100, 1e-12))
        #expect(try model.score(TestData.housesX, TestData.housesY) == 1)
    }

    @Test func recoversNoiselessCoefficients() throws {
        let X = TestData.uniformMatrix(rows: 50, columns: 3, seed: 4, scale: 10)
        let y = TestData.linearTarget(X, weights: [2, -3, 0.25], bias: 7, noise: 0, seed: 0)
        let model = try NormalEquationRegression().fit(X, y)
        #expect(close(model.weights, [2, -3, 0.25], 1e-10) && close(model.bias, 7, 1e-10))
    }

    @Test func moreFeaturesThanRowsIsAClearError() {
        #expect(throws: ModelError.self) { try NormalEquationRegression().fit(Matrix([[1, 2, 3], [4, 5, 6]]), [1, 2]) }
        do {
            _ = try NormalEquationRegression().fit(Matrix([[1, 2, 3], [4, 5, 6]]), [1, 2])
        } catch ModelError.singularMatrix(let message) {
            #expect(message.contains("more examples than features"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func collinearFeaturesAreSingular() {
        // The second column is twice the first.
        let X = Matrix([[1, 2], [2, 4], [3, 6], [4, 8]])
        #expect {
            try NormalEquationRegression().fit(X, [1, 2, 3, 4])
        } throws: { error in
            guard case ModelError.singularMatrix(let message) = error else { return false }
            return message.contains("ridge")
        }
    }

    @Test func ridgeShrinksWeightsButNotTheIntercept() throws {
        let X = TestData.uniformMatrix(rows: 40, columns: 2, seed: 8)
        let y = TestData.linearTarget(X, weights: [3, -2], bias: 50, noise: 0.1, seed: 1)
        let plain = try RidgeRegression(alpha: 0).fit(X, y)
        let strong = try RidgeRegression(alpha: 1e9).fit(X, y)
        #expect(close(plain.weights, try NormalEquationRegression().fit(X, y).weights, 1e-10))
        #expect(strong.weights.allSatisfy { abs($0) < 1e-6 })
        // With the weights gone, the unpenalised intercept is the mean of y.
        #expect(close(strong.bias, y.reduce(0, +) / 40, 1e-6))
    }

    @Test func ridgeMatchesItsClosedFormInOneFeature() throws {
        // One feature: w = sum(xc yc) / (sum(xc^2) + alpha), b = ybar - w xbar.
        let x: [Double] = [1, 2, 4, 7], y: [Double] = [2, 3, 7, 8]
        let xbar = 3.5, ybar = 5.0
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - xbar) * ($1.1 - ybar) }
        let sxx = x.reduce(0) { $0 + ($1 - xbar) * ($1 - xbar) }
        let model = try RidgeRegression(alpha: 2).fit(Matrix(x.map { [$0] }), y)
        let w = sxy / (sxx + 2)
        #expect(close(model.weights[0], w, 1e-12) && close(model.bias, ybar - w * xbar, 1e-12))
    }

    @Test func ridgeSolvesMoreFeaturesThanRows() throws {
        let model = try RidgeRegression(alpha: 0.5).fit(Matrix([[1, 2, 3], [4, 5, 7]]), [1, 2])
        #expect(model.weights.allSatisfy { $0.isFinite })
        #expect(throws: ModelError.self) { try RidgeRegression(alpha: 0).fit(Matrix([[1, 2, 3], [4, 5, 7]]), [1, 2]) }
    }
}
