/// A dense matrix of `Double`s stored row-major in one contiguous array.
///
/// Element `(i, j)` lives at `storage[i * columns + j]`, so a row is a contiguous slice and the hot
/// loops of the models can walk it with an unsafe buffer pointer and no per-row allocation.
public struct Matrix: Sendable, Equatable {
    /// Number of rows (examples, for a design matrix).
    public let rows: Int
    /// Number of columns (features, for a design matrix).
    public let columns: Int
    /// The elements, row after row.
    public var storage: [Double]

    /// A `rows x columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix over existing row-major storage; `storage.count` must equal `rows * columns`.
    public init(rows: Int, columns: Int, storage: [Double]) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        precondition(storage.count == rows * columns, "storage has \(storage.count) elements, expected \(rows * columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// A matrix from an array of equally long rows.
    public init(_ rowArrays: [[Double]]) {
        let columns = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columns }, "all rows must have the same length")
        self.init(rows: rowArrays.count, columns: columns, storage: rowArrays.flatMap { $0 })
    }

    /// The element in row `row`, column `column`.
    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    /// Row `i` as a new array.
    public func row(_ i: Int) -> [Double] {
        Array(storage[(i * columns)..<((i + 1) * columns)])
    }

    /// Column `j` as a new array.
    public func column(_ j: Int) -> [Double] {
        (0..<rows).map { storage[$0 * columns + j] }
    }
}
