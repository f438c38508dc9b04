import ArgumentParser
import Models
import Plot

/// The `report` command: trains every model and writes the HTML report.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Train every model on real data and write an illustrated HTML report."
    )

    func run() throws {
        print("report: chapters are not written yet")
    }
}

ReportCommand.main()
