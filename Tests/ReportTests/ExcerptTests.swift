import Foundation
import Testing
@testable import Report

@Suite struct ExcerptTests {
    static let source = """
        struct Model {
            func fit() {
                // excerpt: gradient-step
                for i in 0..<m {
                    let error = f(x[i]) - y[i]   // a < b && c

                    gradient += error
                }
                // end excerpt
            }
        }
        """

    @Test func cutsAndDedentsAnExcerpt() throws {
        let excerpts = try SourceExcerpts.extract(from: Self.source, path: "Sources/Models/Model.swift")
        #expect(excerpts == [CodeExcerpt(
            name: "gradient-step",
            code: "for i in 0..<m {\n    let error = f(x[i]) - y[i]   // a < b && c\n\n    gradient += error\n}",
            sourcePath: "Sources/Models/Model.swift", lines: 4...8)])
    }

    @Test func excerptIsEscapedOnThePage() throws {
        let excerpt = try #require(try SourceExcerpts.extract(from: Self.source, path: "Sources/Models/Model.swift").first)
        let html = HTMLSerializer.fragment([PageComponents.code(excerpt)])
        #expect(html.contains("// a &lt; b &amp;&amp; c"))
        #expect(html.contains("<figcaption>From <code>Sources/Models/Model.swift</code>, lines 4–8.</figcaption>"))
    }

    static let malformed: [(source: String, message: String)] = [
        ("// excerpt: a\nx\n", "Sources/X.swift:1: the excerpt 'a' has no '// end excerpt'"),
        ("x\n// end excerpt\n", "Sources/X.swift:2: '// end excerpt' without an opening '// excerpt: NAME'"),
        ("// excerpt: a\n// excerpt: b\n", "Sources/X.swift:2: excerpt markers cannot nest; 'a' (line 1) is still open"),
        ("// excerpt: Bad Name\n// end excerpt\n", "Sources/X.swift:1: 'Bad Name' is not a valid excerpt name (lowercase letters, digits and single hyphens)"),
        ("// excerpt: a\n\n// end excerpt\n", "Sources/X.swift:1: the excerpt 'a' is empty"),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedMarkers(source: String, message: String) {
        do {
            _ = try SourceExcerpts.extract(from: source, path: "Sources/X.swift")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func scansAFolderAndFindsExcerptsByName() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sources = folder.url.appendingPathComponent("Sources/Models")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try Self.source.write(to: sources.appendingPathComponent("Model.swift"), atomically: true, encoding: .utf8)
        let excerpts = SourceExcerpts(scanning: folder.url.appendingPathComponent("Sources"))
        #expect(excerpts.names == ["gradient-step"])
        #expect(try excerpts.excerpt(named: "gradient-step").sourcePath == "Sources/Models/Model.swift")
        #expect(throws: ExcerptError.notFound(name: "missing", known: ["gradient-step"])) {
            try excerpts.excerpt(named: "missing")
        }
    }

    @Test func duplicateNamesAcrossFilesAreAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sources = folder.url.appendingPathComponent("Sources")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        for name in ["A.swift", "B.swift"] {
            try "// excerpt: same\nx\n// end excerpt\n".write(to: sources.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        #expect(throws: ExcerptError.malformed(path: "Sources/B.swift", line: 1, message: "the excerpt 'same' is also defined in Sources/A.swift")) {
            try SourceExcerpts(scanning: sources).excerpt(named: "same")
        }
    }

    @Test func missingSourcesGiveAClearError() {
        let excerpts = SourceExcerpts(scanning: URL(fileURLWithPath: "/nonexistent/Sources"))
        #expect(throws: ExcerptError.sourcesMissing(path: "/nonexistent/Sources")) {
            try excerpts.excerpt(named: "anything")
        }
        #expect("\(ExcerptError.sourcesMissing(path: "/x/Sources"))".contains("run the report from a checkout of the package"))
    }

    /// The package's own sources are found from #filePath, and the report's marked excerpt is there.
    @Test func findsThePackageSources() throws {
        let excerpt = try SourceExcerpts.packageSources().excerpt(named: "edit-distance")
        #expect(excerpt.sourcePath == "Sources/Report/CLI/ChapterSelection.swift")
        #expect(excerpt.code.hasPrefix("let a = Array(a), b = Array(b)\n"))
    }
}
