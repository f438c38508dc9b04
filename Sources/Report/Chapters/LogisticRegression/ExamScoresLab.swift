import Models

/// The experiments of the logistic regression chapter on `ex2data1.csv` (two exam scores ->
/// admitted): a fit on z-scored scores, and the same model trained on the raw scores, which needs
/// a tiny learning rate and still has not arrived after many more iterations.
struct ExamScoresLab: Sendable {
    /// Learning rate and iterations of the fit on z-scored scores.
    static let scaledLearningRate = 1.0
    static let scaledIterations = 2000
    /// About the largest learning rate the raw scores allow (0.003 already makes the cost climb
    /// above its starting value), and many more iterations.
    static let rawLearningRate = 0.001
    static let rawIterations = 30_000
    /// The iterations the raw run was given (fewer in quick tests).
    let rawIterations: Int
    /// The applicant the course asks about: exam scores 45 and 85.
    static let queryScores = [45.0, 85.0]

    /// Exam scores (points), one row per applicant.
    let scores: Matrix
    /// 1 = admitted.
    let admitted: [Int]
    let scaler: StandardScaler
    /// Trained on z-scored scores.
    let scaledFit: FittedLogisticRegression
    /// Trained on the raw scores.
    let rawFit: FittedLogisticRegression

    init(rawIterations: Int = ExamScoresLab.rawIterations) throws {
        self.rawIterations = rawIterations
        let table = try BundledDataset.ex2data1.load()
        scores = try table.matrix(columns: ["exam1_score", "exam2_score"])
        admitted = try table.labels("admitted").codes
        scaler = try StandardScaler.fit(scores)
        scaledFit = try LogisticRegression(learningRate: Self.scaledLearningRate, iterations: Self.scaledIterations,
                                           maxPathLength: 200)
            .fit(try scaler.transform(scores), admitted)
        rawFit = try LogisticRegression(learningRate: Self.rawLearningRate, iterations: rawIterations,
                                        maxPathLength: 200)
            .fit(scores, admitted)
    }

    /// The scaled fit's weights and bias expressed for raw scores:
    /// `w_j / s_j` and `b - sum_j w_j mu_j / s_j`, the same boundary in exam points.
    var scaledFitInRawUnits: (weights: [Double], bias: Double) {
        let weights = zip(scaledFit.weights, scaler.scales).map { $0 / $1 }
        let shift = zip(weights, scaler.means).reduce(0) { $0 + $1.0 * $1.1 }
        return (weights, scaledFit.bias - shift)
    }

    /// P(admitted) from the scaled fit for raw score rows.
    func admissionProbability(_ rawScores: Matrix) throws -> [Double] {
        try scaledFit.predictPositiveProbabilities(try scaler.transform(rawScores))
    }

    /// Training accuracy of the scaled fit.
    func accuracy() throws -> Double {
        try Models.accuracy(admitted, try scaledFit.predict(try scaler.transform(scores)))
    }

    /// Mean log-loss of the scaled fit on the training data.
    func logLoss() throws -> Double {
        try Models.logLoss(admitted, positiveProbabilities: try admissionProbability(scores))
    }

    /// The exam-2 score on the boundary `w1 x1 + w2 x2 + b = 0` at exam-1 score `x1`.
    static func boundary(weights: [Double], bias: Double, at x1: Double) -> Double {
        -(weights[0] * x1 + bias) / weights[1]
    }
}
