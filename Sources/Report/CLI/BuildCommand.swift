import ArgumentParser
import Foundation

/// The `report` command's default subcommand: build chapters and write the HTML report.
///
/// `report --all` and `report build --all` are the same; see ``ReportCommand`` for why the report
/// is a subcommand.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write the report (the default: 'report --all' is 'report build --all').",
        discussion: ReportCommand.overview + "\n\n" + ReportCommand.examplesAndExitCodes
    )

    @Flag(name: .long, help: "Build every chapter.")
    var all = false

    @Flag(name: .long, help: "List the chapters (id and title) in teaching order, then exit.")
    var list = false

    @Argument(help: ArgumentHelp("Chapters to build, by id (see --list).", valueName: "chapter"))
    var chapters: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write the report to.", valueName: "folder"))
    var output = "reports"

    @Option(name: .long, help: ArgumentHelp(
        "Figure formats, comma-separated: png, svg, pdf. PNG is always written; the others go beside it.",
        valueName: "formats"), transform: BuildCommand.parseFormats)
    var format: [FigureFormat] = [.png]

    @Option(name: .long, help: ArgumentHelp("PNG resolution multiplier, from 1 to 4 (2 for print and high-density screens).", valueName: "n"))
    var scale: Double = 1

    @Option(name: .long, help: ArgumentHelp("Seed for every random choice; the same seed gives the same files.", valueName: "n"))
    var seed: UInt64 = 42

    @Flag(name: .shortAndLong, help: "Print no progress (errors are still printed).")
    var quiet = false

    func validate() throws {
        guard scale.isFinite, (1...4).contains(scale) else {
            throw ValidationError("--scale must be between 1 and 4 (got \(scale))")
        }
        if all && !chapters.isEmpty {
            throw ValidationError("pass either --all or chapter ids, not both")
        }
        if list && (all || !chapters.isEmpty) {
            throw ValidationError("--list prints the chapters and exits; leave out --all and chapter ids")
        }
    }

    /// Parses `png,svg,pdf`; PNG is always included and listed first.
    static func parseFormats(_ text: String) throws -> [FigureFormat] {
        var formats: Set<FigureFormat> = [.png]
        for word in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = word.trimmingSpaces.lowercased()
            guard let format = FigureFormat(rawValue: name) else {
                throw ValidationError("unknown figure format '\(name)'; use png, svg or pdf, separated by commas")
            }
            formats.insert(format)
        }
        return formats.sorted()
    }

    func run() throws {
        // The summary's wall time starts here, so it includes scanning the sources for excerpts.
        let started = ContinuousClock.now
        let code = execute(registry: .standard, excerpts: .packageSources(), started: started,
                           printLine: { print($0) },
                           printError: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
                           log: .standardError(quiet: quiet))
        if code != ReportExitCode.success { throw ExitCode(code) }
    }

    /// Runs the command against `registry` and returns the exit code; messages go to the sinks.
    /// Tests call this directly instead of spawning a process.
    func execute(registry: ChapterRegistry, excerpts: SourceExcerpts, started: ContinuousClock.Instant = .now,
                 printLine: (String) -> Void, printError: (String) -> Void, log: ProgressLog) -> Int32 {
        if list {
            if registry.chapters.isEmpty { printError("report: no chapters are written yet in this build") }
            let width = registry.ids.map(\.count).max() ?? 0
            for chapter in registry.chapters {
                let number = String(chapter.number)
                printLine(String(repeating: " ", count: max(0, 2 - number.count)) + number + "  "
                       + chapter.id + String(repeating: " ", count: width - chapter.id.count) + "  " + chapter.title)
            }
            return ReportExitCode.success
        }
        do {
            let selected = try ChapterSelection.resolve(names: chapters, all: all, registry: registry)
            let options = ReportBuilder.Options(chapters: selected, output: URL(fileURLWithPath: output),
                                                formats: format, scale: scale, seed: seed)
            _ = try ReportBuilder(options: options, excerpts: excerpts, log: log, started: started).run()
            return ReportExitCode.success
        } catch let error as ReportError {
            for line in error.description.split(separator: "\n") { printError("report: error: \(line)") }
            if error.exitCode == ReportExitCode.usage { printError("Run 'report --help' for usage.") }
            return error.exitCode
        } catch {
            printError("report: error: \(error)")
            return ReportExitCode.ioError
        }
    }
}
