import ArgumentParser
import Foundation

/// The `report` command: trains the models and writes the illustrated HTML report.
///
/// The root command's own behaviour is the report, so `report --all` needs no subcommand; later
/// subcommands (`report fit ...`, `report gallery ...`) can be added to `subcommands`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Train every model on real data and write an illustrated HTML report.",
        discussion: """
            Each chapter trains one kind of model, draws its figures and writes a page that \
            explains the algorithm: intuition, math, the code that ran, figures and numbers. \
            The report is written to a temporary folder and swapped in at the end, so a failed \
            run leaves the previous report whole. An existing output folder is replaced only if \
            an earlier run of 'report' wrote it (or it is empty).

            EXAMPLES:
              report --all                       Every chapter, into reports/index.html
              report --list                      The chapter ids in teaching order
              report linear-regression           A report with just that chapter
              report --all --format png,svg,pdf  SVG and PDF beside every PNG
              report --all --scale 2 --seed 7    Sharper PNGs, another random seed
              report --all --output /tmp/ml -q   Elsewhere, without progress lines

            EXIT CODES:
              0   the report was written (or the list printed)
              64  bad command line: unknown chapter, bad option value, nothing selected
              65  a chapter failed to build; the previous report is unchanged
              73  the output folder cannot be written, or holds files that are not a report
              74  writing a file or swapping the new report in failed
            """,
        subcommands: []
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
        valueName: "formats"), transform: ReportCommand.parseFormats)
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
        let code = execute(registry: .standard, excerpts: .packageSources(),
                           printLine: { print($0) },
                           printError: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
                           log: .standardError(quiet: quiet))
        if code != ReportExitCode.success { throw ExitCode(code) }
    }

    /// Runs the command against `registry` and returns the exit code; messages go to the sinks.
    /// Tests call this directly instead of spawning a process.
    func execute(registry: ChapterRegistry, excerpts: SourceExcerpts,
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
            _ = try ReportBuilder(options: options, excerpts: excerpts, log: log).run()
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
