import ArgumentParser
import Foundation
import Testing
@testable import Report

@Suite struct CommandLineTests {
    @Test func parsesOptions() throws {
        let command = try parseReport(["demo-lines", "--output", "out", "--format", "pdf,svg", "--scale", "2", "--seed", "7", "-q"])
        #expect(command.chapters == ["demo-lines"])
        #expect(command.output == "out")
        #expect(command.format == [.png, .svg, .pdf])
        #expect(command.scale == 2)
        #expect(command.seed == 7)
        #expect(command.quiet)
    }

    @Test func defaults() throws {
        let command = try parseReport(["--all"])
        #expect(command.output == "reports")
        #expect(command.format == [.png])
        #expect(command.scale == 1)
        #expect(!command.quiet)
    }

    static let badArguments: [[String]] = [
        ["--all", "--scale", "5"],
        ["--all", "--scale", "0.5"],
        ["--all", "--scale", "nan"],
        ["--all", "--format", "png,gif"],
        ["--all", "--seed", "-1"],
        ["--all", "demo-lines"],
        ["--list", "--all"],
        ["--all", "--colour"],
    ]

    @Test(arguments: badArguments)
    func badOptionValuesExitWithUsageCode(arguments: [String]) {
        do {
            _ = try parseReport(arguments)
            Issue.record("\(arguments) should not parse")
        } catch {
            #expect(ReportCommand.exitCode(for: error).rawValue == ReportExitCode.usage)
        }
    }

    @Test func badFormatMessageListsValidFormats() {
        do {
            _ = try parseReport(["--all", "--format", "gif"])
        } catch {
            #expect(ReportCommand.message(for: error).contains("use png, svg or pdf"))
        }
    }

    @Test func unknownChapterListsValidIdsAndSuggests() throws {
        let run = try runReport(["demo-line", "nonsense", "--output", "/tmp/never-written"], registry: .demo)
        #expect(run.exitCode == ReportExitCode.usage)
        #expect(run.errors.joined(separator: "\n") == """
            report: error: unknown chapter 'demo-line'; did you mean 'demo-lines'?
            report: error: unknown chapter 'nonsense'
            report: error: valid chapters: demo-lines, demo-points
            Run 'report --help' for usage.
            """)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written"))
    }

    @Test func plannedButUnwrittenChapterIsSaidSo() throws {
        let run = try runReport(["decision-trees"], registry: .demo)
        #expect(run.exitCode == ReportExitCode.usage)
        #expect(run.errors.first == "report: error: chapter 'decision-trees' is part of the course but not written yet")
    }

    @Test func nothingSelectedIsAUsageError() throws {
        let run = try runReport([], registry: .demo)
        #expect(run.exitCode == ReportExitCode.usage)
        #expect(run.errors.first == "report: error: no chapter selected: name one or more chapters, or pass --all (see 'report --list')")
    }

    @Test func listPrintsChaptersInTeachingOrder() throws {
        let run = try runReport(["--list"], registry: .demo)
        #expect(run.exitCode == ReportExitCode.success)
        #expect(run.output == [
            " 1  demo-lines   Demo: fitting a line",
            " 2  demo-points  Demo: classifying points",
        ])
    }

    @Test func suggestionsAndEditDistance() {
        #expect(ChapterSelection.editDistance("kitten", "sitting") == 3)
        #expect(ChapterSelection.editDistance("", "abc") == 3)
        let ids = ChapterRegistry.plannedIDs
        #expect(ChapterSelection.suggestion(for: "linear-regresion", among: ids) == "linear-regression")
        #expect(ChapterSelection.suggestion(for: "k-nearest-neighbors", among: ids) == "k-nearest-neighbours")
        #expect(ChapterSelection.suggestion(for: "logistic", among: ids) == "logistic-regression")
        #expect(ChapterSelection.suggestion(for: "banana", among: ids) == nil)
    }

    @Test func registryRejectsDuplicates() {
        #expect(throws: RegistryError.self) { try ChapterRegistry([DemoLinesChapter(), DemoLinesChapter()]) }
        #expect(ChapterRegistry.plannedIDs.count == 12)
        #expect(ChapterRegistry.plannedIDs.allSatisfy(ItemName.isValid))
    }

    /// The chapters the real report registers: unique, in the course's teaching order, with prose.
    @Test func standardRegistryIsConsistent() throws {
        let chapters = ChapterRegistry.standard.chapters
        _ = try ChapterRegistry(chapters)
        for chapter in chapters {
            let position = try #require(ChapterRegistry.plannedIDs.firstIndex(of: chapter.id), "\(chapter.id) is not a planned chapter")
            #expect(chapter.number == position + 1, "\(chapter.id) should be chapter \(position + 1)")
            #expect(throws: Never.self) { try ProseLibrary.markdown(for: chapter.id) }
        }
    }

    @Test func helpTeachesExamplesAndExitCodes() {
        for help in [ReportCommand.helpMessage(columns: 100), BuildCommand.helpMessage(columns: 100)] {
            #expect(help.contains("report --all --format png,svg,pdf"))
            #expect(help.contains("EXIT CODES:"))
            #expect(help.contains("73  the output folder cannot be written"))
        }
        // The root's help summarises the default subcommand's options.
        #expect(ReportCommand.helpMessage(columns: 100).contains("--scale N              PNG resolution, 1 to 4"))
    }

    @Test func explicitBuildSubcommandIsTheDefault() throws {
        let implicit = try parseReport(["--all", "--seed", "3"])
        let explicit = try parseReport(["build", "--all", "--seed", "3"])
        #expect(implicit.all && explicit.all)
        #expect(implicit.seed == explicit.seed)
    }
}
