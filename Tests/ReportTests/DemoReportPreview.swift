import Foundation
import Testing
@testable import Report

/// Writes the demo report to `$REPORT_DEMO_OUTPUT` for a look in a browser:
///
///     REPORT_DEMO_OUTPUT=/tmp/demo-report swift test --filter DemoReportPreview
///
/// Skipped unless the variable is set, so ordinary test runs write nothing outside temp folders.
@Suite struct DemoReportPreview {
    static let output = ProcessInfo.processInfo.environment["REPORT_DEMO_OUTPUT"]

    @Test(.enabled(if: output != nil))
    func writeDemoReport() throws {
        let run = try runReport(["--all", "--format", "png,svg,pdf", "-o", try #require(Self.output)], registry: .demo)
        #expect(run.exitCode == ReportExitCode.success, "\(run.errors)")
    }
}
