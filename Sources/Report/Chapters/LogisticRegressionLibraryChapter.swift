import Foundation
import Models

/// Chapter 7: L2 regularisation, softmax regression for several classes, and measuring a
/// classifier on a held-out test set (confusion matrix, precision and recall, ROC and AUC).
struct LogisticRegressionLibraryChapter: Chapter {
    let id = "logistic-regression-library"
    let number = 7
    let title = "Logistic regression, library style"
    let summary = "Regularise the weights, go beyond two classes with softmax, and measure a classifier honestly."

    /// Iterations of each regularisation fit (fewer in quick tests).
    var regularisedIterations = LogisticLibraryLab.regularisedIterations

    static let cancerExperiment = "experiments.breast_cancer_logistic"
    static let irisExperiment = "experiments.iris_logistic"

    func build(_ context: ChapterContext) throws -> ChapterPage {
        let reference = try ScikitLearnReference.packageFixture()
        let lab = try LogisticLibraryLab(
            seed: context.seed,
            cancerTestIndices: try reference.integers("\(Self.cancerExperiment).split.test_indices"),
            regularisedIterations: regularisedIterations)
        return try page(lab: lab, reference: reference, context: context)
    }

    /// The page from experiments already run (tests reuse one lab).
    func page(lab: LogisticLibraryLab, reference: ScikitLearnReference, context: ChapterContext) throws -> ChapterPage {
        let cancerFit = try Self.cancerReferenceFit(reference)
        let probabilities = try lab.cancerTestProbabilities()
        let predictions = try lab.cancerFit.predict(lab.cancerTest.x)
        let confusion = try ConfusionMatrix(truth: lab.cancerTest.y, predictions: predictions, classCount: 2)
        let roc = try ROCCurve(labels: lab.cancerTest.y, scores: probabilities)
        let figures = [
            try LogisticLibraryFigures.regularisationBoundaries(lab),
            try LogisticLibraryFigures.regularisationWeights(lab),
            try LogisticLibraryFigures.irisRegions(lab),
            LogisticLibraryFigures.confusionMatrix(confusion.counts),
            LogisticLibraryFigures.rocCurve(
                roc, referenceFPR: try reference.numbers("\(cancerFit).roc_test.drop_intermediate.fpr"),
                referenceTPR: try reference.numbers("\(cancerFit).roc_test.drop_intermediate.tpr")),
            try LogisticLibraryFigures.precisionRecall(lab),
        ]
        return ChapterPage(
            figures: figures,
            tables: [regularisationTable(lab), try irisTable(lab, reference),
                     try metricsTable(lab, reference, confusion: confusion, roc: roc, probabilities: probabilities),
                     try baselineTable(lab, predictions: predictions)],
            code: [try context.excerpt("softmax"), try context.excerpt("softmax-gradient")],
            thumbnail: "iris-regions")
    }

    /// The path of scikit-learn's breast cancer fit with our lambda.
    static func cancerReferenceFit(_ reference: ScikitLearnReference) throws -> String {
        let index = try reference.index(in: "\(cancerExperiment).fits",
                                        where: ["C": .number(1 / LogisticLibraryLab.cancerLambda)])
        return "\(cancerExperiment).fits.\(index)"
    }

    /// The path of scikit-learn's iris petal fit with our lambda.
    static func irisReferenceFit(_ reference: ScikitLearnReference) throws -> String {
        let index = try reference.index(in: "\(irisExperiment).fits",
                                        where: ["C": .number(1 / LogisticLibraryLab.irisLambda), "feature_set": .string("petal")])
        return "\(irisExperiment).fits.\(index)"
    }

    func regularisationTable(_ lab: LogisticLibraryLab) -> ChapterTable {
        let rows = lab.regularisedFits.map { fit -> [String] in
            let weights = fit.model.weights
            let norm = weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return [LogisticLibraryFigures.lambdaText(fit.lambda),
                    fit.lambda == 0 ? "∞" : LogisticLibraryFigures.lambdaText(1 / fit.lambda),
                    LogisticNumbers.fixed(norm, 2), LogisticNumbers.fixed(weights.map(abs).max() ?? 0, 2),
                    LogisticNumbers.fixed(fit.trainingAccuracy, 3), LogisticNumbers.fixed(fit.model.history.finalCost, 4)]
        }
        return ChapterTable(
            name: "regularisation",
            caption: "The regularisation runs (\(lab.moons.x.rows) points, \(lab.regularisedFits.first?.model.weights.count ?? 0) z-scored polynomial features, $\\alpha = \(LogisticLibraryFigures.lambdaText(LogisticLibraryLab.regularisedLearningRate))$, \(LogisticRegressionFigures.grouped(lab.regularisedFits.first?.model.history.stepsRun ?? 0)) iterations each): a larger $\\lambda$ gives smaller weights and, once it is strong enough to straighten the boundary, a lower training accuracy: the price of a smoother boundary.",
            header: ["λ", "C = 1/λ", "‖w‖", "largest |wⱼ|", "training accuracy", "final cost (with penalty)"],
            rows: rows)
    }

    func irisTable(_ lab: LogisticLibraryLab, _ reference: ScikitLearnReference) throws -> ChapterTable {
        let fit = try Self.irisReferenceFit(reference)
        let coef = try reference.rows("\(fit).coef"), intercept = try reference.numbers("\(fit).intercept")
        let intercepts = lab.irisIntercepts
        var rows: [[String]] = []
        for (c, name) in LogisticLibraryLab.irisClassNames.enumerated() {
            rows.append(["\(name): w petal length", LogisticNumbers.fixed(lab.irisFit.weights[c, 0], 4), LogisticNumbers.fixed(coef[c][0], 4)])
            rows.append(["\(name): w petal width", LogisticNumbers.fixed(lab.irisFit.weights[c, 1], 4), LogisticNumbers.fixed(coef[c][1], 4)])
            rows.append(["\(name): b", LogisticNumbers.fixed(intercepts[c], 4), LogisticNumbers.fixed(intercept[c], 4)])
        }
        let accuracy = try Models.accuracy(lab.species, try lab.predictSpecies(lab.petals))
        rows.append(["training accuracy", LogisticNumbers.fixed(accuracy, 4), LogisticNumbers.fixed(try reference.number("\(fit).accuracy"), 4)])
        return ChapterTable(
            name: "iris-softmax",
            caption: "Softmax regression on the 150 iris petals, $\\lambda = \(LogisticLibraryFigures.lambdaText(LogisticLibraryLab.irisLambda))$ ($\\alpha = \(LogisticLibraryFigures.lambdaText(LogisticLibraryLab.irisLearningRate))$, \(LogisticRegressionFigures.grouped(LogisticLibraryLab.irisIterations)) iterations on centred petals, intercepts moved back to raw centimetres), against scikit-learn's multinomial `LogisticRegression` with $C = 1$.",
            header: ["parameter", "ours", "scikit-learn"], rows: rows, comparison: .init(ours: 1, reference: 2))
    }

    func metricsTable(_ lab: LogisticLibraryLab, _ reference: ScikitLearnReference, confusion: ConfusionMatrix,
                      roc: ROCCurve, probabilities: [Double]) throws -> ChapterTable {
        let fit = try Self.cancerReferenceFit(reference)
        let truth = lab.cancerTest.y, predictions = try lab.cancerFit.predict(lab.cancerTest.x)
        let referenceCounts = try reference.rows("\(fit).test.confusion_matrix")
        let number = { (path: String) in try reference.number("\(fit).\(path)") }
        let count = { (value: Int) in String(value) }
        let rows: [[String]] = [
            ["test accuracy", LogisticNumbers.fixed(confusion.accuracy, 4), LogisticNumbers.fixed(try number("test.accuracy"), 4)],
            ["precision (benign)", LogisticNumbers.fixed(try precision(truth, predictions), 4), LogisticNumbers.fixed(try number("test.precision"), 4)],
            ["recall (benign)", LogisticNumbers.fixed(try recall(truth, predictions), 4), LogisticNumbers.fixed(try number("test.recall"), 4)],
            ["F1", LogisticNumbers.fixed(try f1Score(truth, predictions), 4), LogisticNumbers.fixed(try number("test.f1"), 4)],
            ["ROC AUC", LogisticNumbers.fixed(roc.auc, 4), LogisticNumbers.fixed(try number("roc_test.auc"), 4)],
            ["test log-loss", LogisticNumbers.fixed(try logLoss(truth, positiveProbabilities: probabilities), 4),
             LogisticNumbers.fixed(try number("test.log_loss"), 4)],
            ["training accuracy", LogisticNumbers.fixed(try lab.cancerFit.score(lab.cancerTrain.x, lab.cancerTrain.y), 4),
             LogisticNumbers.fixed(try number("train_accuracy"), 4)],
            ["malignant called malignant", count(confusion.counts[0][0]), count(Int(referenceCounts[0][0]))],
            ["malignant called benign", count(confusion.counts[0][1]), count(Int(referenceCounts[0][1]))],
            ["benign called malignant", count(confusion.counts[1][0]), count(Int(referenceCounts[1][0]))],
            ["benign called benign", count(confusion.counts[1][1]), count(Int(referenceCounts[1][1]))],
            ["intercept b", LogisticNumbers.fixed(lab.cancerFit.bias, 4), LogisticNumbers.fixed(try number("intercept"), 4)],
        ]
        return ChapterTable(
            name: "metrics",
            caption: "Breast cancer: \(lab.cancerTrain.y.count) training and \(truth.count) test tumours (scikit-learn's stratified split), 30 features z-scored with the training rows' means and deviations, $\\lambda = \(LogisticLibraryFigures.lambdaText(LogisticLibraryLab.cancerLambda))$ ($C = 1$), \(LogisticRegressionFigures.grouped(LogisticLibraryLab.cancerIterations)) iterations with $\\alpha = \(LogisticLibraryFigures.lambdaText(LogisticLibraryLab.cancerLearningRate))$. The positive class is benign, as scikit-learn codes it. Our 30 weights differ from scikit-learn's by at most \(LogisticNumbers.fixed(try Self.largestWeightGap(lab, reference), 6)).",
            header: ["metric", "ours", "scikit-learn"], rows: rows, comparison: .init(ours: 1, reference: 2))
    }

    /// The largest |w_j - w_j(scikit-learn)| over the 30 breast cancer weights.
    static func largestWeightGap(_ lab: LogisticLibraryLab, _ reference: ScikitLearnReference) throws -> Double {
        let coef = try reference.numbers("\(try cancerReferenceFit(reference)).coef")
        return zip(lab.cancerFit.weights, coef).map { abs($0 - $1) }.max() ?? .nan
    }

    /// Our model against a "model" that always answers benign, the majority class.
    func baselineTable(_ lab: LogisticLibraryLab, predictions: [Int]) throws -> ChapterTable {
        let truth = lab.cancerTest.y
        let always = Array(repeating: 1, count: truth.count)
        func row(_ name: String, _ predicted: [Int]) throws -> [String] {
            [name, LogisticNumbers.fixed(try accuracy(truth, predicted), 3),
             LogisticNumbers.fixed(try recall(truth, predicted, averaging: .binary(positive: 1)), 3),
             LogisticNumbers.fixed(try recall(truth, predicted, averaging: .binary(positive: 0)), 3),
             LogisticNumbers.fixed(try precision(truth, predicted, averaging: .binary(positive: 1)), 3)]
        }
        return ChapterTable(
            name: "baseline",
            caption: "On the same test set, a \"model\" that always answers benign scores a respectable accuracy and finds no malignant tumour at all.",
            header: ["classifier", "accuracy", "recall (benign)", "recall (malignant)", "precision (benign)"],
            rows: [try row("always benign", always), try row("regularised logistic regression", predictions)])
    }
}
