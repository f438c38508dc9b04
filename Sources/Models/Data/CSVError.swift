/// Something a CSV file (or a table read from one) cannot give, with where it happened.
///
/// `line` is the 1-based physical line in the file (the header is line 1; a record that spans
/// lines through a quoted newline is reported at the line where it starts); `column` is the 1-based
/// field number, counted as a spreadsheet would. Both are `nil` when the problem has no position.
public struct CSVError: Error, Equatable, Sendable {
    /// What went wrong.
    public enum Problem: Equatable, Sendable {
        /// The file could not be opened or read (the reason comes from the system).
        case unreadableFile(String)
        /// The file has no header row (it is empty or holds only blank lines).
        case emptyFile
        /// The file has a header but no data rows.
        case noDataRows
        /// A header name is empty.
        case emptyColumnName
        /// A header name appears twice; `firstColumn` is the 1-based position of its first use.
        case duplicateColumnName(String, firstColumn: Int)
        /// A row has a different number of fields from the header.
        case raggedRow(expected: Int, found: Int)
        /// A quoted field is never closed before the end of the file.
        case unterminatedQuote
        /// Something other than a delimiter or line end follows a closing quote, e.g. `"ab"c`.
        case textAfterClosingQuote
        /// A quote appears inside a field that did not start with one, e.g. `ab"c`.
        case quoteInUnquotedField
        /// The bytes of a text field are not valid UTF-8.
        case invalidUTF8
        /// A missing value where the policy (or the accessor) needs a value.
        case missingValue(column: String)
        /// A cell of a column asked for as numbers is not a finite decimal number.
        case notNumeric(column: String, text: String)
        /// A column name that the table does not have.
        case unknownColumn(String, available: [String])
        /// Every row has a missing value, so dropping them leaves nothing.
        case noCompleteRows
    }

    /// What went wrong.
    public let problem: Problem
    /// The file name (last path component) when the data came from a file.
    public let file: String?
    /// The 1-based line, when the problem has one.
    public let line: Int?
    /// The 1-based field number, when the problem has one.
    public let column: Int?

    /// An error with an optional position.
    public init(_ problem: Problem, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.problem = problem
        self.file = file
        self.line = line
        self.column = column
    }
}

extension CSVError: CustomStringConvertible {
    /// For example `cars.csv, line 12, column 5: missing value in column "Horsepower"`.
    public var description: String {
        var place: [String] = []
        if let file { place.append(file) }
        if let line { place.append("line \(line)") }
        if let column { place.append("column \(column)") }
        let prefix = place.isEmpty ? "" : place.joined(separator: ", ") + ": "
        return prefix + explanation
    }

    private var explanation: String {
        switch problem {
        case .unreadableFile(let reason): return "cannot read the file (\(reason))"
        case .emptyFile: return "the file is empty; a CSV file needs a header row naming its columns"
        case .noDataRows: return "the file has a header row but no data rows"
        case .emptyColumnName: return "a column in the header row has an empty name"
        case .duplicateColumnName(let name, let first):
            return "the column name \"\(name)\" is used twice (first in column \(first)); names must be unique"
        case .raggedRow(let expected, let found):
            return "expected \(expected) fields as in the header row, but this row has \(found)"
        case .unterminatedQuote:
            return "a quoted field is never closed: a \" is missing before the end of the file"
        case .textAfterClosingQuote:
            return "text follows a closing quote; inside a quoted field write a quote as \"\""
        case .quoteInUnquotedField:
            return "a quote inside a field that does not start with one; enclose the field in quotes and write the quote as \"\""
        case .invalidUTF8: return "the text is not valid UTF-8"
        case .missingValue(let column): return "missing value in column \"\(column)\""
        case .notNumeric(let column, let text):
            return "column \"\(column)\" should hold numbers, but this cell holds \"\(text)\""
        case .unknownColumn(let name, let available):
            return "there is no column \"\(name)\"; the columns are " + available.map { "\"\($0)\"" }.joined(separator: ", ")
        case .noCompleteRows: return "every row has a missing value, so no rows are left after dropping them"
        }
    }
}
