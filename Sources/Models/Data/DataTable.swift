/// A table of named columns, as read from a CSV file: numeric columns hold `Double`s, the others
/// hold text. Missing cells are kept as `nan` (numeric) or `nil` (text) and are refused by the
/// accessors, so a missing value is never used by accident: drop the rows first
/// (`droppingRowsWithMissingValues(in:)`) or read the file with `.dropRows`.
///
/// Every accessor that can fail throws a `CSVError` naming the file, the line and the column.
public struct DataTable: Sendable, Equatable {
    /// The values of one column.
    public enum Column: Sendable, Equatable {
        /// Numbers; `nan` marks a missing cell.
        case numeric([Double])
        /// Text; `nil` marks a missing cell.
        case text([String?])

        /// The number of cells.
        public var count: Int {
            switch self {
            case .numeric(let values): return values.count
            case .text(let values): return values.count
            }
        }

        /// Whether cell `row` is missing.
        public func isMissing(_ row: Int) -> Bool {
            switch self {
            case .numeric(let values): return values[row].isNaN
            case .text(let values): return values[row] == nil
            }
        }

        func selecting(_ rows: [Int]) -> Column {
            switch self {
            case .numeric(let values): return .numeric(rows.map { values[$0] })
            case .text(let values): return .text(rows.map { values[$0] })
            }
        }
    }

    /// The file name the table was read from, used in error messages (`nil` if built in code).
    public let file: String?
    /// The column names, in file order.
    public let columnNames: [String]
    /// The columns, in file order.
    public let columns: [Column]
    /// For each row, the 1-based line of the file where it starts (for error messages).
    public let sourceLines: [Int]

    /// The number of data rows.
    public var rowCount: Int { sourceLines.count }
    /// The number of columns.
    public var columnCount: Int { columnNames.count }

    /// A table built in code. Every column must have the same length and names must be unique and
    /// non-empty. Rows are reported as lines `2, 3, ...`, as if written to a file under a header.
    public init(file: String? = nil, columns: [(name: String, values: Column)]) throws {
        var seen: [String: Int] = [:]
        for (index, column) in columns.enumerated() {
            if column.name.isEmpty { throw CSVError(.emptyColumnName, file: file, line: 1, column: index + 1) }
            if let first = seen[column.name] {
                throw CSVError(.duplicateColumnName(column.name, firstColumn: first + 1), file: file, line: 1, column: index + 1)
            }
            seen[column.name] = index
        }
        let rowCount = columns.first?.values.count ?? 0
        for (index, column) in columns.enumerated() where column.values.count != rowCount {
            throw CSVError(.raggedRow(expected: rowCount, found: column.values.count), file: file, column: index + 1)
        }
        self.init(file: file, columnNames: columns.map(\.name), columns: columns.map(\.values),
                  sourceLines: (0..<rowCount).map { $0 + 2 })
    }

    /// Internal initialiser for already validated parts.
    init(file: String?, columnNames: [String], columns: [Column], sourceLines: [Int]) {
        self.file = file
        self.columnNames = columnNames
        self.columns = columns
        self.sourceLines = sourceLines
    }

    /// The 0-based position of the column called `name`.
    public func index(of name: String) throws -> Int {
        guard let index = columnNames.firstIndex(of: name) else {
            throw CSVError(.unknownColumn(name, available: columnNames), file: file)
        }
        return index
    }

    /// The column called `name`, with missing cells as they are.
    public func column(_ name: String) throws -> Column {
        columns[try index(of: name)]
    }

    /// Whether the column called `name` holds numbers.
    public func isNumeric(_ name: String) throws -> Bool {
        if case .numeric = try column(name) { return true }
        return false
    }

    /// The names of the numeric columns, in file order.
    public var numericColumnNames: [String] {
        zip(columnNames, columns).compactMap { name, column in
            if case .numeric = column { return name }
            return nil
        }
    }

    /// How many cells of column `name` are missing.
    public func missingCount(_ name: String) throws -> Int {
        let column = try column(name)
        return (0..<rowCount).reduce(0) { $0 + (column.isMissing($1) ? 1 : 0) }
    }

    /// The numbers of column `name`.
    ///
    /// A text column is accepted if every cell is a decimal number.
    /// - Throws: `CSVError` for an unknown column, a missing cell or a cell that is not a number,
    ///   naming its line and column.
    public func numeric(_ name: String) throws -> [Double] {
        let columnIndex = try index(of: name)
        switch columns[columnIndex] {
        case .numeric(let values):
            if let row = values.firstIndex(where: { $0.isNaN }) {
                throw CSVError(.missingValue(column: name), file: file, line: sourceLines[row], column: columnIndex + 1)
            }
            return values
        case .text(let values):
            return try values.enumerated().map { row, text in
                guard let text else {
                    throw CSVError(.missingValue(column: name), file: file, line: sourceLines[row], column: columnIndex + 1)
                }
                guard let value = DecimalParser.parse(text) else {
                    throw CSVError(.notNumeric(column: name, text: text), file: file,
                                   line: sourceLines[row], column: columnIndex + 1)
                }
                return value
            }
        }
    }

    /// The cells of column `name` as text (numbers are written as in Swift, e.g. `5.1`, `2.0`).
    /// - Throws: `CSVError` for an unknown column or a missing cell.
    public func text(_ name: String) throws -> [String] {
        let columnIndex = try index(of: name)
        switch columns[columnIndex] {
        case .numeric(let values):
            return try values.enumerated().map { row, value in
                if value.isNaN {
                    throw CSVError(.missingValue(column: name), file: file, line: sourceLines[row], column: columnIndex + 1)
                }
                return "\(value)"
            }
        case .text(let values):
            return try values.enumerated().map { row, text in
                guard let text else {
                    throw CSVError(.missingValue(column: name), file: file, line: sourceLines[row], column: columnIndex + 1)
                }
                return text
            }
        }
    }

    /// The named numeric columns side by side as a `rowCount x names.count` matrix (a design matrix).
    /// - Throws: `CSVError` as `numeric(_:)` does.
    public func matrix(columns names: [String]) throws -> Matrix {
        let columnValues = try names.map { try numeric($0) }
        let width = names.count
        var result = Matrix(rows: rowCount, columns: width)
        // Rows outer, columns inner: the writes are sequential and each column is read as a stream.
        let rowCount = rowCount
        let blockSize = 256
        result.storage.withUnsafeMutableBufferPointer { target in
            for blockStart in stride(from: 0, to: rowCount, by: blockSize) {
                let blockEnd = Swift.min(blockStart + blockSize, rowCount)
                for (j, values) in columnValues.enumerated() {
                    values.withUnsafeBufferPointer { source in
                        for i in blockStart..<blockEnd { target[i * width + j] = source[i] }
                    }
                }
            }
        }
        return result
    }

    /// Class labels of column `name` as codes `0..<classes.count` and the class names.
    ///
    /// Classes are sorted (numerically for a numeric column, so `"2"` comes before `"10"`; by text
    /// otherwise), so the same data always gives the same codes.
    /// - Throws: `CSVError` for an unknown column or a missing cell.
    public func labels(_ name: String) throws -> (codes: [Int], classes: [String]) {
        let columnIndex = try index(of: name)
        switch columns[columnIndex] {
        case .numeric:
            let values = try numeric(name)
            let distinct = Array(Set(values)).sorted()
            let codeOf = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            return (values.map { codeOf[$0]! }, distinct.map(Self.classLabel))
        case .text:
            let values = try text(name)
            let distinct = Array(Set(values)).sorted()
            let codeOf = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            return (values.map { codeOf[$0]! }, distinct)
        }
    }

    /// `2` for a whole number, `2.5` otherwise.
    static func classLabel(_ value: Double) -> String {
        if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// The rows at `indices`, in that order.
    public func selectingRows(_ indices: [Int]) -> DataTable {
        DataTable(file: file, columnNames: columnNames, columns: columns.map { $0.selecting(indices) },
                  sourceLines: indices.map { sourceLines[$0] })
    }

    /// Only the named columns, in the given order.
    public func selectingColumns(_ names: [String]) throws -> DataTable {
        let indices = try names.map { try index(of: $0) }
        return DataTable(file: file, columnNames: names, columns: indices.map { columns[$0] }, sourceLines: sourceLines)
    }

    /// The rows that have a value in every one of the named columns (all columns when `names` is nil).
    /// - Throws: `CSVError` for an unknown column name.
    public func droppingRowsWithMissingValues(in names: [String]? = nil) throws -> DataTable {
        let checked = try (names ?? columnNames).map { columns[try index(of: $0)] }
        let kept = (0..<rowCount).filter { row in !checked.contains { $0.isMissing(row) } }
        return selectingRows(kept)
    }
}
