/// One-hot encoding of class codes `0..<classCount`: code `k` becomes a row with a 1 in column
/// `k` and 0 elsewhere (the target matrix of softmax regression).
public struct OneHotEncoder: Sendable, Equatable {
    /// The number of classes, i.e. of output columns.
    public let classCount: Int

    /// An encoder for `classCount` classes (at least 1).
    public init(classCount: Int) throws {
        guard classCount >= 1 else {
            throw ModelError.invalidHyperparameter(name: "classCount", value: "\(classCount)", reason: "must be at least 1")
        }
        self.classCount = classCount
    }

    /// An encoder for the classes seen in `codes`: `classCount = max(codes) + 1`.
    /// - Throws: `ModelError.emptyInput` for no codes, `ModelError.shapeMismatch` for a negative code.
    public static func fit(_ codes: [Int]) throws -> OneHotEncoder {
        guard let largest = codes.max() else { throw ModelError.emptyInput("no class codes to fit the encoder on") }
        if let row = codes.firstIndex(where: { $0 < 0 }) {
            throw ModelError.shapeMismatch("class code \(codes[row]) at row \(row) is negative; codes must be 0, 1, 2, ...")
        }
        return try OneHotEncoder(classCount: largest + 1)
    }

    /// The `codes.count x classCount` indicator matrix.
    /// - Throws: `ModelError.shapeMismatch` for a code outside `0..<classCount`.
    public func transform(_ codes: [Int]) throws -> Matrix {
        var result = Matrix(rows: codes.count, columns: classCount)
        for (row, code) in codes.enumerated() {
            guard code >= 0, code < classCount else {
                throw ModelError.shapeMismatch("class code \(code) at row \(row) is outside the \(classCount) classes 0..<\(classCount)")
            }
            result.storage[row * classCount + code] = 1
        }
        return result
    }

    /// The class of each row: the column with the largest value (the first one on ties), so it
    /// also turns rows of class probabilities into predicted classes.
    /// - Throws: `ModelError.shapeMismatch` for a different number of columns, `ModelError.nonFinite` for NaN.
    public func inverseTransform(_ matrix: Matrix) throws -> [Int] {
        try PreprocessingInput.requireColumns(matrix, classCount, fittedBy: "OneHotEncoder")
        try PreprocessingInput.requireFinite(matrix)
        return (0..<matrix.rows).map { i in
            var best = 0
            for j in 1..<Swift.max(classCount, 1) where matrix[i, j] > matrix[i, best] { best = j }
            return best
        }
    }
}
