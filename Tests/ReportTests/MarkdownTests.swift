import Testing
@testable import Report

/// The HTML of `markdown`'s blocks (placeholders shown as `[kind name]`).
private func html(_ markdown: String) throws -> String {
    try MarkdownBlocks.parse(markdown, file: "test.md").map { block in
        switch block {
        case .html(let node): HTMLSerializer.fragment([node])
        case .placeholder(let placeholder): "[\(placeholder.kind.rawValue) \(placeholder.name)]\n"
        }
    }.joined()
}

/// The error `markdown` raises.
private func proseError(_ markdown: String) -> ProseError? {
    do {
        _ = try MarkdownBlocks.parse(markdown, file: "test.md")
        return nil
    } catch let error as ProseError {
        return error
    } catch {
        return nil
    }
}

@Suite struct MarkdownTests {
    static let cases: [(markdown: String, html: String)] = [
        ("Hello *world* and **bold** and `code`.",
         "<p>Hello <em>world</em> and <strong>bold</strong> and <code>code</code>.</p>\n"),
        ("## The cost", "<h2 id=\"the-cost\">The cost</h2>\n"),
        ("## Cost\n\n### Cost", "<h2 id=\"cost\">Cost</h2>\n<h3 id=\"cost-2\">Cost</h3>\n"),
        ("one\ntwo\n\nthree", "<p>one\ntwo</p>\n<p>three</p>\n"),
        ("snake_case and _em_", "<p>snake_case and <em>em</em></p>\n"),
        ("a * b * c", "<p>a * b * c</p>\n"),
        ("**bold with *em* inside**", "<p><strong>bold with <em>em</em> inside</strong></p>\n"),
        ("\\*not em\\* and \\$5", "<p>*not em* and $5</p>\n"),
        ("`a*b*c`", "<p><code>a*b*c</code></p>\n"),
        ("``code with ` tick``", "<p><code>code with ` tick</code></p>\n"),
        ("[next](b.html) and [site](https://example.org/x?a=1&b=2)",
         "<p><a href=\"b.html\">next</a> and <a href=\"https://example.org/x?a=1&amp;b=2\">site</a></p>\n"),
        ("- one\n- two *em*", "<ul>\n<li>one</li>\n<li>two <em>em</em></li>\n</ul>\n"),
        ("1. first\n2. second", "<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n"),
        ("3. third\n4. fourth", "<ol start=\"3\">\n<li>third</li>\n<li>fourth</li>\n</ol>\n"),
        ("- outer\n  - inner\n- next",
         "<ul>\n<li>outer<ul>\n<li>inner</li>\n</ul>\n</li>\n<li>next</li>\n</ul>\n"),
        ("- item\n  continued", "<ul>\n<li>item\ncontinued</li>\n</ul>\n"),
        ("> quoted *text*", "<blockquote>\n<p>quoted <em>text</em></p>\n</blockquote>\n"),
        ("```swift\nlet x = a < b && c\n    indented\n```",
         "<pre><code class=\"language-swift\">let x = a &lt; b &amp;&amp; c\n    indented</code></pre>\n"),
        ("| a | b |\n|---|--:|\n| 1 | $x$ |",
         "<div class=\"table-scroll\"><table>\n<thead>\n<tr><th scope=\"col\">a</th><th scope=\"col\" style=\"text-align: right\">b</th></tr>\n</thead>\n<tbody>\n<tr><td>1</td><td style=\"text-align: right\"><math><mi>x</mi></math></td></tr>\n</tbody>\n</table>\n</div>\n"),
        ("| code | math |\n|---|---|\n| `a|b` | $|x|$ |",
         "<div class=\"table-scroll\"><table>\n<thead>\n<tr><th scope=\"col\">code</th><th scope=\"col\">math</th></tr>\n</thead>\n<tbody>\n<tr><td><code>a|b</code></td><td><math><mo stretchy=\"false\">|</mo><mi>x</mi><mo stretchy=\"false\">|</mo></math></td></tr>\n</tbody>\n</table>\n</div>\n"),
        ("Inline $x^2$ math.", "<p>Inline <math><msup><mi>x</mi><mn>2</mn></msup></math> math.</p>\n"),
        ("Ends with $x$.", "<p>Ends with <span class=\"nowrap\"><math><mi>x</mi></math>.</span></p>\n"),
        ("$$x = 1$$", "<div class=\"equation\"><math display=\"block\"><mi>x</mi><mo>=</mo><mn>1</mn></math></div>\n"),
        ("$$\nx\n= 1\n$$", "<div class=\"equation\"><math display=\"block\"><mi>x</mi><mo>=</mo><mn>1</mn></math></div>\n"),
        ("<b>not html</b> & more", "<p>&lt;b&gt;not html&lt;/b&gt; &amp; more</p>\n"),
        ("text\n{{figure cost-contour}}\n{{table parameters}}\n{{code gradient-step}}",
         "<p>text</p>\n[figure cost-contour]\n[table parameters]\n[code gradient-step]\n"),
    ]

    @Test(arguments: cases)
    func rendersMarkdown(markdown: String, html expected: String) throws {
        let actual = try html(markdown)
        #expect(actual == expected)
    }

    static let errors: [(markdown: String, line: Int, message: String)] = [
        ("# Title", 1, "use ## for sections: the chapter's title is the page's only # heading"),
        ("ok\n\nprice $5", 3, "unclosed math: '$' without its closing partner (write \\$ for a dollar sign)"),
        ("line one\nline two $\\alpah$", 2, "unknown TeX command \\alpah in $\\alpah$"),
        ("$$\n\\frac{1}{2}\n\\foo\n$$", 3, "unknown TeX command \\foo in $$\n\\frac{1}{2}\n\\foo\n$$"),
        ("```\nnever closed", 1, "a code fence ``` that is never closed"),
        ("{{picture x}}", 1, "unknown placeholder '{{picture x}}'; use {{figure STEM}}, {{table NAME}} or {{code NAME}}"),
        ("{{figure Cost_Contour}}", 1, "'Cost_Contour' is not a valid figure name (lowercase letters, digits and single hyphens)"),
        ("- item\n\n  {{figure x}}", 3, "placeholders must stand on their own line outside lists and quotes"),
        ("[x](javascript:alert(1))", 1, "links may use http, https or mailto, not 'javascript:'"),
        ("| a | b |\n|---|---|\n| 1 |", 3, "this table row has 1 cells but the header has 2"),
    ]

    @Test(arguments: errors)
    func reportsErrorsWithLine(markdown: String, line: Int, message: String) {
        let error = proseError(markdown)
        #expect(error == ProseError(file: "test.md", line: line, message: message))
    }

    @Test func errorDescriptionNamesFileAndLine() {
        let error = ProseError(file: "chapters/linear-regression.md", line: 14, message: "unknown TeX command \\alpah")
        #expect(error.description == "chapters/linear-regression.md:14: unknown TeX command \\alpah")
    }

    /// The dialect's own guide is written in the dialect, so it must parse.
    @Test func formatGuideParses() throws {
        let url = try #require(ProseLibrary.chaptersFolder?.appendingPathComponent("FORMAT.md"))
        let text = try String(contentsOf: url, encoding: .utf8)
        // FORMAT.md starts with a # title (it is a README, not a chapter); skip that line.
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        let blocks = try MarkdownBlocks.parse(body, file: "FORMAT.md")
        #expect(blocks.count > 10)
    }

    /// Every chapter file belongs to a planned chapter; FORMAT.md is the only other file.
    @Test func chapterFilesAreNamedAfterChapters() throws {
        let folder = try #require(ProseLibrary.chaptersFolder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for file in files where file != "FORMAT.md" {
            #expect(file.hasSuffix(".md"))
            #expect(ChapterRegistry.plannedIDs.contains(String(file.dropLast(3))), "\(file) is not a chapter id")
        }
        // Every registered chapter has its prose.
        for chapter in ChapterRegistry.standard.chapters {
            #expect(files.contains("\(chapter.id).md"))
        }
    }
}

import Foundation
