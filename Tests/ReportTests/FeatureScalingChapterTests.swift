import Foundation
import Models
import Testing
@testable import Report

/// Chapter 3's experiments reproduce the lessons it states, and its page renders.
@Suite struct FeatureScalingChapterTests {
    static let experiment = Result { try HouseScalingExperiment() }

    var experiment: HouseScalingExperiment { get throws { try Self.experiment.get() } }

    @Test func theLargestRawLearningRateMakesTheCostGrowEveryStep() throws {
        let run = try experiment.learningRateRuns[0]
        #expect(run.rate == 9.9e-7)
        let costs = run.fit.history.costs
        #expect(costs.count == 11)
        #expect(zip(costs, costs.dropFirst()).allSatisfy { $0 < $1 })
        #expect(costs[10] > 10 * costs[0])
    }

    @Test func theMiddleRateOscillatesInW0ButConverges() throws {
        let experiment = try experiment
        let run = experiment.learningRateRuns[1]
        #expect(run.rate == 9e-7)
        let costs = run.fit.history.costs
        #expect(zip(costs, costs.dropFirst()).allSatisfy { $0 > $1 })
        // w0 lands on alternate sides of its optimum: the sign of dJ/dw0 flips each step.
        let offsets = run.w0Path.dropFirst().map { $0 - experiment.rawOptimum.weights[0] }
        #expect(zip(offsets, offsets.dropFirst()).allSatisfy { $0 * $1 < 0 })
    }

    @Test func theSmallestRateStepsSteadilyTowardsTheOptimum() throws {
        let experiment = try experiment
        let run = experiment.learningRateRuns[2]
        let path = run.w0Path
        #expect(zip(path, path.dropFirst()).allSatisfy { $0 < $1 })
        #expect(path.last! < experiment.rawOptimum.weights[0])
        let costs = run.fit.history.costs
        #expect(zip(costs, costs.dropFirst()).allSatisfy { $0 > $1 })
    }

    @Test func scaledGradientDescentMatchesScikitLearn() throws {
        let experiment = try experiment
        let reference = try SklearnReference.shared()
        let coef = try reference.numbers("experiments", "houses", "linear_zscored", "coef")
        let intercept = try reference.number("experiments", "houses", "linear_zscored", "intercept")
        for (ours, theirs) in zip(experiment.scaledFit.weights, coef) {
            #expect(abs(ours - theirs) < 1e-6 * max(1, abs(theirs)))
        }
        #expect(abs(experiment.scaledFit.bias - intercept) < 1e-6 * intercept)
        let means = try reference.numbers("experiments", "houses", "linear_zscored", "scaler", "mean")
        let scales = try reference.numbers("experiments", "houses", "linear_zscored", "scaler", "scale")
        for j in 0..<4 {
            #expect(abs(experiment.scaler.means[j] - means[j]) < 1e-9 * abs(means[j]))
            #expect(abs(experiment.scaler.scales[j] - scales[j]) < 1e-9 * abs(scales[j]))
        }
    }

    @Test func theExampleHouseNeedsTheTrainingStatistics() throws {
        let experiment = try experiment
        let reference = try SklearnReference.shared()
        let expected = try reference.number("experiments", "houses", "linear_zscored", "example_prediction")
        let expectedZ = try reference.numbers("experiments", "houses", "linear_zscored", "example_z")
        let predictions = try experiment.examplePredictions(model: experiment.scaledFit)
        #expect(abs(predictions.training.price - expected) < 1e-6)
        for (ours, theirs) in zip(predictions.training.z, expectedZ) { #expect(abs(ours - theirs) < 1e-12) }
        // Its own statistics turn every feature into 0, so the model answers with its bias.
        #expect(predictions.own.z == [0, 0, 0, 0])
        #expect(predictions.own.price == experiment.scaledFit.bias)
        #expect(abs(predictions.own.price - expected) > 40)
    }

    @Test func scalingReachesTheMinimumThatRawFeaturesNeverReach() throws {
        let experiment = try experiment
        let minimum = try FeatureScalingChapter().leastSquaresCost(experiment)
        let reference = try SklearnReference.shared()
        // J = MSE / 2 at the least-squares answer.
        let expected1 = try reference.number("experiments", "houses", "linear_raw", "mse")
        #expect(abs(minimum - expected1 / 2) < 1e-8)
        let scaledSteps = try #require(experiment.scaledFit.history.firstStep(reachingCost: 1.01 * minimum))
        #expect(scaledSteps < 150)
        #expect(experiment.rawComparison.history.stepsRun == 10_000)
        #expect(experiment.rawComparison.history.firstStep(reachingCost: 1.01 * minimum) == nil)
        #expect(experiment.rawComparison.history.finalCost > 5 * minimum)
    }

    @Test func theTwoWeightDescentCreepsOnRawFeaturesAndArrivesWhenScaled() throws {
        let experiment = try experiment
        let raw = experiment.rawPairDescent.path.last!, scaled = experiment.scaledPairDescent.path.last!
        #expect(abs(raw.1) < 0.01)  // w1 has barely left 0 on raw features (its optimum is about -32.6)
        #expect(abs(scaled.0 - experiment.scaledOptimum.weights[0]) < 0.05 * abs(experiment.scaledOptimum.weights[0]))
        #expect(abs(scaled.1 - experiment.scaledOptimum.weights[1]) < 0.25 * abs(experiment.scaledOptimum.weights[1]))
    }

    @Test func thePageHasEveryFigureAndTableAndRendersPNGs() throws {
        var chapter = FeatureScalingChapter()
        chapter.settings.comparisonIterations = 300
        let context = ChapterContext(seed: 1, formats: [.png], scale: 1, excerpts: .packageSources())
        let page = try chapter.build(context)
        #expect(page.figures.map(\.stem) == ["learning-rates", "scaling-steps", "feature-histograms",
                                             "contours-unscaled-vs-scaled", "iterations-to-converge",
                                             "scaled-target-vs-prediction"])
        #expect(page.tables.map(\.name) == ["parameters", "iterations-to-cost", "new-house"])
        #expect(page.code.map(\.name) == ["standard-scaler", "scaler-transform"])
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for figure in page.figures {
            let url = folder.url.appendingPathComponent("\(figure.stem).png")
            try figure.render(url, .png, 1)
            let bytes = try Data(contentsOf: url)
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(figure.stem) is not a PNG")
            #expect(bytes.count > 10_000, "\(figure.stem) looks empty")
        }
        let newHouse = try #require(page.tables.first { $0.name == "new-house" })
        #expect(newHouse.rows[0][2] == newHouse.rows[0][3])  // ours and scikit-learn's, to six digits
    }
}
