/// Per-column summaries of a matrix (one value per feature), each computed in one pass over the rows.
extension Matrix {
    /// The mean of each column. An empty matrix gives NaN for every column.
    public func columnMeans() -> [Double] {
        var sums = [Double](repeating: 0, count: columns)
        accumulateRows { row, _ in
            sums.withUnsafeMutableBufferPointer { s in
                for j in 0..<columns { s[j] += row[j] }
            }
        }
        let count = Double(rows)
        return sums.map { $0 / count }
    }

    /// The population standard deviation of each column (dividing by `rows`, not `rows - 1`),
    /// which is what z-scoring uses. Computed from the mean in a second pass for accuracy.
    public func columnStandardDeviations() -> [Double] {
        let means = columnMeans()
        var squares = [Double](repeating: 0, count: columns)
        accumulateRows { row, _ in
            squares.withUnsafeMutableBufferPointer { s in
                means.withUnsafeBufferPointer { mean in
                    for j in 0..<columns {
                        let d = row[j] - mean[j]
                        s[j] += d * d
                    }
                }
            }
        }
        let count = Double(rows)
        return squares.map { ($0 / count).squareRoot() }
    }

    /// The smallest value of each column (`+infinity` for a matrix with no rows).
    public func columnMinimums() -> [Double] {
        var result = [Double](repeating: .infinity, count: columns)
        accumulateRows { row, _ in
            result.withUnsafeMutableBufferPointer { r in
                for j in 0..<columns where row[j] < r[j] { r[j] = row[j] }
            }
        }
        return result
    }

    /// The largest value of each column (`-infinity` for a matrix with no rows).
    public func columnMaximums() -> [Double] {
        var result = [Double](repeating: -.infinity, count: columns)
        accumulateRows { row, _ in
            result.withUnsafeMutableBufferPointer { r in
                for j in 0..<columns where row[j] > r[j] { r[j] = row[j] }
            }
        }
        return result
    }

    /// Calls `body` with a pointer to each row in turn, without copying.
    @inline(__always)
    func accumulateRows(_ body: (UnsafePointer<Double>, Int) -> Void) {
        storage.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in 0..<rows { body(base + i * columns, i) }
        }
    }
}
