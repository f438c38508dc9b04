import Foundation
import Testing
@testable import Models

@Suite struct CSVReaderTests {
    @Test func readsNumericAndTextColumns() throws {
        let table = try CSVReader.parse("size,name,price\n1.5,a,10\n2,b,-3e2\n", file: "t.csv")
        #expect(table.columnNames == ["size", "name", "price"])
        #expect(table.rowCount == 2)
        #expect(try table.numeric("size") == [1.5, 2])
        #expect(try table.numeric("price") == [10, -300])
        #expect(try table.text("name") == ["a", "b"])
        #expect(try table.isNumeric("name") == false)
        #expect(table.numericColumnNames == ["size", "price"])
        #expect(try table.matrix(columns: ["price", "size"]) == Matrix([[10, 1.5], [-300, 2]]))
        #expect(table.sourceLines == [2, 3])
    }

    @Test func quotedFieldsWithEscapesDelimitersAndNewlines() throws {
        let csv = "id,comment\n1,\"say \"\"hi\"\", then go\"\n2,\"two\nlines, here\"\n3,plain\n"
        let table = try CSVReader.parse(csv)
        #expect(try table.text("comment") == ["say \"hi\", then go", "two\nlines, here", "plain"])
        // Row 3 starts on line 5 because row 2 spans lines 3-4.
        #expect(table.sourceLines == [2, 3, 5])
    }

    @Test(arguments: [
        "a,b\n1,2\n3,4\n",            // LF with a final newline
        "a,b\n1,2\n3,4",              // no final newline
        "a,b\r\n1,2\r\n3,4\r\n",      // CRLF
        "a,b\r1,2\r3,4",              // old Mac CR
        "\u{FEFF}a,b\n1,2\n3,4\n",    // UTF-8 byte-order mark
        "a,b\n1,2\n3,4\n\n\n",        // blank trailing lines
        "a,b\r\n1,2\r\n3,4\r\n\r\n",  // blank trailing CRLF lines
        " a , b \n 1 ,2\t\n3, 4 \n",  // whitespace around names and numbers
        "\"a\",\"b\"\n\"1\",2\n3,\" 4\"\n", // quoted numbers
        "a,b\n\n1,2\n\n3,4\n",        // blank lines in between are skipped
    ])
    func layoutVariantsGiveTheSameTable(csv: String) throws {
        let table = try CSVReader.parse(csv)
        #expect(table.columnNames == ["a", "b"])
        #expect(try table.matrix(columns: ["a", "b"]) == Matrix([[1, 2], [3, 4]]))
    }

    @Test func byteOrderMarkIsNotPartOfTheFirstName() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("x\n5\n".utf8)
        let table = try CSVReader.parse(bytes: bytes)
        #expect(table.columnNames == ["x"])
    }

    @Test func semicolonDelimiter() throws {
        let table = try CSVReader.parse("a;b\n1,5;2\n", options: .init(delimiter: ";"))
        #expect(try table.text("a") == ["1,5"])
        #expect(try table.numeric("b") == [2])
    }

    @Test func numberFormats() throws {
        let cells = ["0", "-0.5", ".5", "5.", "+7", "1e3", "2.5E-2", "123456789012345678901234", "0.1",
                     "3.141592653589793238", "1e-320", "-0"]
        let table = try CSVReader.parse("x\n" + cells.joined(separator: "\n"))
        let values = try table.numeric("x")
        let expected: [Double] = [0, -0.5, 0.5, 5, 7, 1000, 0.025, Double("123456789012345678901234")!, 0.1,
                                  3.141592653589793238, Double("1e-320")!, -0.0]
        #expect(values == expected)
        // Exactly the same rounding as Swift's own parser on shortest-representation output.
        var generator = SeededGenerator(seed: 5)
        let randoms = (0..<2000).map { _ in (generator.nextGaussian() * pow10(Int(generator.next() % 40) - 20)) }
        let parsed = try CSVReader.parse("x\n" + randoms.map { "\($0)" }.joined(separator: "\n")).numeric("x")
        #expect(parsed == randoms)
    }

    /// Long mantissas (16-19 digits, the extended-precision path) and exact halfway cases round
    /// exactly as Swift's own correctly rounded parser does.
    @Test func longMantissasAreCorrectlyRounded() throws {
        var generator = SeededGenerator(seed: 11)
        var cells = ["9007199254740993", "9007199254740995", "-9007199254740993", "1.7976931348623157e308",
                     "2.2250738585072014e-308", "4.9e-324", "0.30000000000000004", "123456789012345678.9"]
        for _ in 0..<20_000 {
            let digits = 16 + Int(generator.next() % 4)
            var mantissa = String(1 + generator.next() % 9)
            for _ in 1..<digits { mantissa += String(generator.next() % 10) }
            let exponent = Int(generator.next() % 61) - 30
            let point = Int(generator.next() % UInt64(digits + 1))
            let text = String(mantissa.prefix(point)) + "." + String(mantissa.dropFirst(point)) + "e\(exponent)"
            cells.append(text)
        }
        let values = try CSVReader.parse("x\n" + cells.joined(separator: "\n")).numeric("x")
        for (text, value) in zip(cells, values) where value != Double(text)! {
            Issue.record("\(text) parsed as \(value), expected \(Double(text)!)")
        }
    }

    #if arch(x86_64)
    /// Numbers whose `Float80` quotient lies exactly halfway between two doubles, where rounding
    /// twice would be wrong about a third of the time: they must still come out correctly rounded.
    @Test func extendedPrecisionHalfwayCasesAreCorrectlyRounded() throws {
        var generator = SeededGenerator(seed: 12)
        var cells: [String] = []
        while cells.count < 12 {
            let mantissa = 1_000_000_000_000_000_000 + generator.next() % 8_999_999_999_999_999_999
            let exponent = 1 + Int(generator.next() % 22)
            var power: Float80 = 1
            for _ in 0..<exponent { power *= 10 }
            if (Float80(mantissa) / power).significandBitPattern & 0x7FF == 0x400 {
                cells.append("\(mantissa)e-\(exponent)")
            }
        }
        let values = try CSVReader.parse("x\n" + cells.joined(separator: "\n")).numeric("x")
        #expect(values == cells.map { Double($0)! })
    }
    #endif

    @Test func textThatLooksAlmostNumeric() throws {
        let table = try CSVReader.parse("x\n1\ninf\n")
        #expect(try table.isNumeric("x") == false)
        #expect(throws: CSVError(.notNumeric(column: "x", text: "inf"), line: 3, column: 1)) {
            try table.numeric("x")
        }
        for cell in ["1e", "--1", "1.2.3", "0x10", "1e400", "1 2", "."] {
            let parsed = try CSVReader.parse("x\n\(cell)\n")
            #expect(try parsed.isNumeric("x") == false, "\(cell)")
        }
    }

    // MARK: Missing values

    @Test func missingValueIsAnErrorByDefault() {
        #expect(throws: CSVError(.missingValue(column: "b"), file: "m.csv", line: 3, column: 2)) {
            try CSVReader.parse("a,b\n1,2\n3,\n5,6\n", file: "m.csv")
        }
        #expect(throws: CSVError(.missingValue(column: "a"), line: 2, column: 1)) {
            try CSVReader.parse("a,b\nNA,2\n")
        }
    }

    @Test func dropRowsPolicyDropsIncompleteRows() throws {
        let csv = "a,b,c\n1,2,x\n3,,y\n5,6,NA\nNaN,8,z\n9,10,\"\"\n11,12,w\n"
        let table = try CSVReader.parse(csv, options: .init(missingValues: .dropRows))
        #expect(try table.numeric("a") == [1, 11])
        #expect(try table.text("c") == ["x", "w"])
        #expect(table.sourceLines == [2, 7])
    }

    @Test func keepPolicyKeepsMissingCellsAndAccessorsRefuseThem() throws {
        let table = try CSVReader.parse("a,b\n1,2\n,4\n5,\n", file: "k.csv", options: .init(missingValues: .keep))
        #expect(table.rowCount == 3)
        #expect(try table.missingCount("a") == 1)
        #expect(throws: CSVError(.missingValue(column: "a"), file: "k.csv", line: 3, column: 1)) {
            try table.numeric("a")
        }
        let complete = try table.droppingRowsWithMissingValues(in: ["a"])
        #expect(try complete.numeric("a") == [1, 5])
        #expect(throws: CSVError(.missingValue(column: "b"), file: "k.csv", line: 4, column: 2)) {
            try complete.numeric("b")
        }
    }

    @Test func dropRowsThatRemovesEverythingIsAnError() {
        #expect(throws: CSVError(.noCompleteRows)) {
            try CSVReader.parse("a,b\n1,\n,2\n", options: .init(missingValues: .dropRows))
        }
    }

    // MARK: Errors with positions

    @Test func raggedRowsNameLineAndColumn() {
        #expect(throws: CSVError(.raggedRow(expected: 3, found: 2), file: "r.csv", line: 3, column: 3)) {
            try CSVReader.parse("a,b,c\n1,2,3\n4,5\n", file: "r.csv")
        }
        #expect(throws: CSVError(.raggedRow(expected: 2, found: 3), line: 2, column: 3)) {
            try CSVReader.parse("a,b\n1,2,3\n")
        }
    }

    @Test func malformedQuotes() {
        #expect(throws: CSVError(.unterminatedQuote, line: 3, column: 2)) {
            try CSVReader.parse("a,b\n1,2\n3,\"never closed\n4,5\n")
        }
        #expect(throws: CSVError(.textAfterClosingQuote, line: 2, column: 1)) {
            try CSVReader.parse("a,b\n\"ab\"c,2\n")
        }
        #expect(throws: CSVError(.quoteInUnquotedField, line: 2, column: 2)) {
            try CSVReader.parse("a,b\n1,x\"y\n")
        }
    }

    @Test func badHeaders() {
        #expect(throws: CSVError(.emptyColumnName, line: 1, column: 2)) {
            try CSVReader.parse("a,,c\n1,2,3\n")
        }
        #expect(throws: CSVError(.duplicateColumnName("a", firstColumn: 1), line: 1, column: 3)) {
            try CSVReader.parse("a,b,a\n1,2,3\n")
        }
    }

    @Test(arguments: ["", "\n\n", "\u{FEFF}", "\r\n"])
    func emptyFile(csv: String) {
        #expect(throws: CSVError(.emptyFile, file: "e.csv")) { try CSVReader.parse(csv, file: "e.csv") }
    }

    @Test func headerOnly() {
        #expect(throws: CSVError(.noDataRows, line: 2)) { try CSVReader.parse("a,b\n") }
        #expect(throws: CSVError(.noDataRows, line: 2)) { try CSVReader.parse("a,b") }
    }

    @Test func invalidUTF8InTextIsAnError() {
        let bytes = Array("a,b\n1,".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        #expect(throws: CSVError(.invalidUTF8, line: 2, column: 2)) { try CSVReader.parse(bytes: bytes) }
    }

    @Test func unknownColumnListsTheAvailableOnes() throws {
        let table = try CSVReader.parse("a,b\n1,2\n", file: "u.csv")
        let expected = CSVError(.unknownColumn("c", available: ["a", "b"]), file: "u.csv")
        #expect(throws: expected) { try table.numeric("c") }
        #expect(expected.description == "u.csv: there is no column \"c\"; the columns are \"a\", \"b\"")
    }

    @Test func descriptionsAreReadable() {
        let error = CSVError(.missingValue(column: "Horsepower"), file: "cars.csv", line: 12, column: 5)
        #expect(error.description == "cars.csv, line 12, column 5: missing value in column \"Horsepower\"")
        let ragged = CSVError(.raggedRow(expected: 3, found: 2), line: 4, column: 3)
        #expect(ragged.description == "line 4, column 3: expected 3 fields as in the header row, but this row has 2")
    }

    @Test func unreadableFileIsAnError() {
        #expect {
            try CSVReader.read(path: "/nonexistent/dir/x.csv")
        } throws: { error in
            guard let csv = error as? CSVError, case .unreadableFile = csv.problem else { return false }
            return csv.file == "x.csv"
        }
    }

    // MARK: Labels

    @Test func labelsAreSortedAndStable() throws {
        let table = try CSVReader.parse("species,n\nb,10\na,2\nc,10\na,9\n")
        let text = try table.labels("species")
        #expect(text.classes == ["a", "b", "c"])
        #expect(text.codes == [1, 0, 2, 0])
        let numeric = try table.labels("n")
        #expect(numeric.classes == ["2", "9", "10"])  // numeric order, not text order
        #expect(numeric.codes == [2, 0, 2, 1])
    }

    // MARK: Robustness

    /// Random bytes, biased towards the characters that matter to CSV, never crash the reader:
    /// each input either parses into a consistent table or throws a `CSVError`.
    @Test func randomBytesNeverCrash() {
        var generator = SeededGenerator(seed: 2024)
        let alphabet: [UInt8] = Array("a1,\"\n\r .-e9NA\t".utf8) + [0xEF, 0xBB, 0xBF, 0xFF, 0x00]
        for _ in 0..<3000 {
            let length = Int(generator.next() % 60)
            let bytes: [UInt8] = (0..<length).map { _ in
                generator.next() % 4 == 0 ? UInt8(truncatingIfNeeded: generator.next()) : alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
            for policy in [CSVReader.MissingValuePolicy.error, .dropRows, .keep] {
                checkParsesOrThrowsCSVError(bytes, policy: policy)
            }
        }
    }

    /// Valid files with a few bytes changed, inserted or deleted.
    @Test func mutatedValidFilesNeverCrash() {
        var generator = SeededGenerator(seed: 77)
        let valid = Array("name,x,y\n\"a, b\",1.5,2\nc,-3,4e1\r\n\"q\"\"uote\",,7\n".utf8)
        let interesting: [UInt8] = Array(",\"\n\r 0.eNA".utf8) + [0xEF, 0xFF]
        for _ in 0..<3000 {
            var bytes = valid
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                let position = Int(generator.next() % UInt64(bytes.count + 1))
                let byte = interesting[Int(generator.next() % UInt64(interesting.count))]
                switch generator.next() % 3 {
                case 0 where position < bytes.count: bytes[position] = byte
                case 1: bytes.insert(byte, at: position)
                default: if position < bytes.count { bytes.remove(at: position) }
                }
            }
            for policy in [CSVReader.MissingValuePolicy.error, .dropRows, .keep] {
                checkParsesOrThrowsCSVError(bytes, policy: policy)
            }
        }
    }

    /// Random tables of awkward text (commas, quotes, line ends, spaces, accents), written with
    /// quoting where needed and random LF/CRLF line ends, read back exactly.
    @Test func randomTablesRoundTrip() throws {
        var generator = SeededGenerator(seed: 99)
        let pieces = ["a", "b", ",", "\"", "\n", "\r\n", " ", "é", "1", ".", "\t"]
        for _ in 0..<200 {
            let columnCount = 1 + Int(generator.next() % 4), rowCount = 1 + Int(generator.next() % 6)
            let names = (0..<columnCount).map { "c\($0)" }
            // Every cell starts with "x", so no cell is a number or a missing-value marker.
            let cells = (0..<rowCount).map { _ in
                (0..<columnCount).map { _ in
                    "x" + (0..<Int(generator.next() % 5)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
                }
            }
            let lineEnd = generator.next() % 2 == 0 ? "\n" : "\r\n"
            func field(_ text: String) -> String {
                // Scalars, not Characters: "\r\n" is a single Character in Swift.
                let needsQuotes = text.unicodeScalars.contains { ",\"\n\r\t ".unicodeScalars.contains($0) }
                    || generator.next() % 3 == 0
                return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
            }
            let csv = ([names] + cells).map { $0.map(field).joined(separator: ",") }.joined(separator: lineEnd)
                + (generator.next() % 2 == 0 ? lineEnd : "")
            let table = try CSVReader.parse(csv)
            #expect(table.columnNames == names)
            for (j, name) in names.enumerated() {
                #expect(try table.text(name) == cells.map { $0[j] })
            }
        }
    }

    @Test func tablesBuiltInCode() throws {
        let table = try DataTable(columns: [("x", .numeric([1, 2, .nan])), ("label", .text(["a", nil, "b"]))])
        #expect(table.rowCount == 3 && table.sourceLines == [2, 3, 4])
        #expect(try table.droppingRowsWithMissingValues().rowCount == 1)
        #expect(try table.selectingColumns(["label"]).columnNames == ["label"])
        #expect(throws: CSVError(.missingValue(column: "x"), line: 4, column: 1)) { try table.numeric("x") }
        #expect(throws: CSVError(.duplicateColumnName("x", firstColumn: 1), line: 1, column: 2)) {
            try DataTable(columns: [("x", .numeric([1])), ("x", .numeric([2]))])
        }
        #expect(throws: CSVError(.raggedRow(expected: 1, found: 2), column: 2)) {
            try DataTable(columns: [("x", .numeric([1])), ("y", .numeric([2, 3]))])
        }
    }

    private func checkParsesOrThrowsCSVError(_ bytes: [UInt8], policy: CSVReader.MissingValuePolicy) {
        do {
            let table = try CSVReader.parse(bytes: bytes, options: .init(missingValues: policy))
            #expect(table.columns.allSatisfy { $0.count == table.rowCount })
            #expect(table.rowCount > 0)
            for name in table.columnNames {
                _ = try? table.numeric(name)
                _ = try? table.labels(name)
            }
        } catch is CSVError {
            // expected for malformed input
        } catch {
            Issue.record("unexpected error type \(type(of: error)): \(error)")
        }
    }
}

private func pow10(_ exponent: Int) -> Double {
    var value = 1.0
    for _ in 0..<abs(exponent) { value *= 10 }
    return exponent < 0 ? 1 / value : value
}
