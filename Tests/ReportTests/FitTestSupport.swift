import ArgumentParser
import Foundation
@testable import Report

/// The package's root folder, found from this file's path (Tests/ReportTests/FitTestSupport.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A bundled dataset's path, e.g. `datasetPath("houses.csv")`.
func datasetPath(_ name: String) -> String {
    packageRoot.appendingPathComponent("Sources/Models/Resources/datasets/\(name)").path
}

/// What `report fit` printed and returned.
struct FitRun {
    let exitCode: Int32
    let output: [String]
    let errors: [String]

    var stdout: String { output.joined(separator: "\n") }
    var stderr: String { errors.joined(separator: "\n") }

    /// The JSON object printed with `--json`.
    func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        guard let dictionary = object as? [String: Any] else { throw CommandMismatch(description: "not a JSON object: \(stdout)") }
        return dictionary
    }
}

/// Parses `["fit", ...arguments]` from the root as the real command line does, then runs it in
/// this process. A parse or validation failure gives the exit code and message ArgumentParser would.
func runFit(_ arguments: [String]) -> FitRun {
    do {
        let parsed = try ReportCommand.parseAsRoot(["fit"] + arguments)
        guard let command = parsed as? FitCommand else {
            return FitRun(exitCode: -1, output: [], errors: ["parsed as \(type(of: parsed))"])
        }
        var output: [String] = [], errors: [String] = []
        let code = command.execute(printLine: { output.append($0) }, printError: { errors.append($0) })
        return FitRun(exitCode: code, output: output, errors: errors)
    } catch {
        return FitRun(exitCode: ReportCommand.exitCode(for: error).rawValue, output: [],
                      errors: [ReportCommand.message(for: error)])
    }
}

extension TemporaryFolder {
    /// Writes `text` to `name` inside the folder and returns its path.
    @discardableResult
    func file(_ name: String, _ text: String) throws -> String {
        let url = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Path of `name` inside the folder (not created).
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The names in the folder, sorted.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}

/// The JSON value at `key` as numbers.
func numbers(_ value: Any?) -> [Double]? {
    (value as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue }
}
