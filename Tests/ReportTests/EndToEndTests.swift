import Foundation
import Testing
@testable import Report

/// Whole runs of the command with the demo chapters, into temporary folders.
@Suite struct EndToEndTests {
    @Test func writesAWellFormedCompleteReport() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("report")
        let run = try runReport(["--all", "--output", output.path, "--format", "png,svg,pdf", "--scale", "2"], registry: .demo)
        #expect(run.exitCode == ReportExitCode.success, "\(run.errors)")

        let files = try TemporaryFolder.snapshot(output)
        for page in ["index.html", "figures.html", "demo-lines.html", "demo-points.html", "style.css", OutputFolder.markerFileName] {
            #expect(files[page] != nil, "\(page) is missing")
        }
        #expect(Set(files.keys.filter { $0.hasPrefix("demo-lines/") }) == [
            "demo-lines/fitted-line.png", "demo-lines/fitted-line.svg", "demo-lines/fitted-line.pdf",
            "demo-lines/cost-curve.png", "demo-lines/cost-curve.svg", "demo-lines/cost-curve.pdf",
        ])

        // Every page parses as XML, and everything it references exists and is the right kind of file.
        for page in files.keys where page.hasSuffix(".html") {
            let inspector = PageInspector.inspect(files[page]!)
            #expect(inspector.parseError == nil, "\(page): \(inspector.parseError ?? "")")
            #expect(inspector.elements.first == "html")
            for reference in inspector.references where !reference.hasPrefix("#") && !reference.hasPrefix("http") {
                let path = String(reference.split(separator: "#", omittingEmptySubsequences: false)[0])
                let data = try #require(files[path], "\(page) references \(path), which is missing")
                if path.hasSuffix(".png") { #expect(data.prefix(8) == DemoFiles.png.prefix(8)) }
                if path.hasSuffix(".svg") { #expect(String(decoding: data.prefix(4), as: UTF8.self) == "<svg") }
                if path.hasSuffix(".pdf") { #expect(String(decoding: data.prefix(5), as: UTF8.self) == "%PDF-") }
            }
        }

        // The renderer was given the scale.
        #expect(String(decoding: files["demo-lines/cost-curve.svg"]!, as: UTF8.self).contains("scale 2.0"))

        let chapter = String(decoding: files["demo-lines.html"]!, as: UTF8.self)
        #expect(chapter.contains("<html lang=\"en\">"))
        #expect(chapter.contains("<meta charset=\"utf-8\" />"))
        #expect(chapter.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />"))
        #expect(chapter.contains("<title>1. Demo: fitting a line · Learn ML by seeing it</title>"))
        #expect(chapter.contains("<img src=\"demo-lines/cost-curve.png\" width=\"640\" height=\"400\" alt=\"Cost falling &quot;fast&quot; then slowly, &lt;not&gt; a line\" />"))
        #expect(chapter.contains("<a href=\"demo-lines/cost-curve.svg\">SVG</a> <a href=\"demo-lines/cost-curve.pdf\">PDF</a>"))
        #expect(chapter.contains("<span class=\"figure-label\">Figure 1.2.</span> Gradient descent walks <strong>downhill</strong>"))
        #expect(chapter.contains("<munderover><mo>∑</mo>"))
        #expect(chapter.contains("<a rel=\"next\" href=\"demo-points.html\">"))
        #expect(chapter.contains("From <code>Sources/Report/CLI/ChapterSelection.swift</code>"))
        #expect(chapter.contains("<td class=\"reference num\">−3.8958</td>"))
        #expect(!chapter.contains("<script"))

        let index = String(decoding: files["index.html"]!, as: UTF8.self)
        // The thumbnail the chapter named, scaled to the index's width.
        #expect(index.contains("<img src=\"demo-lines/cost-curve.png\" width=\"240\" height=\"150\" alt=\"\" />"))
        #expect(index.contains("<li value=\"2\">"))
        let figuresPage = String(decoding: files["figures.html"]!, as: UTF8.self)
        #expect(figuresPage.contains("<code>demo-points/decision-boundary.pdf</code>"))

        let css = String(decoding: files["style.css"]!, as: UTF8.self)
        #expect(css.contains("font-family: \"STIX Two Math\", \"Cambria Math\", \"Latin Modern Math\", \"DejaVu Math TeX Gyre\", math;"))
        #expect(css.contains("prefers-color-scheme: dark"))
        #expect(css.contains("@media print"))

        // Progress: a line per chapter and the summary.
        #expect(run.progress.count == 3)
        #expect(run.progress.contains { $0.hasPrefix("  demo-lines ") && $0.hasSuffix(" s  2 figures") })
        #expect(run.progress.last?.hasPrefix("report: 2 chapters, 3 figures (16 files) in ") == true)
        #expect(run.progress.last?.hasSuffix("-> \(output.standardizedFileURL.path)/index.html") == true)

        // Nothing is left beside the report.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["report"])
    }

    @Test func twoRunsAreByteIdentical() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = folder.url.appendingPathComponent("first"), second = folder.url.appendingPathComponent("second")
        #expect(try runReport(["--all", "-q", "-o", first.path, "--format", "svg"], registry: .demo).exitCode == 0)
        #expect(try runReport(["--all", "-q", "-o", second.path, "--format", "svg"], registry: .demo).exitCode == 0)
        let a = try TemporaryFolder.snapshot(first), b = try TemporaryFolder.snapshot(second)
        #expect(a.count == 13)
        #expect(a == b)
    }

    @Test func quietPrintsNoProgress() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = try runReport(["demo-points", "--quiet", "-o", folder.url.appendingPathComponent("r").path], registry: .demo)
        #expect(run.exitCode == 0)
        #expect(run.progress.isEmpty)
        #expect(run.errors.isEmpty)
    }

    @Test func replacesAPreviousReportCompletely() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("report")
        #expect(try runReport(["--all", "-q", "-o", output.path], registry: .demo).exitCode == 0)
        #expect(try runReport(["demo-points", "-q", "-o", output.path], registry: .demo).exitCode == 0)
        let files = try TemporaryFolder.snapshot(output)
        #expect(files["demo-points.html"] != nil)
        #expect(files["demo-lines.html"] == nil)
        #expect(files.keys.allSatisfy { !$0.hasPrefix("demo-lines/") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["report"])
    }

    @Test func failingChapterLeavesThePreviousReportWhole() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("report")
        #expect(try runReport(["--all", "-q", "-o", output.path], registry: .demo).exitCode == 0)
        let before = try TemporaryFolder.snapshot(output)

        let failing = try ChapterRegistry([DemoLinesChapter(), DemoPointsChapter(), FailingChapter()])
        let run = try runReport(["--all", "-o", output.path], registry: failing)
        #expect(run.exitCode == ReportExitCode.chapterFailed)
        #expect(run.errors.first == "report: error: chapter demo-failing failed: the cost diverged to infinity")
        #expect(try TemporaryFolder.snapshot(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["report"])
    }

    @Test func proseErrorFailsTheRunWithFileAndLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var chapter = DemoLinesChapter()
        chapter.markdown = DemoLinesChapter.prose.replacingOccurrences(of: "\\leftarrow", with: "\\leftarow")
        let run = try runReport(["--all", "-o", folder.url.appendingPathComponent("r").path], registry: try ChapterRegistry([chapter]))
        #expect(run.exitCode == ReportExitCode.chapterFailed)
        #expect(run.errors.first?.hasPrefix("report: error: chapter demo-lines failed: chapters/demo-lines.md:14: unknown TeX command \\leftarow") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    struct CairoFailure: Error, CustomStringConvertible {
        var description: String { "surface error" }
    }

    static let brokenRenderers: [(renderer: ChapterFigure.Renderer, message: String)] = [
        ({ _, _, _ in throw CairoFailure() },
         "report: error: chapter demo-points failed: chapter demo-points: figure 'decision-boundary' (PNG) failed: surface error"),
        ({ _, _, _ in },
         "report: error: chapter demo-points failed: chapter demo-points: figure 'decision-boundary' did not write demo-points/decision-boundary.png"),
    ]

    @Test(arguments: brokenRenderers)
    func figureThatFailsToRenderFailsTheRun(renderer: @escaping ChapterFigure.Renderer, message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let registry = try ChapterRegistry([DemoPointsChapter(renderer: renderer)])
        let run = try runReport(["--all", "-o", folder.url.appendingPathComponent("r").path], registry: registry)
        #expect(run.exitCode == ReportExitCode.chapterFailed)
        #expect(run.errors.first == message)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test func refusesToReplaceAForeignFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let documents = folder.url.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try "my thesis".write(to: documents.appendingPathComponent("thesis.txt"), atomically: true, encoding: .utf8)
        let run = try runReport(["--all", "-o", documents.path], registry: .demo)
        #expect(run.exitCode == ReportExitCode.outputRefused)
        #expect(run.errors.first?.contains("refusing to replace \(documents.standardizedFileURL.path)") == true)
        #expect(try TemporaryFolder.snapshot(documents) == ["thesis.txt": Data("my thesis".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["Documents"])
    }

    @Test func acceptsAnEmptyFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try runReport(["--all", "-q", "-o", folder.url.path], registry: .demo).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("index.html").path))
    }

    @Test func refusesAFileAndAnUnwritablePlace() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("notes.txt")
        try "notes".write(to: file, atomically: true, encoding: .utf8)
        let onFile = try runReport(["--all", "-o", file.path], registry: .demo)
        #expect(onFile.exitCode == ReportExitCode.outputRefused)
        #expect(onFile.errors.first == "report: error: cannot write the report to \(file.path): it is a file, not a folder")

        // A parent that cannot exist (a file is in the way), whoever runs the tests.
        let beneathFile = try runReport(["--all", "-o", file.appendingPathComponent("sub/report").path], registry: .demo)
        #expect(beneathFile.exitCode == ReportExitCode.outputRefused)
        #expect(beneathFile.errors.first?.hasPrefix("report: error: cannot write the report in \(file.path)/sub: cannot create the folder") == true)
        #expect(try String(contentsOf: file, encoding: .utf8) == "notes")
    }

    @Test func refusesASymbolicLink() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let target = folder.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let link = folder.url.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        #expect(try runReport(["--all", "-q", "-o", link.path], registry: .demo).exitCode == ReportExitCode.outputRefused)
    }
}

/// The default output folder of a fresh checkout holds only the committed `reports/README.md`.
@Suite struct FreshCheckoutOutputTests {
    /// The repository's `reports/README.md`, found from this file's path.
    static let committedReadme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("reports/README.md")

    @Test func committedReadmeIsTheOneEveryReportWrites() throws {
        let committed = try String(contentsOf: Self.committedReadme, encoding: .utf8)
        #expect(committed == OutputFolder.readmeContents)
    }

    @Test func replacesAFolderHoldingOnlyTheCommittedReadme() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.committedReadme, to: output.appendingPathComponent("README.md"))
        let run = try runReport(["--all", "--output", output.path, "-q"], registry: .demo)
        #expect(run.exitCode == ReportExitCode.success, "\(run.errors)")
        let files = try TemporaryFolder.snapshot(output)
        #expect(files["index.html"] != nil)
        #expect(files["README.md"] == Data(OutputFolder.readmeContents.utf8), "the README is written back unchanged")
    }

    @Test func refusesAFolderWithADifferentReadme() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let readme = output.appendingPathComponent("README.md")
        try Data("# my own notes\n".utf8).write(to: readme)
        let run = try runReport(["--all", "--output", output.path, "-q"], registry: .demo)
        #expect(run.exitCode == ReportExitCode.outputRefused)
        #expect(try String(contentsOf: readme, encoding: .utf8) == "# my own notes\n")
    }
}
