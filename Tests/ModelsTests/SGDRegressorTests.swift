import Testing
@testable import Models

@Suite struct SGDRegressorTests {
    let X = TestData.uniformMatrix(rows: 120, columns: 3, seed: 10)
    var y: [Double] { TestData.linearTarget(X, weights: [2, -1, 0.5], bias: 3, noise: 0.05, seed: 11) }

    @Test func sameSeedGivesSameModel() throws {
        let sgd = SGDRegressor(mode: .miniBatch(size: 8), learningRate: 0.05, epochs: 20, seed: 42)
        let first = try sgd.fit(X, y)
        let second = try sgd.fit(X, y)
        #expect(first == second)
        var other = sgd
        other.seed = 43
        #expect(try other.fit(X, y).weights != first.weights)
    }

    @Test(arguments: [BatchMode.batch, .miniBatch(size: 16), .stochastic])
    func everyModeApproachesTheLeastSquaresSolution(mode: BatchMode) throws {
        let epochs = mode == .batch ? 3000 : 300
        let model = try SGDRegressor(mode: mode, learningRate: 0.05, schedule: .inverseScaling(decay: 0.001),
                                     epochs: epochs, seed: 1).fit(X, y)
        let exact = try NormalEquationRegression().fit(X, y)
        #expect(close(model.weights, exact.weights, 2e-2))
        #expect(abs(model.bias - exact.bias) < 2e-2)
        #expect(model.history.epochCosts.count == epochs + 1)
    }

    @Test func batchModeIsGradientDescent() throws {
        let sgd = try SGDRegressor(mode: .batch, learningRate: 0.1, epochs: 25, shuffle: false).fit(X, y)
        let gd = try LinearRegression(learningRate: 0.1, iterations: 25).fit(X, y)
        #expect(close(sgd.weights, gd.weights, 1e-12) && close(sgd.bias, gd.bias, 1e-12))
        #expect(close(sgd.history.epochCosts, gd.history.costs, 1e-12))
    }

    @Test func historyCountsUpdatesAndEpochs() throws {
        let model = try SGDRegressor(mode: .miniBatch(size: 50), learningRate: 0.05, epochs: 4, seed: 2).fit(X, y)
        let history = model.history
        #expect(history.updatesPerEpoch == 3)            // 50 + 50 + 20 rows
        #expect(history.updates.costs.count == 12 && history.updates.gradientNorms.count == 12)
        #expect(history.updates.path.count == 13)        // initial parameters + one per update
        #expect(history.updates.path.last!.weights == model.weights)
        #expect(history.epochsRun == 4 && history.updatesRun == 12 && history.stopReason == .completed)
        #expect(close(history.epochCosts[4], try LinearRegression.cost(X, y, weights: model.weights, bias: model.bias), 1e-12))
    }

    @Test func decayingScheduleFollowsItsFormula() {
        let schedule = LearningRateSchedule.inverseScaling(decay: 0.5)
        #expect(schedule.rate(initial: 0.2, update: 0) == 0.2)
        #expect(close(schedule.rate(initial: 0.2, update: 4), 0.2 / 3))
        #expect(LearningRateSchedule.constant.rate(initial: 0.2, update: 99) == 0.2)
    }

    @Test func withoutShufflingOrderIsFixedAndSeedIrrelevant() throws {
        let a = try SGDRegressor(learningRate: 0.01, epochs: 3, shuffle: false, seed: 1).fit(X, y)
        let b = try SGDRegressor(learningRate: 0.01, epochs: 3, shuffle: false, seed: 2).fit(X, y)
        #expect(a == b)
    }

    @Test func toleranceStopsOnEpochCost() throws {
        let model = try SGDRegressor(mode: .batch, learningRate: 0.3, epochs: 100_000, tolerance: 1e-10).fit(X, y)
        guard case .converged = model.history.stopReason else {
            Issue.record("expected convergence, got \(model.history.stopReason)")
            return
        }
        #expect(model.history.epochsRun < 100_000)
    }

    @Test func divergenceIsReportedNotThrown() throws {
        let model = try SGDRegressor(mode: .stochastic, learningRate: 5, epochs: 50, seed: 3).fit(X, y)
        #expect(model.history.diverged)
        #expect(model.history.epochCosts.allSatisfy { $0.isFinite })
        #expect(model.history.updates.costs.allSatisfy { $0.isFinite })
        #expect(model.weights.allSatisfy { $0.isFinite })
    }
}
