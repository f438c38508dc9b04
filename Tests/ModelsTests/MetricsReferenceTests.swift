import Testing
@testable import Models

/// Our metrics against `sklearn.metrics` on the fixture's hand-picked vectors (exact to 1e-12).
@Suite struct MetricsReferenceTests {
    let metrics: ReferenceFixture.Metrics

    init() throws {
        metrics = try ReferenceFixture.shared().experiments.metrics
    }

    @Test func binaryCases() throws {
        for c in metrics.binary {
            let predictions = c.yScore.map { $0 >= c.threshold ? 1 : 0 }
            #expect(predictions == c.yPred, "\(c.name)")
            #expect(close(try accuracy(c.yTrue, predictions), c.accuracy, 1e-12), "\(c.name)")
            #expect(close(try precision(c.yTrue, predictions), c.precision, 1e-12), "\(c.name)")
            #expect(close(try recall(c.yTrue, predictions), c.recall, 1e-12), "\(c.name)")
            #expect(close(try f1Score(c.yTrue, predictions), c.f1, 1e-12), "\(c.name)")
            #expect(try ConfusionMatrix(truth: c.yTrue, predictions: predictions, classCount: 2).counts == c.confusionMatrix)
            #expect(close(try logLoss(c.yTrue, positiveProbabilities: c.yScore), c.logLoss, 1e-12), "\(c.name)")
            let roc = try ROCCurve(labels: c.yTrue, scores: c.yScore)
            #expect(close(roc.auc, c.roc.auc, 1e-12), "\(c.name)")
            #expect(roc.falsePositiveRates == c.roc.allThresholds.fpr, "\(c.name)")
            #expect(roc.truePositiveRates == c.roc.allThresholds.tpr, "\(c.name)")
            #expect(roc.thresholds == c.roc.allThresholds.thresholdsWithInfinity, "\(c.name)")
        }
    }

    @Test func multiclassCase() throws {
        let c = metrics.multiclass
        #expect(try accuracy(c.yTrue, c.yPred) == c.accuracy)
        #expect(try ConfusionMatrix(truth: c.yTrue, predictions: c.yPred).counts == c.confusionMatrix)
        for k in 0..<3 {
            #expect(close(try precision(c.yTrue, c.yPred, averaging: .binary(positive: k)), c.precisionPerClass[k], 1e-12))
            #expect(close(try recall(c.yTrue, c.yPred, averaging: .binary(positive: k)), c.recallPerClass[k], 1e-12))
            #expect(close(try f1Score(c.yTrue, c.yPred, averaging: .binary(positive: k)), c.f1PerClass[k], 1e-12))
        }
        #expect(close(try f1Score(c.yTrue, c.yPred, averaging: .macro), c.f1Macro, 1e-12))
    }

    @Test func regressionCases() throws {
        for c in metrics.regression {
            #expect(close(try r2Score(c.yTrue, c.yPred), c.r2, 1e-12), "\(c.name)")
            #expect(close(try meanSquaredError(c.yTrue, c.yPred), c.mse, 1e-12), "\(c.name)")
            #expect(close(try rootMeanSquaredError(c.yTrue, c.yPred), c.rmse, 1e-12), "\(c.name)")
            #expect(close(try meanAbsoluteError(c.yTrue, c.yPred), c.mae, 1e-12), "\(c.name)")
        }
    }
}
