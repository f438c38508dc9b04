import Testing
@testable import Models

/// Metrics on small examples computed by hand.
@Suite struct MetricsTests {
    @Test func regressionMetrics() throws {
        let truth: [Double] = [3, -0.5, 2, 7], predictions: [Double] = [2.5, 0, 2, 8]
        #expect(try meanSquaredError(truth, predictions) == 0.375)
        #expect(close(try rootMeanSquaredError(truth, predictions), 0.375.squareRoot()))
        #expect(try meanAbsoluteError(truth, predictions) == 0.5)
        // SS_res = 1.5, SS_tot = 29.1875 around the mean 2.875.
        #expect(close(try r2Score(truth, predictions), 1 - 1.5 / 29.1875))
        #expect(try r2Score([1, 1], [1, 1]) == 1)
        #expect(try r2Score([1, 1], [1, 2]) == 0)
    }

    @Test func binaryClassificationMetrics() throws {
        // TP = 1, FP = 1, FN = 2, TN = 1.
        let truth = [1, 1, 1, 0, 0], predictions = [1, 0, 0, 1, 0]
        #expect(try accuracy(truth, predictions) == 0.4)
        #expect(try precision(truth, predictions) == 0.5)
        #expect(close(try recall(truth, predictions), 1.0 / 3))
        #expect(close(try f1Score(truth, predictions), 0.4))
        #expect(try precision([0, 1], [0, 0]) == 0)   // never predicted positive: 0, not NaN
    }

    @Test func macroAveragedMetrics() throws {
        // Per class (P, R): class 0 (1/2, 1/2), class 1 (1/2, 1/2), class 2 (2/3, 2/3).
        let truth = [0, 1, 2, 2, 1, 0, 2], predictions = [0, 2, 2, 2, 1, 1, 0]
        #expect(close(try accuracy(truth, predictions), 4.0 / 7))
        #expect(close(try precision(truth, predictions, averaging: .macro), 5.0 / 9))
        #expect(close(try recall(truth, predictions, averaging: .macro), 5.0 / 9))
        #expect(close(try f1Score(truth, predictions, averaging: .macro), 5.0 / 9))
        let matrix = try ConfusionMatrix(truth: truth, predictions: predictions)
        #expect(matrix.counts == [[1, 1, 0], [0, 1, 1], [1, 0, 2]])
        #expect(matrix.total == 7 && close(matrix.accuracy, 4.0 / 7))
        #expect(try ConfusionMatrix(truth: [0, 1], predictions: [0, 1], classCount: 3).counts[2] == [0, 0, 0])
    }

    @Test func rocCurveWithoutTies() throws {
        let roc = try ROCCurve(labels: [0, 0, 1, 1], scores: [0.1, 0.4, 0.35, 0.8])
        #expect(roc.falsePositiveRates == [0, 0, 0.5, 0.5, 1])
        #expect(roc.truePositiveRates == [0, 0.5, 0.5, 1, 1])
        #expect(roc.thresholds == [.infinity, 0.8, 0.4, 0.35, 0.1])
        #expect(roc.auc == 0.75)
    }

    @Test func rocCurveWithTiesCountsHalf() throws {
        // Positives score 0.5, 0.9, 0.1; negatives 0.2, 0.5. Pairs won: 1 + 0.5 (the tie) + 2 + 0 = 3.5 of 6.
        let roc = try ROCCurve(labels: [0, 1, 0, 1, 1], scores: [0.2, 0.5, 0.5, 0.9, 0.1])
        #expect(roc.thresholds == [.infinity, 0.9, 0.5, 0.2, 0.1])
        #expect(close(roc.falsePositiveRates, [0, 0, 0.5, 1, 1]))
        #expect(close(roc.truePositiveRates, [0, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1]))
        #expect(close(roc.auc, 3.5 / 6))
        #expect(try ROCCurve(labels: [0, 1], scores: [0.3, 0.3]).auc == 0.5)
    }

    @Test func logLossValues() throws {
        let probabilities = Matrix([[0.2, 0.8], [0.6, 0.4]])
        #expect(close(try logLoss([1, 0], probabilities: probabilities), -(log(0.8) + log(0.6)) / 2))
        #expect(close(try logLoss([1, 0], positiveProbabilities: [0.8, 0.4]), -(log(0.8) + log(0.6)) / 2))
        // A confident mistake is large but finite.
        let worst = try logLoss([1], positiveProbabilities: [0])
        #expect(worst.isFinite && worst > 30)
    }

    @Test func metricsValidateTheirInput() {
        #expect(throws: ModelError.emptyInput("meanSquaredError: no values")) { try meanSquaredError([], []) }
        #expect(throws: ModelError.self) { try r2Score([1, 2], [1]) }
        #expect(throws: ModelError.nonFinite(row: 1, column: 1)) { try meanAbsoluteError([1, 2], [1, .nan]) }
        #expect(throws: ModelError.self) { try accuracy([0, 1], [0]) }
        #expect(throws: ModelError.self) { try precision([0, -1], [0, 1]) }
        #expect(throws: ModelError.self) { try ROCCurve(labels: [1, 1], scores: [0.2, 0.3]) }
        #expect(throws: ModelError.self) { try ROCCurve(labels: [0, 2], scores: [0.2, 0.3]) }
        #expect(throws: ModelError.self) { try ROCCurve(labels: [0, 1], scores: [0.2, .nan]) }
        #expect(throws: ModelError.self) { try logLoss([3], probabilities: Matrix([[0.5, 0.5]])) }
        #expect(throws: ModelError.self) { try logLoss([0], probabilities: Matrix([[1.5, -0.5]])) }
        #expect(throws: ModelError.self) { try ConfusionMatrix(truth: [0, 3], predictions: [0, 1], classCount: 2) }
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
