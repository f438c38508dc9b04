import Foundation
import Models

/// Chapter 6: the sigmoid, the log-loss and its gradient, a decision boundary on the exam-score
/// data, and why raw scores make gradient descent slow.
struct LogisticRegressionChapter: Chapter {
    let id = "logistic-regression"
    let number = 6
    let title = "Logistic regression"
    let summary = "Squash a weighted sum into a probability, draw the line where it is one half, and train it on the log-loss."

    /// Iterations of the slow run on raw scores (fewer in quick tests).
    var rawIterations = ExamScoresLab.rawIterations

    func build(_ context: ChapterContext) throws -> ChapterPage {
        try page(lab: try ExamScoresLab(rawIterations: rawIterations), reference: try ScikitLearnReference.packageFixture(),
                 context: context)
    }

    /// The page from experiments already run (tests reuse one lab).
    func page(lab: ExamScoresLab, reference: ScikitLearnReference, context: ChapterContext) throws -> ChapterPage {
        let raw = "experiments.ex2data1.raw", zscored = "experiments.ex2data1.zscored"
        let referenceMinimum = try reference.number("\(raw).log_loss")
        let referenceRaw = (weights: try reference.numbers("\(raw).coef"), bias: try reference.number("\(raw).intercept"))
        let figures = [
            LogisticRegressionFigures.sigmoid(),
            try LogisticRegressionFigures.toyBoundaries(),
            LogisticRegressionFigures.lossCurves(),
            try LogisticRegressionFigures.squaredErrorVersusLogLoss(),
            try LogisticRegressionFigures.examBoundary(lab),
            LogisticRegressionFigures.costVersusIteration(lab, referenceMinimum: referenceMinimum),
            LogisticRegressionFigures.rawVersusScaled(lab, reference: referenceRaw, referenceMinimum: referenceMinimum),
        ]
        return ChapterPage(
            figures: figures,
            tables: [try parametersTable(lab, reference, raw: raw, zscored: zscored),
                     try rawVersusScaledTable(lab, referenceMinimum: referenceMinimum)],
            code: [try context.excerpt("sigmoid"), try context.excerpt("logistic-cost"),
                   try context.excerpt("logistic-gradient")],
            thumbnail: "exam-boundary")
    }

    /// Learned parameters and metrics beside scikit-learn's unpenalised fit.
    func parametersTable(_ lab: ExamScoresLab, _ reference: ScikitLearnReference, raw: String,
                         zscored: String) throws -> ChapterTable {
        let scaledCoef = try reference.numbers("\(zscored).coef"), rawCoef = try reference.numbers("\(raw).coef")
        let inRaw = lab.scaledFitInRawUnits
        let query = Matrix([ExamScoresLab.queryScores])
        let probability = try lab.admissionProbability(query)[0]
        let rows: [[String]] = [
            ["w₁ (z-scored)", LogisticNumbers.fixed(lab.scaledFit.weights[0], 4), LogisticNumbers.fixed(scaledCoef[0], 4)],
            ["w₂ (z-scored)", LogisticNumbers.fixed(lab.scaledFit.weights[1], 4), LogisticNumbers.fixed(scaledCoef[1], 4)],
            ["b (z-scored)", LogisticNumbers.fixed(lab.scaledFit.bias, 4), LogisticNumbers.fixed(try reference.number("\(zscored).intercept"), 4)],
            ["w₁ (per exam point)", LogisticNumbers.fixed(inRaw.weights[0], 5), LogisticNumbers.fixed(rawCoef[0], 5)],
            ["w₂ (per exam point)", LogisticNumbers.fixed(inRaw.weights[1], 5), LogisticNumbers.fixed(rawCoef[1], 5)],
            ["b (raw scores)", LogisticNumbers.fixed(inRaw.bias, 3), LogisticNumbers.fixed(try reference.number("\(raw).intercept"), 3)],
            ["training accuracy", LogisticNumbers.fixed(try lab.accuracy(), 3), LogisticNumbers.fixed(try reference.number("\(raw).accuracy"), 3)],
            ["mean log-loss", LogisticNumbers.fixed(try lab.logLoss(), 5), LogisticNumbers.fixed(try reference.number("\(raw).log_loss"), 5)],
            ["P(admitted) for scores 45 and 85", LogisticNumbers.fixed(probability, 4),
             LogisticNumbers.fixed(try reference.number("\(raw).query_probability"), 4)],
        ]
        return ChapterTable(
            name: "parameters",
            caption: "Our gradient descent (z-scored scores, $\\alpha = \(LogisticRegressionFigures.formatRate(ExamScoresLab.scaledLearningRate))$, \(LogisticRegressionFigures.grouped(ExamScoresLab.scaledIterations)) iterations) against scikit-learn's unpenalised `LogisticRegression`; the per-point weights are the z-scored ones divided by each score's standard deviation.",
            header: ["quantity", "ours", "scikit-learn"], rows: rows, comparison: .init(ours: 1, reference: 2))
    }

    /// How far each run got: the same model on raw and on z-scored scores.
    func rawVersusScaledTable(_ lab: ExamScoresLab, referenceMinimum: Double) throws -> ChapterTable {
        let target = referenceMinimum + 1e-3
        let inRaw = lab.scaledFitInRawUnits
        func row(_ name: String, _ rate: Double, _ fit: FittedLogisticRegression, weights: [Double], bias: Double) -> [String] {
            let reached = fit.history.firstStep(reachingCost: target).map { LogisticRegressionFigures.grouped($0) } ?? "never"
            return [name, LogisticRegressionFigures.formatRate(rate), LogisticRegressionFigures.grouped(fit.history.stepsRun),
                    LogisticNumbers.fixed(fit.history.finalCost, 4), reached, LogisticNumbers.fixed(weights[0], 4), LogisticNumbers.fixed(weights[1], 4), LogisticNumbers.fixed(bias, 2)]
        }
        return ChapterTable(
            name: "raw-vs-scaled",
            caption: "The same model trained on raw and on z-scored scores (weights per exam point in both rows). Scikit-learn's minimum cost is \(LogisticNumbers.fixed(referenceMinimum, 4)).",
            header: ["features", "α", "iterations", "final cost", "first within 0.001 of the minimum", "w₁", "w₂", "b"],
            rows: [
                row("raw scores", ExamScoresLab.rawLearningRate, lab.rawFit, weights: lab.rawFit.weights, bias: lab.rawFit.bias),
                row("z-scored", ExamScoresLab.scaledLearningRate, lab.scaledFit, weights: inRaw.weights, bias: inRaw.bias),
            ])
    }
}

/// Numbers in the logistic chapters' tables.
enum LogisticNumbers {
    /// `value` with `digits` decimals and a true minus sign.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        let text = String(format: "%.\(digits)f", value)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }
}
