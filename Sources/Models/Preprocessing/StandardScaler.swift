/// Z-score scaling: each column becomes `(x - mean) / std`, with the **population** standard
/// deviation (divide by `n`, as scikit-learn's `StandardScaler` does).
///
/// A constant column has standard deviation 0; dividing by it would give NaN, so its scale is set
/// to 1 (the column becomes all zeros) and its index is listed in `constantColumns` so the caller
/// can warn or drop it.
public struct StandardScaler: FeatureScaler, Equatable {
    /// The mean of each training column.
    public let means: [Double]
    /// The population standard deviation of each training column (0 for a constant column).
    public let standardDeviations: [Double]
    /// The divisor used for each column: the standard deviation, or 1 for a constant column.
    public let scales: [Double]
    /// The 0-based indices of the columns that were constant in the training data.
    public let constantColumns: [Int]

    /// The value subtracted from each column (the means).
    public var offsets: [Double] { means }

    /// Learns the means and standard deviations of the columns of `x`.
    /// - Throws: `ModelError.emptyInput` for no rows or columns, `ModelError.nonFinite` for NaN or infinity.
    public static func fit(_ x: Matrix) throws -> StandardScaler {
        try PreprocessingInput.requireNonEmpty(x, "StandardScaler.fit")
        try PreprocessingInput.requireFinite(x)
        // excerpt: standard-scaler
        let means = x.columnMeans()
        let deviations = x.columnStandardDeviations()
        // A spread at rounding level relative to the mean is a constant column that rounding disturbed.
        let constant = deviations.indices.filter { deviations[$0] <= 10 * Double.ulpOfOne * Swift.abs(means[$0]) }
        var scales = deviations
        for j in constant { scales[j] = 1 }
        // end excerpt
        return StandardScaler(means: means, standardDeviations: deviations, scales: scales, constantColumns: constant)
    }
}
