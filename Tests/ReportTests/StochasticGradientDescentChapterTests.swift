import Foundation
import Models
import Testing
@testable import Report

/// Chapter 8: what each figure claims, checked on the runs that draw it.
@Suite struct StochasticGradientDescentChapterTests {
    static let experiment = Result { try BatchSizeExperiment() }
    static let batchSizes = Result { try experiment.get().batchSizeRuns(seed: 0) }

    @Test func runsHaveTheExpectedShape() throws {
        let runs = try Self.batchSizes.get()
        #expect(runs.map(\.batchSize) == [99, 16, 1])
        #expect(runs.map(\.fitted.history.updatesPerEpoch) == [1, 7, 99])
        #expect(runs.map(\.fitted.history.updatesRun) == [50, 350, 4_950])
        for run in runs {
            #expect(run.costs.count == run.fitted.history.updatesRun + 1)
            // The recorded full-data cost after each epoch equals the one computed from the path.
            #expect(abs(run.costs[run.fitted.history.updatesPerEpoch] - run.fitted.history.epochCosts[1]) < 1e-9)
        }
    }

    @Test func perEpochSmallerBatchesFallFaster() throws {
        let minimum = try Self.experiment.get().minimumCost
        let afterOneEpoch = try Self.batchSizes.get().map { $0.fitted.history.epochCosts[1] - minimum }
        #expect(afterOneEpoch[2] < afterOneEpoch[1] && afterOneEpoch[1] < afterOneEpoch[0])
        #expect(afterOneEpoch[2] < afterOneEpoch[0] / 100)
    }

    @Test func perUpdateBatchDescentMakesTheMostProgress() throws {
        let runs = try Self.batchSizes.get()
        let minimum = try Self.experiment.get().minimumCost
        // After 50 updates each: batch is ahead of stochastic (which has seen half the data once).
        #expect(runs[0].costs[50] - minimum < (runs[2].costs[50] - minimum) / 2)
        // Batch descent never goes uphill with this rate.
        #expect(zip(runs[0].costs, runs[0].costs.dropFirst()).allSatisfy { $1 <= $0 })
    }

    @Test func decayingRateCalmsTheNoise() throws {
        let experiment = try Self.experiment.get()
        let runs = try experiment.decayRuns(seed: 0)
        let lastEpochs = runs.map { Array($0.fitted.history.epochCosts.suffix(10)).map { $0 - experiment.minimumCost } }
        // The decaying run ends far closer to the minimum, and its last epochs vary far less.
        #expect(lastEpochs[1].max()! < lastEpochs[0].min()!)
        #expect(lastEpochs[1].max()! - lastEpochs[1].min()! < (lastEpochs[0].max()! - lastEpochs[0].min()!) / 20)
    }

    @Test func notShufflingCyclesAboveTheShuffledRun() throws {
        let data = try BatchSizeExperiment(sortedByPrice: true)
        #expect(zip(data.y, data.y.dropFirst()).allSatisfy { $0 <= $1 })
        let rate = BatchSizeExperiment.orderingLearningRate
        let shuffled = try data.run("shuffled", SGDRegressor(mode: .stochastic, learningRate: rate, epochs: 50, seed: 0))
        let sorted = try data.run("sorted", SGDRegressor(mode: .stochastic, learningRate: rate, epochs: 50, shuffle: false))
        func meanOfLastEpochs(_ run: BatchSizeExperiment.Run) -> Double {
            let tail = run.fitted.history.epochCosts.suffix(10)
            return tail.reduce(0, +) / Double(tail.count) - data.minimumCost
        }
        #expect(meanOfLastEpochs(sorted) > 3 * meanOfLastEpochs(shuffled))
        // Unshuffled, the last epoch repeats the one before, update for update.
        let m = data.z.rows, costs = sorted.costs, end = costs.count - 1
        for offset in 0..<m {
            #expect(abs(costs[end - offset] - costs[end - m - offset]) < 1e-3 * costs[end - offset])
        }
    }

    @Test func sameSeedGivesIdenticalHistories() throws {
        let experiment = try Self.experiment.get()
        let settings = SGDRegressor(mode: .miniBatch(size: 16), learningRate: 0.1, epochs: 5, seed: 11)
        let first = try experiment.run("a", settings)
        let again = try experiment.run("b", settings)
        var otherSettings = settings
        otherSettings.seed = 12
        let other = try experiment.run("c", otherSettings)
        #expect(first.fitted.history == again.fitted.history)
        #expect(first.costs == again.costs)
        #expect(first.costs != other.costs)
    }

    @Test func contourPathsStartAtZeroAndEndNearTheMinimum() throws {
        let paths = try DescentPathsOnContour(seed: 0)
        #expect(paths.runs.count == 3)
        for run in paths.runs {
            let start = run.fitted.history.updates.path[0]
            #expect(start.weights == [0] && start.bias == 0)
        }
        // Three epochs of stochastic updates land within 15% of the minimum's distance from the start.
        let stochastic = paths.runs[2].fitted.history.updates.path[3 * 99]
        let distance = ((stochastic.weights[0] - paths.minimum.x) * (stochastic.weights[0] - paths.minimum.x)
            + (stochastic.bias - paths.minimum.y) * (stochastic.bias - paths.minimum.y)).squareRoot()
        let scale = (paths.minimum.x * paths.minimum.x + paths.minimum.y * paths.minimum.y).squareRoot()
        #expect(distance < 0.15 * scale)
        // The batch run has enough epochs for the 30-update panel.
        #expect(paths.runs[0].fitted.history.updatesRun >= DescentPathsOnContour.updates)
    }

    @Test func pageHasEveryFigureAndRendersAPNG() throws {
        let context = ChapterContext(seed: 0, formats: [.png], scale: 1, excerpts: .packageSources())
        let page = try StochasticGradientDescentChapter().build(context)
        #expect(page.figures.map(\.stem) == ["cost-per-epoch", "cost-per-update", "paths-on-contour",
                                             "decaying-learning-rate", "not-shuffled"])
        #expect(page.tables.map(\.name) == ["comparison"])
        #expect(page.tables[0].rows.count == 6)
        #expect(page.code.map(\.name) == ["sgd-epoch", "sgd-batch-gradient", "learning-rate-decay"])
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("paths-on-contour.png")
        try page.figures[2].render(url, .png, 1)
        let bytes = try Data(contentsOf: url)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(bytes.count > 10_000)
    }
}
