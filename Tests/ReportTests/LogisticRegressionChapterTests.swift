import Foundation
import Models
import Testing
@testable import Report

@Suite("Logistic regression chapter")
struct LogisticRegressionChapterTests {
    /// The raw run is cut to 10,000 steps to keep debug tests quick; the story is the same.
    static let lab = Result { try ExamScoresLab(rawIterations: 10_000) }
    static let reference = Result { try ScikitLearnReference.packageFixture() }

    @Test func scaledFitMatchesScikitLearn() throws {
        let lab = try Self.lab.get(), reference = try Self.reference.get()
        let coef = try reference.numbers("experiments.ex2data1.zscored.coef")
        #expect(abs(lab.scaledFit.weights[0] - coef[0]) < 5e-3)
        #expect(abs(lab.scaledFit.weights[1] - coef[1]) < 5e-3)
        #expect(abs(lab.scaledFit.bias - (try reference.number("experiments.ex2data1.zscored.intercept"))) < 5e-3)
        // Converted back to exam points, the same boundary as sklearn's raw fit.
        let raw = lab.scaledFitInRawUnits
        let rawCoef = try reference.numbers("experiments.ex2data1.raw.coef")
        #expect(abs(raw.weights[0] - rawCoef[0]) < 3e-4)
        #expect(abs(raw.bias - (try reference.number("experiments.ex2data1.raw.intercept"))) < 0.05)
        #expect(abs(try lab.accuracy() - (try reference.number("experiments.ex2data1.raw.accuracy"))) < 1e-12)
        #expect(abs(try lab.logLoss() - (try reference.number("experiments.ex2data1.raw.log_loss"))) < 1e-5)
        let probability = try lab.admissionProbability(Matrix([ExamScoresLab.queryScores]))[0]
        #expect(abs(probability - (try reference.number("experiments.ex2data1.raw.query_probability"))) < 1e-3)
    }

    @Test func rawScoresAreStillFarFromTheMinimum() throws {
        let lab = try Self.lab.get(), reference = try Self.reference.get()
        let minimum = try reference.number("experiments.ex2data1.raw.log_loss")
        #expect(lab.rawFit.history.stepsRun == 10_000)
        #expect(!lab.rawFit.history.diverged)
        // After 10,000 steps the raw run's cost is still far above the minimum and its intercept
        // a fraction of sklearn's -25; the scaled run got within 0.001 in under 250 steps.
        #expect(lab.rawFit.history.finalCost > minimum + 0.3)
        #expect(lab.rawFit.bias > -10)
        #expect(lab.rawFit.history.firstStep(reachingCost: minimum + 1e-3) == nil)
        #expect(try #require(lab.scaledFit.history.firstStep(reachingCost: minimum + 1e-3)) < 250)
    }

    @Test func squaredErrorHasAPlateauLogLossDoesNot() throws {
        let b = LogisticRegressionFigures.sliceBias
        // Squared error is flat at 1/4 for negative w (every prediction near 0, half the labels 1).
        let plateau = LogisticRegressionFigures.squaredErrorCost(w: -2, b: b)
        #expect(abs(plateau - 0.25) < 1e-3)
        #expect(abs(LogisticRegressionFigures.squaredErrorCost(w: -1, b: b) - plateau) < 1e-3)
        // A convex function lies under its chords; squared error does not between w = 0 and 2.
        let mid = LogisticRegressionFigures.squaredErrorCost(w: 1, b: b)
        let chord = (LogisticRegressionFigures.squaredErrorCost(w: 0, b: b) + LogisticRegressionFigures.squaredErrorCost(w: 2, b: b)) / 2
        #expect(mid > chord)
        // The log-loss keeps its slope on the left (about -mean(x - y... ) = 2 per unit of w).
        let l0 = try LogisticRegressionFigures.logLossCost(w: -3, b: b), l1 = try LogisticRegressionFigures.logLossCost(w: -2, b: b)
        #expect(l0 - l1 > 1.9)
        for w in stride(from: -2.5, through: 5.5, by: 0.5) {
            let left = try LogisticRegressionFigures.logLossCost(w: w - 0.5, b: b)
            let right = try LogisticRegressionFigures.logLossCost(w: w + 0.5, b: b)
            #expect(try LogisticRegressionFigures.logLossCost(w: w, b: b) <= (left + right) / 2 + 1e-12)
        }
    }

    @Test func chapterBuildsEveryFigureAndTable() throws {
        let chapter = LogisticRegressionChapter()
        #expect(ChapterRegistry.plannedIDs.firstIndex(of: chapter.id) == chapter.number - 1)
        #expect(ChapterRegistry.standard.chapter(withID: chapter.id) != nil)
        let context = ChapterContext(seed: 42, formats: [.png], scale: 1, excerpts: .packageSources())
        let page = try chapter.page(lab: try Self.lab.get(), reference: try Self.reference.get(), context: context)
        #expect(page.figures.map(\.stem) == ["sigmoid", "toy-boundaries", "loss-curves", "squared-error-vs-log-loss",
                                            "exam-boundary", "cost-vs-iteration", "raw-vs-scaled"])
        #expect(page.tables.map(\.name) == ["parameters", "raw-vs-scaled"])
        #expect(page.code.map(\.name) == ["sigmoid", "logistic-cost", "logistic-gradient"])
        let parameters = try #require(page.tables.first)
        // Row "training accuracy": ours and sklearn's agree to the printed digits.
        let accuracyRow = try #require(parameters.rows.first { $0[0] == "training accuracy" })
        #expect(accuracyRow[1] == "0.890" && accuracyRow[2] == "0.890")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for figure in page.figures {
            let url = folder.url.appendingPathComponent(figure.stem + ".png")
            try figure.render(url, .png, 0.5)
            let bytes = try Data(contentsOf: url)
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(figure.stem) is not a PNG")
            #expect(!figure.altText.isEmpty && !figure.caption.isEmpty)
        }
    }
}
