import Foundation

/// Reads a CSV file with a header row into a `DataTable`.
///
/// The format it accepts (see `CSVScanner` for the details of quoting and line ends): one header
/// row of unique, non-empty names; then rows with exactly as many fields as the header; fields
/// separated by a delimiter (default `,`); quoted fields with `""` for a quote and delimiters or
/// line ends inside; LF, CRLF or CR line ends; an optional UTF-8 byte-order mark; empty lines skipped.
///
/// **Column types** are inferred: a column is numeric when every non-missing cell is a decimal
/// number (spaces around it are ignored), and text otherwise.
///
/// **Missing values** are an empty field and, by default, the markers `NA`, `N/A`, `NaN`, `nan`,
/// `NULL` and `null` (quoted or not). What happens to them is an explicit choice, `MissingValuePolicy`.
///
/// Reading is done on bytes in two passes: the first parses numbers while splitting, the second
/// (only when there are text columns) builds the strings. Anything it cannot read is a `CSVError`
/// naming the file, line and column.
public enum CSVReader {
    /// What to do with a missing value.
    public enum MissingValuePolicy: Sendable, Equatable {
        /// Stop with a `CSVError` naming the line and column of the first missing value (the default).
        case error
        /// Leave out every row that has a missing value in any column.
        case dropRows
        /// Keep missing cells in the table (`nan` or `nil`); the accessors refuse them, so drop rows
        /// for the columns you use with `DataTable.droppingRowsWithMissingValues(in:)`.
        case keep
    }

    /// How to read a file.
    public struct Options: Sendable {
        /// What to do with missing values.
        public var missingValues: MissingValuePolicy
        /// The field separator, one ASCII byte such as `,`, `;` or a tab.
        public private(set) var delimiter: UInt8
        /// Cell texts besides the empty field that mean "missing".
        public var missingMarkers: [String]

        /// Options with the defaults: `.error` for missing values, comma-separated, the usual markers.
        public init(missingValues: MissingValuePolicy = .error, delimiter: Character = ",",
                    missingMarkers: [String] = ["NA", "N/A", "NaN", "nan", "NULL", "null"]) {
            precondition(delimiter.isASCII && !"\"\r\n ".contains(delimiter),
                         "the delimiter must be one ASCII character other than a quote, a space or a line end")
            self.missingValues = missingValues
            self.delimiter = delimiter.asciiValue!
            self.missingMarkers = missingMarkers
        }
    }

    /// Reads the CSV file at `url`.
    public static func read(contentsOf url: URL, options: Options = Options()) throws -> DataTable {
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw CSVError(.unreadableFile(error.localizedDescription), file: name)
        }
        return try data.withUnsafeBytes { raw in
            try parse(bytes: raw.bindMemory(to: UInt8.self), file: name, options: options)
        }
    }

    /// Reads the CSV file at `path`.
    public static func read(path: String, options: Options = Options()) throws -> DataTable {
        try read(contentsOf: URL(fileURLWithPath: path), options: options)
    }

    /// Parses CSV text held in memory; `file` is used only in error messages.
    public static func parse(_ text: String, file: String? = nil, options: Options = Options()) throws -> DataTable {
        var copy = text
        return try copy.withUTF8 { try parse(bytes: $0, file: file, options: options) }
    }

    /// Parses CSV bytes (UTF-8) held in memory; `file` is used only in error messages.
    public static func parse(bytes: [UInt8], file: String? = nil, options: Options = Options()) throws -> DataTable {
        try bytes.withUnsafeBufferPointer { try parse(bytes: $0, file: file, options: options) }
    }

    /// Parses CSV bytes (UTF-8); `file` is used only in error messages.
    public static func parse(bytes: UnsafeBufferPointer<UInt8>, file: String?, options: Options) throws -> DataTable {
        var parser = TableBuilder(file: file, options: options)
        let scanner = CSVScanner(bytes: bytes, delimiter: options.delimiter, file: file)
        try scanner.scan(
            field: { record, index, cell, line in try parser.numericPass(record: record, index: index, cell: cell, line: line) },
            endOfRecord: { record, count, line in try parser.endOfRecord(record: record, fieldCount: count, line: line) })
        try parser.checkComplete()
        if parser.hasTextColumns {
            try scanner.scan(
                field: { record, index, cell, line in try parser.textPass(record: record, index: index, cell: cell, line: line) },
                endOfRecord: { _, _, _ in })
        }
        return try parser.table()
    }
}

/// The state of one read: the header, the numeric values parsed so far, and which columns turned
/// out to be text.
private struct TableBuilder {
    let file: String?
    let options: CSVReader.Options
    let markers: [[UInt8]]
    let longestMarker: Int
    var names: [String] = []
    var numbers: [[Double]] = []
    var isText: [Bool] = []
    var texts: [[String?]] = []
    var lines: [Int] = []
    var rowHasMissing: [Bool] = []
    var currentRowHasMissing = false
    var sawHeader = false

    init(file: String?, options: CSVReader.Options) {
        self.file = file
        self.options = options
        self.markers = options.missingMarkers.map { Array($0.utf8) }
        self.longestMarker = markers.map(\.count).max() ?? 0
    }

    var hasTextColumns: Bool { isText.contains(true) }

    @inline(__always)
    func isMissing(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        if cell.isEmpty { return true }
        // Markers are short words, so long cells (most numbers) skip the comparisons.
        if cell.count > longestMarker { return false }
        return markers.contains { $0.count == cell.count && $0.elementsEqual(cell) }
    }

    mutating func numericPass(record: Int, index: Int, cell: UnsafeBufferPointer<UInt8>, line: Int) throws {
        if record == 0 {
            guard let name = String(validating: cell, as: UTF8.self) else {
                throw CSVError(.invalidUTF8, file: file, line: line, column: index + 1)
            }
            names.append(name)
            return
        }
        guard index < names.count else { return }  // a ragged row; reported at its end
        // Unquoted cells are trimmed by the scanner; quoted numbers like " 4" are trimmed here.
        let cell = DecimalParser.trimmingBlanks(cell)
        if isMissing(cell) {
            if options.missingValues == .error {
                throw CSVError(.missingValue(column: names[index]), file: file, line: line, column: index + 1)
            }
            currentRowHasMissing = true
            numbers[index].append(.nan)
        } else if let value = DecimalParser.parse(cell) {
            numbers[index].append(value)
        } else {
            isText[index] = true
            numbers[index].append(.nan)
        }
    }

    mutating func endOfRecord(record: Int, fieldCount: Int, line: Int) throws {
        if record == 0 {
            try validateHeader()
            sawHeader = true
            return
        }
        guard fieldCount == names.count else {
            let column = fieldCount < names.count ? fieldCount + 1 : names.count + 1
            throw CSVError(.raggedRow(expected: names.count, found: fieldCount), file: file, line: line, column: column)
        }
        lines.append(line)
        rowHasMissing.append(currentRowHasMissing)
        currentRowHasMissing = false
    }

    mutating func validateHeader() throws {
        var firstUse: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if name.isEmpty { throw CSVError(.emptyColumnName, file: file, line: 1, column: index + 1) }
            if let first = firstUse[name] {
                throw CSVError(.duplicateColumnName(name, firstColumn: first + 1), file: file, line: 1, column: index + 1)
            }
            firstUse[name] = index
        }
        numbers = Array(repeating: [], count: names.count)
        isText = Array(repeating: false, count: names.count)
        texts = Array(repeating: [], count: names.count)
    }

    func checkComplete() throws {
        guard sawHeader else { throw CSVError(.emptyFile, file: file) }
        guard !lines.isEmpty else { throw CSVError(.noDataRows, file: file, line: 2) }
    }

    mutating func textPass(record: Int, index: Int, cell: UnsafeBufferPointer<UInt8>, line: Int) throws {
        guard record > 0, index < isText.count, isText[index] else { return }
        if isMissing(DecimalParser.trimmingBlanks(cell)) {
            texts[index].append(nil)
            return
        }
        guard let text = String(validating: cell, as: UTF8.self) else {
            throw CSVError(.invalidUTF8, file: file, line: line, column: index + 1)
        }
        texts[index].append(text)
    }

    func table() throws -> DataTable {
        var columns: [DataTable.Column] = (0..<names.count).map { isText[$0] ? .text(texts[$0]) : .numeric(numbers[$0]) }
        var sourceLines = lines
        if options.missingValues == .dropRows, rowHasMissing.contains(true) {
            let kept = rowHasMissing.indices.filter { !rowHasMissing[$0] }
            guard !kept.isEmpty else { throw CSVError(.noCompleteRows, file: file) }
            columns = columns.map { $0.selecting(kept) }
            sourceLines = kept.map { lines[$0] }
        }
        return DataTable(file: file, columnNames: names, columns: columns, sourceLines: sourceLines)
    }
}
