extension LinearModel {
    /// The linear model on original features that equals a model trained on scaled features.
    ///
    /// A model trained on `z_j = (x_j - offset_j) / scale_j` scores `w . z + b`, which is
    /// `sum_j (w_j / scale_j) x_j + (b - sum_j w_j offset_j / scale_j)` on the original features. Its
    /// coefficients can then be compared with a model fitted on raw data (comparing scaled and raw
    /// coefficients directly is a classic mistake). Works for any linear score, including the
    /// log-odds of a binary logistic regression.
    ///
    /// - Throws: `ModelError.shapeMismatch` if the scaler was fitted on a different number of columns.
    public static func unscaling(weights: [Double], bias: Double, scaler: some FeatureScaler) throws -> LinearModel {
        guard scaler.columnCount == weights.count else {
            throw ModelError.shapeMismatch(
                "the scaler was fitted on \(scaler.columnCount) columns but the model has \(weights.count) weights")
        }
        var rawWeights = weights
        var rawBias = bias
        // excerpt: unscale-coefficients
        for j in weights.indices {
            rawWeights[j] = weights[j] / scaler.scales[j]
            rawBias -= rawWeights[j] * scaler.offsets[j]
        }
        // end excerpt
        return LinearModel(weights: rawWeights, bias: rawBias)
    }
}
