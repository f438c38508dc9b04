import Models

/// The preprocessing a fit learned from its training rows: polynomial expansion (when `--degree`
/// is above 1), then scaling. Applied unchanged to test rows and to rows to predict.
///
/// Expanding before scaling keeps every expanded column (x, x^2, x y ...) on a comparable scale,
/// which gradient descent needs. It also makes the way back to original units exact: a linear
/// score on scaled columns `z_j = (e_j - offset_j) / scale_j` equals
/// `sum_j (w_j / scale_j) e_j + (b - sum_j w_j offset_j / scale_j)` on the expanded columns
/// `e_j` (x, x^2, x y ... in the data's own units), see `originalUnits(weights:intercept:)`.
struct FeaturePipeline: Sendable {
    /// The input features, in order.
    let inputNames: [String]
    /// The polynomial degree (1: the inputs as they are).
    let degree: Int
    /// The scaler fitted on the expanded training columns, or nil for `--scale none`.
    let scaler: (any FeatureScaler)?
    /// The name of every column the model sees, e.g. `size`, `size^2`, `size rooms`.
    let expandedNames: [String]

    /// The most numbers the expanded training matrix may hold (800 MB of doubles).
    static let maximumExpandedCells = 100_000_000

    /// Learns the pipeline from the training rows and returns it with those rows transformed.
    static func fit(_ training: Matrix, inputNames: [String], degree: Int,
                    scaling: FeatureScaling) throws -> (pipeline: FeaturePipeline, transformed: Matrix) {
        let polynomial = PolynomialFeatures(degree: degree)
        if degree > 1 {
            // Refuse before allocating: a high degree on many features multiplies the columns fast.
            let columns = try polynomial.outputCount(inputCount: training.columns)
            guard Double(columns) * Double(training.rows) <= Double(maximumExpandedCells) else {
                throw FitError.fitFailed("--degree \(degree) turns \(training.columns) features into \(columns) columns; "
                    + "with \(training.rows) training rows that is more than \(maximumExpandedCells) numbers. "
                    + "Lower --degree or use fewer --features")
            }
        }
        let expanded = degree > 1 ? try polynomial.transform(training) : training
        let names = degree > 1 ? try polynomial.featureNames(inputCount: inputNames.count, inputNames: inputNames) : inputNames
        let scaler: (any FeatureScaler)?
        switch scaling {
        case .zscore: scaler = try StandardScaler.fit(expanded)
        case .minmax: scaler = try MinMaxScaler.fit(expanded)
        case .none: scaler = nil
        }
        let pipeline = FeaturePipeline(inputNames: inputNames, degree: degree, scaler: scaler, expandedNames: names)
        return (pipeline, try scaler?.transform(expanded) ?? expanded)
    }

    /// The columns the model sees for raw input rows (one column per input feature).
    func transform(_ raw: Matrix) throws -> Matrix {
        let expanded = degree > 1 ? try PolynomialFeatures(degree: degree).transform(raw) : raw
        return try scaler?.transform(expanded) ?? expanded
    }

    /// The columns near-constant in the training rows that the scaler left unscaled (indices into
    /// `expandedNames`), so the caller can warn.
    var nearlyConstantColumns: [Int] {
        switch scaler {
        case let standard as StandardScaler: standard.constantColumns
        case let minMax as MinMaxScaler: minMax.constantColumns
        default: []
        }
    }

    /// A linear score's weights and intercept in the data's own units (per expanded column).
    ///
    /// Without a scaler they are returned unchanged: the polynomial expansion is not a change of
    /// units, only new columns.
    func originalUnits(weights: [Double], intercept: Double) throws -> (weights: [Double], intercept: Double) {
        guard let scaler else { return (weights, intercept) }
        let model = try LinearModel.unscaling(weights: weights, bias: intercept, scaler: scaler)
        return (model.weights, model.bias)
    }
}
