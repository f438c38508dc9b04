/// A fitted per-column rescaling, `z = (x - offset) / scale`, learned from training data and
/// applied unchanged to any later data (test rows, new predictions).
///
/// The conforming types (`StandardScaler`, `MinMaxScaler`, `MeanNormalizer`) are created only by
/// their static `fit`, so an unfitted scaler cannot be used.
public protocol FeatureScaler: Sendable {
    /// The value subtracted from each column.
    var offsets: [Double] { get }
    /// The value each column is divided by after subtracting the offset (never 0).
    var scales: [Double] { get }
}

extension FeatureScaler {
    /// The number of columns the scaler was fitted on.
    public var columnCount: Int { offsets.count }

    /// Rescales every column: `(x - offset) / scale`.
    /// - Throws: `ModelError.shapeMismatch` for a different number of columns,
    ///   `ModelError.nonFinite` for NaN or infinity.
    public func transform(_ x: Matrix) throws -> Matrix {
        try PreprocessingInput.requireColumns(x, columnCount, fittedBy: "\(Self.self)")
        try PreprocessingInput.requireFinite(x)
        return applyAffine(x, inverse: false)
    }

    /// Undoes `transform`: `z * scale + offset`, e.g. to show scaled weights or predictions in
    /// original units.
    /// - Throws: as `transform(_:)`.
    public func inverseTransform(_ z: Matrix) throws -> Matrix {
        try PreprocessingInput.requireColumns(z, columnCount, fittedBy: "\(Self.self)")
        try PreprocessingInput.requireFinite(z)
        return applyAffine(z, inverse: true)
    }

    private func applyAffine(_ x: Matrix, inverse: Bool) -> Matrix {
        var result = x
        let n = x.columns
        result.storage.withUnsafeMutableBufferPointer { values in
            offsets.withUnsafeBufferPointer { offset in
                scales.withUnsafeBufferPointer { scale in
                    for i in 0..<x.rows {
                        let row = values.baseAddress! + i * n
                        // excerpt: scaler-transform
                        if inverse {
                            for j in 0..<n { row[j] = row[j] * scale[j] + offset[j] }
                        } else {
                            for j in 0..<n { row[j] = (row[j] - offset[j]) / scale[j] }
                        }
                        // end excerpt
                    }
                }
            }
        }
        return result
    }
}
