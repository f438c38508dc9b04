/// Splits CSV bytes into records and fields (RFC 4180 with the usual leniencies), without
/// building strings: each field is handed to the caller as a byte buffer.
///
/// - Line ends: LF, CRLF or a lone CR. A UTF-8 byte-order mark at the start is skipped.
/// - Empty lines (nothing between two line ends) are skipped anywhere, so trailing blank lines
///   and a missing final newline are both fine.
/// - Quoted fields may contain delimiters, line ends and quotes written as `""`; spaces and tabs
///   outside the quotes are ignored. Unquoted fields are trimmed of spaces and tabs.
/// - Malformed quoting is an error with the line and field where it happened.
struct CSVScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    let file: String?

    /// Calls `field(record, index, bytes, line)` for every field and `endOfRecord(record, count, line)`
    /// after each record. `record` 0 is the header. `line` is 1-based: for a field the line where it
    /// starts, for a record the line where the record starts.
    func scan(
        field: (_ record: Int, _ index: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ line: Int) throws -> Void,
        endOfRecord: (_ record: Int, _ fieldCount: Int, _ line: Int) throws -> Void
    ) throws {
        let quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        let n = bytes.count
        var i = 0
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        var line = 1
        var record = 0
        // Unescaped content of the current quoted field; reused, so no allocation per field.
        var scratch: [UInt8] = []
        scratch.reserveCapacity(256)

        @inline(__always) func isBlank(_ byte: UInt8) -> Bool {
            (byte == space || byte == tab) && byte != delimiter
        }

        while i < n {
            // An empty line is skipped.
            if bytes[i] == lineFeed { line += 1; i += 1; continue }
            if bytes[i] == carriageReturn {
                i += 1
                if i < n, bytes[i] == lineFeed { i += 1 }
                line += 1
                continue
            }
            let recordLine = line
            var fieldIndex = 0
            while true {
                let fieldLine = line
                var j = i
                while j < n, isBlank(bytes[j]) { j += 1 }
                if j < n, bytes[j] == quote {
                    scratch.removeAll(keepingCapacity: true)
                    j += 1
                    var closed = false
                    while j < n {
                        let byte = bytes[j]
                        if byte == quote {
                            if j + 1 < n, bytes[j + 1] == quote {
                                scratch.append(quote)
                                j += 2
                                continue
                            }
                            j += 1
                            closed = true
                            break
                        }
                        // A CRLF inside quotes counts as one line end (at its LF).
                        if byte == lineFeed || (byte == carriageReturn && !(j + 1 < n && bytes[j + 1] == lineFeed)) {
                            line += 1
                        }
                        scratch.append(byte)
                        j += 1
                    }
                    guard closed else {
                        throw CSVError(.unterminatedQuote, file: file, line: fieldLine, column: fieldIndex + 1)
                    }
                    while j < n, isBlank(bytes[j]) { j += 1 }
                    if j < n, bytes[j] != delimiter, bytes[j] != lineFeed, bytes[j] != carriageReturn {
                        throw CSVError(.textAfterClosingQuote, file: file, line: line, column: fieldIndex + 1)
                    }
                    try scratch.withUnsafeBufferPointer { try field(record, fieldIndex, $0, fieldLine) }
                } else {
                    let begin = j
                    while j < n {
                        let byte = bytes[j]
                        if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
                        if byte == quote {
                            throw CSVError(.quoteInUnquotedField, file: file, line: line, column: fieldIndex + 1)
                        }
                        j += 1
                    }
                    var end = j
                    while end > begin, isBlank(bytes[end - 1]) { end -= 1 }
                    try field(record, fieldIndex, UnsafeBufferPointer(rebasing: bytes[begin..<end]), fieldLine)
                }
                i = j
                fieldIndex += 1
                if i >= n { break }
                let terminator = bytes[i]
                i += 1
                if terminator == delimiter { continue }
                if terminator == carriageReturn, i < n, bytes[i] == lineFeed { i += 1 }
                line += 1
                break
            }
            try endOfRecord(record, fieldIndex, recordLine)
            record += 1
        }
    }
}
