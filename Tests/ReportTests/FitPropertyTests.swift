import Foundation
import Models
import Testing
@testable import Report

/// Random small CSV files, valid and broken, with random settings: `report fit` never crashes; it
/// succeeds, or fails with a non-zero exit and a message, leaving no file behind.
@Suite struct FitPropertyTests {
    /// Cells a hand-made CSV file might hold, good and bad.
    static let cells = ["0", "1", "2", "3.5", "-1", "1e3", "0.001", "7", "12", "", "NaN", "inf", "abc", "\"4\"",
                        "\"a,b\"", "\"", "x\"y", " 5 ", "1,2", "\u{FEFF}", "\r", "é", "NA", "1e999", "-0"]

    static func randomCSV(_ generator: inout SeededGenerator) -> (bytes: [UInt8], columns: [String]) {
        let columnCount = Int(generator.next() % 4) + 1
        var names = (0..<columnCount).map { "c\($0)" }
        if generator.next() % 10 == 0 { names[Int(generator.next() % UInt64(columnCount))] = "" }
        if generator.next() % 10 == 0, columnCount > 1 { names[1] = names[0] }
        var text = names.joined(separator: ",") + "\n"
        let rows = Int(generator.next() % 14)
        let tidy = generator.next() % 2 == 0  // half the files are numbers only, so fits do run
        for _ in 0..<rows {
            var width = columnCount
            if !tidy, generator.next() % 12 == 0 { width = Int(generator.next() % 5) + 1 }
            let row = (0..<width).map { _ -> String in
                tidy ? String(Int(generator.next() % 9)) : cells[Int(generator.next() % UInt64(cells.count))]
            }
            text += row.joined(separator: ",") + (generator.next() % 8 == 0 ? "\r\n" : "\n")
        }
        var bytes = Array(text.utf8)
        if !tidy, generator.next() % 6 == 0, !bytes.isEmpty {
            // A few arbitrary bytes, including invalid UTF-8 and NUL.
            for _ in 0..<3 { bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next()) }
        }
        return (bytes, names)
    }

    static func randomArguments(_ generator: inout SeededGenerator, columns: [String]) -> [String] {
        let models = ["linear-regression", "logistic-regression", "knn", "decision-tree", "svm", "neural-network"]
        var arguments = [models[Int(generator.next() % UInt64(models.count))]]
        let target = generator.next() % 12 == 0 ? "missing" : columns[Int(generator.next() % UInt64(columns.count))]
        arguments += ["--target", target]
        if generator.next() % 3 == 0 {
            arguments += ["--features", columns.filter { $0 != target && !$0.isEmpty }.joined(separator: ",")]
        }
        // Mostly options the model takes, so fits run; now and then one it does not.
        var options: [[String]] = [["--test-fraction", "0"], ["--test-fraction", "0.5"], ["--scale", "minmax"],
                                   ["--scale", "none"], ["--json"], ["--drop-missing"], ["--neighbors", "1"]]
        switch arguments[0] {
        case "linear-regression": options += [["--degree", "2"], ["--solver", "normal"], ["--learning-rate", "5"], ["--iterations", "20"]]
        case "logistic-regression": options += [["--degree", "2"], ["--learning-rate", "5"], ["--iterations", "20"]]
        case "knn": options += [["--neighbors", "2"], ["--task", "regression"]]
        case "decision-tree": options += [["--max-depth", "2"], ["--task", "regression"]]
        case "svm": options += [["--kernel", "linear"], ["--c", "0.1"], ["--gamma", "3"]]
        default: options += [["--hidden", "3"], ["--epochs", "5"], ["--task", "regression"]]
        }
        for _ in 0..<Int(generator.next() % 4) { arguments += options[Int(generator.next() % UInt64(options.count))] }
        return arguments
    }

    @Test(arguments: 0..<4)
    func randomFilesNeverCrashTheCommand(batch: Int) throws {
        var generator = SeededGenerator(seed: UInt64(1000 + batch))
        var outcomes = [0: 0, 1: 0]
        for round in 0..<60 {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let (bytes, columns) = Self.randomCSV(&generator)
            let data = folder.path("data.csv")
            try Data(bytes).write(to: URL(fileURLWithPath: data))
            var arguments = Self.randomArguments(&generator, columns: columns)
            arguments.insert(contentsOf: ["--data", data], at: 1)
            let withCharts = round % 5 == 0
            if withCharts { arguments += ["--charts", folder.path("charts")] }
            let run = runFit(arguments)
            let context = "\(arguments) on \(String(decoding: bytes, as: UTF8.self).debugDescription)"
            if run.exitCode == 0 {
                outcomes[0, default: 0] += 1
                #expect(!run.output.isEmpty, "a success prints a summary: \(context)")
                if arguments.contains("--json") {
                    #expect((try? run.json()) != nil, "valid JSON (no NaN or inf): \(context)")
                }
            } else {
                outcomes[1, default: 0] += 1
                #expect([64, 65, 66, 73, 74].contains(run.exitCode), "\(run.exitCode): \(context)")
                #expect(!run.stderr.isEmpty, "a failure says why: \(context)")
                #expect(try folder.contents() == ["data.csv"], "a failure leaves nothing: \(context)")
            }
        }
        // Both paths were exercised, so the property says something.
        #expect(outcomes[0]! > 5 && outcomes[1]! > 5, "\(outcomes)")
    }
}
