import Foundation
import Models
import Testing
@testable import Report

@Suite("Logistic regression, library style chapter")
struct LogisticRegressionLibraryChapterTests {
    static let reference = Result { try ScikitLearnReference.packageFixture() }
    /// The regularisation runs are cut to 1,000 steps to keep debug tests quick.
    static let lab = Result {
        try LogisticLibraryLab(seed: 42,
                               cancerTestIndices: try reference.get().integers("experiments.breast_cancer_logistic.split.test_indices"),
                               regularisedIterations: 1000)
    }

    @Test func breastCancerMatchesScikitLearn() throws {
        let lab = try Self.lab.get(), reference = try Self.reference.get()
        let fit = try LogisticRegressionLibraryChapter.cancerReferenceFit(reference)
        #expect(try reference.number("\(fit).C") == 1)
        #expect(lab.cancerTrain.y.count == 426 && lab.cancerTest.y.count == 143)
        // The scaler is fitted on the training rows only, as scikit-learn's.
        let means = try reference.numbers("experiments.breast_cancer_logistic.scaler.mean")
        #expect(zip(lab.cancerScaler.means, means).allSatisfy { abs($0 - $1) < 1e-9 * max(1, abs($1)) })
        #expect(try LogisticRegressionLibraryChapter.largestWeightGap(lab, reference) < 1e-3)
        #expect(abs(lab.cancerFit.bias - (try reference.number("\(fit).intercept"))) < 1e-3)
        let predictions = try lab.cancerFit.predict(lab.cancerTest.x)
        let confusion = try ConfusionMatrix(truth: lab.cancerTest.y, predictions: predictions)
        #expect(confusion.counts.map { $0.map(Double.init) } == (try reference.rows("\(fit).test.confusion_matrix")))
        let roc = try ROCCurve(labels: lab.cancerTest.y, scores: try lab.cancerTestProbabilities())
        #expect(abs(roc.auc - (try reference.number("\(fit).roc_test.auc"))) < 1e-9)
        let probabilities = try lab.cancerTestProbabilities(), expected = try reference.numbers("\(fit).test_probabilities")
        #expect(zip(probabilities, expected).allSatisfy { abs($0 - $1) < 1e-4 })
    }

    @Test func precisionAndRecallTradeOffWithTheThreshold() throws {
        let lab = try Self.lab.get(), reference = try Self.reference.get()
        let fit = try LogisticRegressionLibraryChapter.cancerReferenceFit(reference)
        let (precision, recall) = try lab.precisionRecall(thresholds: [0.01, 0.5, 0.99])
        // At 0.5 the sweep agrees with the metric functions and with scikit-learn.
        #expect(abs(precision[1] - (try reference.number("\(fit).test.precision"))) < 1e-12)
        #expect(abs(recall[1] - (try reference.number("\(fit).test.recall"))) < 1e-12)
        #expect(precision[2] >= precision[1] && precision[1] >= precision[0])
        #expect(recall[0] == 1 && recall[2] < recall[1])
    }

    @Test func irisSoftmaxMatchesScikitLearn() throws {
        let lab = try Self.lab.get(), reference = try Self.reference.get()
        let fit = try LogisticRegressionLibraryChapter.irisReferenceFit(reference)
        let coef = try reference.rows("\(fit).coef"), intercept = try reference.numbers("\(fit).intercept")
        for c in 0..<3 {
            for j in 0..<2 { #expect(abs(lab.irisFit.weights[c, j] - coef[c][j]) < 1e-4) }
            #expect(abs(lab.irisIntercepts[c] - intercept[c]) < 1e-4)
        }
        let predictions = try lab.predictSpecies(lab.petals)
        #expect(predictions == (try reference.integers("\(fit).predictions")))
    }

    @Test func aLargerPenaltyShrinksTheWeights() throws {
        let lab = try Self.lab.get()
        let norms = lab.regularisedFits.map { $0.model.weights.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        #expect(lab.regularisedFits.map(\.lambda) == LogisticLibraryLab.lambdas)
        #expect(zip(norms, norms.dropFirst()).allSatisfy { $0 > $1 })
        #expect(lab.regularisedFits.first!.trainingAccuracy >= lab.regularisedFits.last!.trainingAccuracy)
        // The bias is not penalised: the regularised gradient of the final model's bias is small
        // and has no lambda term (checked through the model's own gradient function).
        let features = try lab.polynomialFeatures(lab.moons.x)
        let strongest = lab.regularisedFits.last!
        let gradient = try LogisticRegression.gradient(features, lab.moons.y, weights: strongest.model.weights,
                                                       bias: strongest.model.bias, regularization: strongest.lambda)
        #expect(gradient.norm < 1e-3)
    }

    @Test func alwaysBenignLooksAccurateButFindsNoMalignantTumour() throws {
        let lab = try Self.lab.get()
        let table = try LogisticRegressionLibraryChapter().baselineTable(lab, predictions: try lab.cancerFit.predict(lab.cancerTest.x))
        let always = try #require(table.rows.first)
        #expect(always[0] == "always benign")
        #expect(always[1] == "0.629")  // 90 benign of 143
        #expect(always[3] == "0.000")
    }

    @Test func chapterBuildsEveryFigureAndTable() throws {
        let chapter = LogisticRegressionLibraryChapter()
        #expect(ChapterRegistry.plannedIDs.firstIndex(of: chapter.id) == chapter.number - 1)
        #expect(ChapterRegistry.standard.chapter(withID: chapter.id) != nil)
        let page = try chapter.page(lab: try Self.lab.get(), reference: try Self.reference.get(),
                                    context: ChapterContext(seed: 42, formats: [.png], scale: 1, excerpts: .packageSources()))
        #expect(page.figures.map(\.stem) == ["regularisation-boundaries", "regularisation-weights", "iris-regions",
                                            "confusion-matrix", "roc-curve", "precision-recall"])
        #expect(page.tables.map(\.name) == ["regularisation", "iris-softmax", "metrics", "baseline"])
        #expect(page.code.map(\.name) == ["softmax", "softmax-gradient"])
        let metrics = try #require(page.tables.first { $0.name == "metrics" })
        for row in metrics.rows { #expect(row[1] == row[2], "\(row[0]): ours \(row[1]), scikit-learn \(row[2])") }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for figure in page.figures {
            let url = folder.url.appendingPathComponent(figure.stem + ".png")
            try figure.render(url, .png, 0.5)
            #expect(try Data(contentsOf: url).starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(figure.stem) is not a PNG")
        }
    }
}
