import Testing
@testable import Models

@Suite struct LinearRegressionTests {
    @Test func twoHouseToyConvergesToExactAnswer() throws {
        let model = try LinearRegression(learningRate: 0.1, iterations: 10_000).fit(TestData.housesX, TestData.housesY)
        #expect(abs(model.weights[0] - 200) < 1e-6)
        #expect(abs(model.bias - 100) < 1e-6)
        #expect(try model.predict(Matrix([[1.2]])) .first.map { abs($0 - 340) < 1e-5 } == true)
        #expect(model.history.stopReason == .completed)
        #expect(!model.history.diverged)
    }

    @Test func historyRecordsEveryStepFromTheInitialParameters() throws {
        let model = try LinearRegression(learningRate: 0.1, iterations: 50).fit(TestData.housesX, TestData.housesY)
        let history = model.history
        #expect(history.costs.count == 51 && history.gradientNorms.count == 51 && history.path.count == 51)
        // Entry 0 is the initial parameters (zeros): J = (300^2 + 500^2) / 4.
        #expect(history.costs[0] == 85_000)
        #expect(history.path[0] == ParameterSnapshot(step: 0, weights: [0], intercepts: [0]))
        // First step by hand: dJ/dw = -(300 + 1000)/2 = -650, dJ/db = -400.
        #expect(close(history.gradientNorms[0], (650.0 * 650 + 400 * 400).squareRoot()))
        #expect(close(history.path[1].weights[0], 65) && close(history.path[1].bias, 40))
        #expect(history.path.last!.weights == model.weights && history.path.last!.bias == model.bias)
        #expect(zip(history.costs, history.costs.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(history.firstStep(reachingCost: 85_000) == 0)
        #expect(history.firstStep(reachingCost: -1) == nil)
        let reached = try #require(history.firstStep(reachingCost: 100))
        #expect(history.costs[reached] <= 100 && history.costs[reached - 1] > 100)
        #expect(history.weightPath(feature: 0)[1].step == 1 && close(history.weightPath(feature: 0)[1].weight, 65))
        #expect(close(history.costs[50], try LinearRegression.cost(TestData.housesX, TestData.housesY,
                                                                   weights: model.weights, bias: model.bias)))
    }

    @Test func tooLargeLearningRateDivergesWithFiniteHistory() throws {
        let model = try LinearRegression(learningRate: 0.8, iterations: 10_000).fit(TestData.housesX, TestData.housesY)
        let divergence = try #require(model.history.divergence)
        #expect(model.history.diverged)
        #expect(divergence.reason == .costExploded(factor: 1e3))
        #expect(divergence.step > 1 && divergence.step < 50)
        #expect(model.history.costs.count == divergence.step + 1)
        #expect(model.history.costs.allSatisfy { $0.isFinite })
        #expect(model.history.costs.last! > 1e3 * model.history.costs[0])
        #expect(model.weights.allSatisfy { $0.isFinite } && model.bias.isFinite)
    }

    @Test func overflowDivergenceKeepsLastFiniteParameters() throws {
        // An enormous explosion factor lets the cost overflow to infinity before it is caught.
        let model = try LinearRegression(learningRate: 0.8, iterations: 100_000, explosionFactor: .greatestFiniteMagnitude)
            .fit(TestData.housesX, TestData.housesY)
        let divergence = try #require(model.history.divergence)
        #expect(divergence.reason == .nonFiniteCost || divergence.reason == .nonFiniteGradient)
        #expect(model.history.costs.allSatisfy { $0.isFinite })
        #expect(model.history.costs.count == divergence.step)
        #expect(model.weights.allSatisfy { $0.isFinite } && model.bias.isFinite)
        #expect(model.history.path.last!.step == divergence.step - 1)
        #expect(model.history.path.last!.weights == model.weights)
    }

    @Test func toleranceStopsEarly() throws {
        let model = try LinearRegression(learningRate: 0.1, iterations: 100_000, tolerance: 1e-9)
            .fit(TestData.housesX, TestData.housesY)
        guard case .converged(let step) = model.history.stopReason else {
            Issue.record("expected convergence, got \(model.history.stopReason)")
            return
        }
        #expect(step < 100_000 && model.history.stepsRun == step)
        #expect(abs(model.weights[0] - 200) < 1e-2)
    }

    @Test func longRunsSubsampleThePath() throws {
        let model = try LinearRegression(learningRate: 0.05, iterations: 1000, maxPathLength: 100)
            .fit(TestData.housesX, TestData.housesY)
        let path = model.history.path
        #expect(path.count <= 100)
        #expect(path.first!.step == 0 && path.last!.step == 1000)
        #expect(path.dropLast().allSatisfy { $0.step % model.history.pathStride == 0 })
        #expect(model.history.costs.count == 1001)
    }

    @Test func manyFeaturesMatchNormalEquation() throws {
        let X = TestData.uniformMatrix(rows: 200, columns: 5, seed: 1)
        let y = TestData.linearTarget(X, weights: [3, -1, 0.5, 2, 0], bias: 4, noise: 0.1, seed: 2)
        let gd = try LinearRegression(learningRate: 0.5, iterations: 5000).fit(X, y)
        let exact = try NormalEquationRegression().fit(X, y)
        #expect(close(gd.weights, exact.weights, 1e-8))
        #expect(close(gd.bias, exact.bias, 1e-8))
        #expect(try gd.score(X, y) > 0.99)
    }

    @Test func startsFromGivenParameters() throws {
        let model = try LinearRegression(learningRate: 0.1, iterations: 0, initialWeights: [150], initialBias: 50)
            .fit(TestData.housesX, TestData.housesY)
        #expect(model.weights == [150] && model.bias == 50)
        #expect(model.history.costs == [try LinearRegression.cost(TestData.housesX, TestData.housesY, weights: [150], bias: 50)])
    }

    /// Large data goes through the parallel kernel; the result must not depend on thread timing.
    @Test func parallelTrainingIsDeterministic() throws {
        let X = TestData.uniformMatrix(rows: 30_000, columns: 4, seed: 5)
        let y = TestData.linearTarget(X, weights: [1, 2, 3, 4], bias: 1, noise: 0.5, seed: 6)
        let first = try LinearRegression(learningRate: 0.3, iterations: 20).fit(X, y)
        let second = try LinearRegression(learningRate: 0.3, iterations: 20).fit(X, y)
        #expect(first == second)
    }
}
