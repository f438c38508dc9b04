import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Report

/// A fresh temporary folder for one test, removed by ``remove()``.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("report-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Every file under `folder` (relative path -> contents), for comparing whole reports.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        let root = folder.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            var path = url.standardizedFileURL.path
            if path.hasPrefix(root + "/") { path.removeFirst(root.count + 1) }
            files[path] = try Data(contentsOf: url)
        }
        return files
    }
}

/// What a command run printed and returned.
struct CommandRun {
    let exitCode: Int32
    let output: [String]
    let errors: [String]
    let progress: [String]
}

/// Parses `arguments` as the real command line does (from the root, so `report --all` reaches the
/// default `build` subcommand).
func parseReport(_ arguments: [String]) throws -> BuildCommand {
    let parsed = try ReportCommand.parseAsRoot(arguments)
    guard let command = parsed as? BuildCommand else {
        throw CommandMismatch(description: "\(arguments) parsed as \(type(of: parsed)), not the build command")
    }
    return command
}

struct CommandMismatch: Error, CustomStringConvertible {
    let description: String
}

/// Parses `arguments` like the real command line and runs them against `registry`, capturing output.
func runReport(_ arguments: [String], registry: ChapterRegistry) throws -> CommandRun {
    let command = try parseReport(arguments)
    let progress = LineCollector()
    var output: [String] = []
    var errors: [String] = []
    let code = command.execute(registry: registry, excerpts: .packageSources(),
                               printLine: { output.append($0) }, printError: { errors.append($0) },
                               log: ProgressLog(quiet: command.quiet) { progress.append($0) })
    return CommandRun(exitCode: code, output: output, errors: errors, progress: progress.lines)
}

/// Collects lines from concurrent writers.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ line: String) { lock.lock(); storage.append(line); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return storage }
}

/// Parses a page as XML and collects every `href` and `src`, so tests can check well-formedness
/// and that every referenced file exists.
final class PageInspector: NSObject, XMLParserDelegate {
    private(set) var references: [String] = []
    private(set) var elements: [String] = []
    private(set) var parseError: String?

    static func inspect(_ data: Data) -> PageInspector {
        let inspector = PageInspector()
        let parser = XMLParser(data: data)
        parser.delegate = inspector
        if !parser.parse() {
            inspector.parseError = parser.parserError.map { "\($0)" } ?? "unknown XML error"
        }
        return inspector
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(elementName)
        for key in ["href", "src"] {
            if let value = attributes[key] { references.append(value) }
        }
    }
}
