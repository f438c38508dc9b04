/// Min-max scaling: each column is mapped linearly so the training minimum goes to
/// `range.lowerBound` and the training maximum to `range.upperBound` (by default 0 and 1).
/// New data outside the training range lands outside the target range, unchanged in shape.
///
/// A constant column (max = min) would divide by zero; its span is taken as 1 instead, so it maps
/// to `range.lowerBound`, and its index is listed in `constantColumns`.
public struct MinMaxScaler: FeatureScaler, Equatable {
    /// The minimum of each training column.
    public let minimums: [Double]
    /// The maximum of each training column.
    public let maximums: [Double]
    /// The target range.
    public let range: ClosedRange<Double>
    /// The 0-based indices of the columns that were constant in the training data.
    public let constantColumns: [Int]
    /// The value subtracted from each column before dividing by `scales`.
    public let offsets: [Double]
    /// The divisor of each column: `(max - min) / range width` (span 1 for a constant column).
    public let scales: [Double]

    /// Learns the minimum and maximum of each column of `x`.
    /// - Throws: `ModelError.emptyInput`, `ModelError.nonFinite`, or
    ///   `ModelError.invalidHyperparameter` for an empty or non-finite `range`.
    public static func fit(_ x: Matrix, range: ClosedRange<Double> = 0...1) throws -> MinMaxScaler {
        guard range.lowerBound < range.upperBound, range.lowerBound.isFinite, range.upperBound.isFinite else {
            throw ModelError.invalidHyperparameter(name: "range", value: "\(range)", reason: "must be a finite range with lower < upper")
        }
        try PreprocessingInput.requireNonEmpty(x, "MinMaxScaler.fit")
        try PreprocessingInput.requireFinite(x)
        let minimums = x.columnMinimums(), maximums = x.columnMaximums()
        let width = range.upperBound - range.lowerBound
        var constant: [Int] = []
        var offsets: [Double] = [], scales: [Double] = []
        for j in 0..<x.columns {
            var span = maximums[j] - minimums[j]
            if span == 0 {
                span = 1
                constant.append(j)
            }
            // z = lower + (x - min) / span * width  =  (x - offset) / scale
            let scale = span / width
            scales.append(scale)
            offsets.append(minimums[j] - range.lowerBound * scale)
        }
        return MinMaxScaler(minimums: minimums, maximums: maximums, range: range, constantColumns: constant,
                            offsets: offsets, scales: scales)
    }
}
