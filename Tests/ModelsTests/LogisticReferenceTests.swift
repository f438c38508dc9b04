import Testing
@testable import Models

/// Our logistic and softmax regressions against scikit-learn (`Fixtures/sklearn_reference.json`).
///
/// scikit-learn solves to optimality (its gradient at the answer is ~1e-12); we run gradient descent
/// on z-scored (or centred) data until the cost changes by less than 1e-15 per step. Tolerances: coefficients 1e-4 relative (absolute near
/// 0), probabilities and log-loss 1e-5, and exact equality of accuracies and of every predicted
/// class. lambda = 1 / C (the fixture stores both). The weakest penalties (C = 10, 100) are left out:
/// gradient descent needs far more iterations there than a unit test should spend.
@Suite struct LogisticReferenceTests {
    let reference: ReferenceFixture.Experiments

    init() throws {
        reference = try ReferenceFixture.shared().experiments
    }

    @Test func examScoresZScoredAndConvertedBackToRaw() throws {
        let exams = reference.ex2data1
        let table = try BundledDataset.ex2data1.load()
        let X = try table.matrix(columns: exams.features)
        let labels = try classCodes(from: table.numeric(exams.target))
        let scaler = try StandardScaler.fit(X)
        let Z = try scaler.transform(X)
        let model = try LogisticRegression(learningRate: 1, iterations: 20_000, tolerance: 1e-15).fit(Z, labels)
        let expected = exams.zscored
        #expect(close(model.weights, expected.coef, 1e-4), "\(model.weights) vs \(expected.coef)")
        #expect(close(model.bias, expected.intercept, 1e-4))
        #expect(try model.score(Z, labels) == expected.accuracy)
        #expect(close(try logLoss(labels, probabilities: model.predictProbabilities(Z)), expected.logLoss, 1e-6))
        let query = try scaler.transform(Matrix([exams.queryScores]))
        #expect(close(try model.predictPositiveProbabilities(query)[0], expected.queryProbability, 1e-5))
        // Undo the scaling (w_raw = w / s, b_raw = b - sum w mean / s); the raw sklearn fit agrees.
        let raw = try LinearModel.unscaling(weights: model.weights, bias: model.bias, scaler: scaler)
        #expect(close(raw.weights, exams.raw.coef, 1e-4) && close(raw.bias, exams.raw.intercept, 1e-4))
    }

    /// Iris on raw features. Gradient descent is run on mean-centred features, which leaves the
    /// weights and their penalty unchanged (only the intercepts move, b = b_c - W mean) but removes
    /// the ill-conditioned coupling between intercepts and features of mean ~5.
    @Test(arguments: [(featureSet: "petal", lambda: 1.0), ("petal", 10), ("all", 1), ("all", 10)])
    func irisMultinomial(featureSet: String, lambda: Double) throws {
        let iris = reference.irisLogistic
        let expected = try #require(iris.fits.first { $0.featureSet == featureSet && $0.lambda == lambda })
        let table = try BundledDataset.iris.load()
        let X = try table.matrix(columns: expected.features)
        let labels = try classCodes(from: table.numeric(iris.target))
        let means = X.columnMeans()
        var centred = X
        for i in 0..<X.rows { for j in 0..<X.columns { centred[i, j] -= means[j] } }
        let fitted = try SoftmaxRegression(learningRate: 0.5, iterations: 20_000, regularization: lambda, tolerance: 1e-15)
            .fit(centred, labels)
        let intercepts = (0..<3).map { c in
            fitted.intercepts[c] - (0..<X.columns).reduce(0) { $0 + fitted.weights[c, $1] * means[$1] }
        }
        let model = FittedSoftmaxRegression(weights: fitted.weights, intercepts: intercepts, history: fitted.history)
        for c in 0..<3 {
            #expect(close(model.weights.row(c), expected.coef[c], 1e-4), "class \(c): \(model.weights.row(c)) vs \(expected.coef[c])")
        }
        #expect(close(model.intercepts, expected.interceptCentered, 1e-4), "\(model.intercepts)")
        #expect(try model.predict(X) == expected.predictions)
        #expect(try model.score(X, labels) == expected.accuracy)
        let unregularisedLoss = try logLoss(labels, probabilities: model.predictProbabilities(X))
        #expect(close(unregularisedLoss, expected.logLoss, 1e-5))
        let probabilities = try model.predictProbabilities(Matrix([X.row(0), X.row(50), X.row(100)]))
        for (row, expectedRow) in expected.probabilitiesFirstRowOfEachClass.enumerated() {
            #expect(close(probabilities.row(row), expectedRow, 1e-5))
        }
    }

    @Test(arguments: [10.0, 1.0])
    func breastCancerScaledAndRegularised(lambda: Double) throws {
        let cancer = reference.breastCancerLogistic
        let expected = try #require(cancer.fits.first { $0.lambda == lambda })
        let table = try BundledDataset.breastCancer.load()
        let X = try table.matrix(columns: cancer.features)
        let labels = try classCodes(from: table.numeric(cancer.target))
        let split = cancer.split
        let scaler = try StandardScaler.fit(X.selectingRows(split.trainIndices))
        #expect(close(scaler.means, cancer.scaler.mean, 1e-12) && close(scaler.scales, cancer.scaler.scale, 1e-12))
        let train = try scaler.transform(X.selectingRows(split.trainIndices))
        let test = try scaler.transform(X.selectingRows(split.testIndices))
        let trainLabels = split.trainIndices.map { labels[$0] }
        let testLabels = split.testIndices.map { labels[$0] }
        let model = try LogisticRegression(learningRate: 0.5, iterations: 20_000, regularization: lambda, tolerance: 1e-15)
            .fit(train, trainLabels)
        #expect(close(model.weights, expected.coef, 1e-4), "\(zip(model.weights, expected.coef).map { $0 - $1 })")
        #expect(close(model.bias, expected.intercept, 1e-4))
        #expect(try model.score(train, trainLabels) == expected.trainAccuracy)

        let probabilities = try model.predictPositiveProbabilities(test)
        #expect(close(probabilities, expected.testProbabilities, 1e-5))
        let predictions = try model.predict(test)
        #expect(try accuracy(testLabels, predictions) == expected.test.accuracy)
        #expect(close(try precision(testLabels, predictions), expected.test.precision, 1e-12))
        #expect(close(try recall(testLabels, predictions), expected.test.recall, 1e-12))
        #expect(close(try f1Score(testLabels, predictions), expected.test.f1, 1e-12))
        #expect(try ConfusionMatrix(truth: testLabels, predictions: predictions).counts == expected.test.confusionMatrix)
        #expect(close(try logLoss(testLabels, positiveProbabilities: probabilities), expected.test.logLoss!, 1e-5))
        #expect(close(try ROCCurve(labels: testLabels, scores: probabilities).auc, expected.rocTest.auc, 1e-9))
    }
}
