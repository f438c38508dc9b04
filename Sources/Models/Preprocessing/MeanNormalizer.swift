/// Mean normalisation: each column becomes `(x - mean) / (max - min)`, centred on 0 with a span
/// of 1 on the training data (as in Andrew Ng's course).
///
/// A constant column (max = min) gets span 1 instead of dividing by zero (it becomes all zeros),
/// and its index is listed in `constantColumns`.
public struct MeanNormalizer: FeatureScaler, Equatable {
    /// The mean of each training column.
    public let means: [Double]
    /// `max - min` of each training column (0 for a constant column).
    public let spans: [Double]
    /// The divisor used for each column: the span, or 1 for a constant column.
    public let scales: [Double]
    /// The 0-based indices of the columns that were constant in the training data.
    public let constantColumns: [Int]

    /// The value subtracted from each column (the means).
    public var offsets: [Double] { means }

    /// Learns the mean, minimum and maximum of each column of `x`.
    /// - Throws: `ModelError.emptyInput` or `ModelError.nonFinite`.
    public static func fit(_ x: Matrix) throws -> MeanNormalizer {
        try PreprocessingInput.requireNonEmpty(x, "MeanNormalizer.fit")
        try PreprocessingInput.requireFinite(x)
        let spans = zip(x.columnMaximums(), x.columnMinimums()).map { $0 - $1 }
        let constant = spans.indices.filter { spans[$0] == 0 }
        var scales = spans
        for j in constant { scales[j] = 1 }
        return MeanNormalizer(means: x.columnMeans(), spans: spans, scales: scales, constantColumns: constant)
    }
}
