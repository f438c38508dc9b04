/// Products, transposes and shape helpers for `Matrix`.
///
/// Shapes that do not agree are programmer mistakes here (estimators validate user input and
/// throw `ModelError.shapeMismatch` before calling these), so they are checked with `precondition`.
/// The loops run over unsafe buffer pointers in an order that walks memory contiguously, and
/// allocate only the result.
extension Matrix {
    /// The `n x n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n { result.storage[i * n + i] = 1 }
        return result
    }

    /// A column vector (`count x 1` matrix) holding `values`.
    public init(column values: [Double]) {
        self.init(rows: values.count, columns: 1, storage: values)
    }

    /// The transpose: element `(i, j)` of the result is element `(j, i)` of `self`.
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        let (m, n) = (rows, columns)
        storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { target in
                // Tiles keep both the reads and the writes within a few cache lines.
                let tile = 32
                for rowStart in stride(from: 0, to: m, by: tile) {
                    let rowEnd = Swift.min(rowStart + tile, m)
                    for columnStart in stride(from: 0, to: n, by: tile) {
                        let columnEnd = Swift.min(columnStart + tile, n)
                        for i in rowStart..<rowEnd {
                            for j in columnStart..<columnEnd {
                                target[j * m + i] = source[i * n + j]
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// The matrix product `self * other`; `self.columns` must equal `other.rows`.
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows,
                     "cannot multiply \(rows)x\(columns) by \(other.rows)x\(other.columns)")
        var result = Matrix(rows: rows, columns: other.columns)
        let (m, inner, n) = (rows, columns, other.columns)
        storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                result.storage.withUnsafeMutableBufferPointer { c in
                    // i-k-j order: the innermost loop runs along a row of B and a row of C.
                    for i in 0..<m {
                        let cRow = c.baseAddress! + i * n
                        for k in 0..<inner {
                            let aik = a[i * inner + k]
                            let bRow = b.baseAddress! + k * n
                            for j in 0..<n { cRow[j] += aik * bRow[j] }
                        }
                    }
                }
            }
        }
        return result
    }

    /// The matrix product `lhs * rhs`.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs.multiplied(by: rhs)
    }

    /// `self^T * other` without forming the transpose; both must have the same number of rows.
    public func transposeMultiplied(by other: Matrix) -> Matrix {
        precondition(rows == other.rows,
                     "cannot form A^T B for A \(rows)x\(columns) and B \(other.rows)x\(other.columns)")
        var result = Matrix(rows: columns, columns: other.columns)
        let (m, p, q) = (rows, columns, other.columns)
        storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                result.storage.withUnsafeMutableBufferPointer { c in
                    // Sum of outer products of matching rows: reads A and B once, row by row.
                    for r in 0..<m {
                        let aRow = a.baseAddress! + r * p
                        let bRow = b.baseAddress! + r * q
                        for i in 0..<p {
                            let ari = aRow[i]
                            let cRow = c.baseAddress! + i * q
                            for j in 0..<q { cRow[j] += ari * bRow[j] }
                        }
                    }
                }
            }
        }
        return result
    }

    /// The matrix-vector product `self * vector`; `vector.count` must equal `columns`.
    public func multiplied(byVector vector: [Double]) -> [Double] {
        precondition(vector.count == columns,
                     "cannot multiply \(rows)x\(columns) by a vector of length \(vector.count)")
        var result = [Double](repeating: 0, count: rows)
        let n = columns
        storage.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { v in
                result.withUnsafeMutableBufferPointer { out in
                    for i in 0..<rows {
                        let row = a.baseAddress! + i * n
                        var sum = 0.0
                        for j in 0..<n { sum += row[j] * v[j] }
                        out[i] = sum
                    }
                }
            }
        }
        return result
    }

    /// The product `self^T * vector` without forming the transpose; `vector.count` must equal `rows`.
    ///
    /// This is the shape of every gradient `X^T (predictions - y)`.
    public func transposeMultiplied(byVector vector: [Double]) -> [Double] {
        precondition(vector.count == rows,
                     "cannot multiply the transpose of \(rows)x\(columns) by a vector of length \(vector.count)")
        var result = [Double](repeating: 0, count: columns)
        let n = columns
        storage.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { v in
                result.withUnsafeMutableBufferPointer { out in
                    let outBase = out.baseAddress!
                    for i in 0..<rows {
                        let row = a.baseAddress! + i * n
                        let vi = v[i]
                        for j in 0..<n { outBase[j] += vi * row[j] }
                    }
                }
            }
        }
        return result
    }

    /// The Gram matrix `self^T * self` (`columns x columns`, symmetric), as used by the normal equation.
    ///
    /// Only the upper triangle is accumulated (half the work), row by row so the data is read once,
    /// then mirrored.
    public func gram() -> Matrix {
        let p = columns
        var result = Matrix(rows: p, columns: p)
        storage.withUnsafeBufferPointer { a in
            result.storage.withUnsafeMutableBufferPointer { g in
                let gBase = g.baseAddress!
                for r in 0..<rows {
                    let row = a.baseAddress! + r * p
                    for i in 0..<p {
                        let xi = row[i]
                        let gRow = gBase + i * p
                        for j in i..<p { gRow[j] += xi * row[j] }
                    }
                }
                for i in 0..<p {
                    for j in 0..<i { gBase[i * p + j] = gBase[j * p + i] }
                }
            }
        }
        return result
    }

    /// A copy with `value` added to every diagonal element (e.g. the ridge penalty `lambda * I`).
    public func addingToDiagonal(_ value: Double) -> Matrix {
        var result = self
        result.addToDiagonal(value)
        return result
    }

    /// Adds `value` to every diagonal element in place.
    public mutating func addToDiagonal(_ value: Double) {
        let n = Swift.min(rows, columns)
        for i in 0..<n { storage[i * columns + i] += value }
    }

    /// A copy with a leading column of ones, the usual way to fold an intercept into the weights.
    public func prependingOnesColumn() -> Matrix {
        let n = columns
        var result = Matrix(rows: rows, columns: n + 1, repeating: 1)
        storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { target in
                for i in 0..<rows {
                    let from = source.baseAddress! + i * n
                    let to = target.baseAddress! + i * (n + 1) + 1
                    to.update(from: from, count: n)
                }
            }
        }
        return result
    }

    /// The rows at `indices` (in that order, repeats allowed) as a new matrix.
    public func selectingRows<Indices: Collection>(_ indices: Indices) -> Matrix where Indices.Element == Int {
        let n = columns
        var result = Matrix(rows: indices.count, columns: n)
        storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { target in
                for (k, i) in indices.enumerated() {
                    precondition(i >= 0 && i < rows, "row index \(i) out of range 0..<\(rows)")
                    (target.baseAddress! + k * n).update(from: source.baseAddress! + i * n, count: n)
                }
            }
        }
        return result
    }

    /// The columns at `indices` (in that order) as a new matrix.
    public func selectingColumns(_ indices: [Int]) -> Matrix {
        for j in indices { precondition(j >= 0 && j < columns, "column index \(j) out of range 0..<\(columns)") }
        let (n, k) = (columns, indices.count)
        var result = Matrix(rows: rows, columns: k)
        storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { target in
                for i in 0..<rows {
                    for (c, j) in indices.enumerated() { target[i * k + c] = source[i * n + j] }
                }
            }
        }
        return result
    }

    /// The position `(row, column)` of the first NaN or infinite element, or `nil` if all are finite.
    public func firstNonFinite() -> (row: Int, column: Int)? {
        guard columns > 0 else { return nil }
        let index = storage.withUnsafeBufferPointer { buffer in buffer.firstIndex { !$0.isFinite } }
        return index.map { ($0 / columns, $0 % columns) }
    }
}
