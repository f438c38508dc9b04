import Models

/// How well a model does on one set of rows. Values that cannot be computed (a diverged model's
/// infinite predictions) are NaN and shown as `null` / "n/a".
enum FitMetrics: Sendable, Equatable {
    case regression(r2: Double, mse: Double, rmse: Double, mae: Double)
    case classification(accuracy: Double, logLoss: Double, confusion: [[Int]])

    /// Regression metrics of `predictions` against `truth`.
    static func regression(truth: [Double], predictions: [Double]) -> FitMetrics {
        let mse = (try? meanSquaredError(truth, predictions)) ?? .nan
        return .regression(r2: (try? r2Score(truth, predictions)) ?? .nan, mse: mse, rmse: mse.squareRoot(),
                           mae: (try? meanAbsoluteError(truth, predictions)) ?? .nan)
    }

    /// Classification metrics of predicted classes and probabilities against the true codes.
    static func classification(truth: [Int], predictions: [Int], probabilities: Matrix, classCount: Int) -> FitMetrics {
        let confusion = (try? ConfusionMatrix(truth: truth, predictions: predictions, classCount: classCount))?.counts ?? []
        return .classification(accuracy: (try? accuracy(truth, predictions)) ?? .nan,
                               logLoss: (try? logLoss(truth, probabilities: probabilities)) ?? .nan,
                               confusion: confusion)
    }

    /// The metric's name and value pairs, in the order they are shown.
    var namedValues: [(name: String, value: Double)] {
        switch self {
        case .regression(let r2, let mse, let rmse, let mae):
            [("r2", r2), ("mse", mse), ("rmse", rmse), ("mae", mae)]
        case .classification(let accuracy, let logLoss, _):
            [("accuracy", accuracy), ("log_loss", logLoss)]
        }
    }
}
