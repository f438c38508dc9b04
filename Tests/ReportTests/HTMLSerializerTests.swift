import Foundation
import Testing
@testable import Report

@Suite struct HTMLSerializerTests {
    @Test func escapesTextAndAttributes() {
        let node = HTMLNode.element("p", ["title": "a \"quoted\" 'title' & <tag>"], [.text("<script>alert('x') & \"y\"</script>")])
        #expect(HTMLSerializer.fragment([node])
                == "<p title=\"a &quot;quoted&quot; &#39;title&#39; &amp; &lt;tag&gt;\">&lt;script&gt;alert('x') &amp; \"y\"&lt;/script&gt;</p>\n")
    }

    @Test func replacesCharactersXMLForbids() {
        #expect(HTMLSerializer.escapeText("a\u{0}b\u{1B}c\td\ne") == "a\u{FFFD}b\u{FFFD}c\td\ne")
    }

    @Test func writesVoidElementsSelfClosed() {
        let node = HTMLNode.element("img", ["src": "a.png", "alt": ""])
        #expect(HTMLSerializer.fragment([node]) == "<img src=\"a.png\" alt=\"\" />")
    }

    @Test func documentStartsWithDoctype() {
        let page = HTMLSerializer.document(.element("html", ["lang": "en"], [.element("body")]))
        #expect(page == "<!DOCTYPE html>\n<html lang=\"en\">\n<body>\n</body>\n</html>\n")
    }

    /// A caption with markup, quotes and ampersands reaches the page as text, never as markup.
    @Test func captionIsEscapedOnThePage() throws {
        let figure = PlacedFigure(chapterID: "demo", stem: "x", label: "1.1",
                                  caption: try MarkdownInline.parse("<script>alert(\"hi\")</script> & 'quotes'", file: "t", firstLine: 1),
                                  altText: "a \"quoted\" <alt>", width: 10, height: 5,
                                  files: [(.png, "demo/x.png"), (.svg, "demo/x.svg")])
        let html = HTMLSerializer.fragment([PageComponents.figure(figure)])
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(\"hi\")&lt;/script&gt; &amp; 'quotes'"))
        #expect(html.contains("alt=\"a &quot;quoted&quot; &lt;alt&gt;\""))
        #expect(html.contains("<a href=\"demo/x.svg\">SVG</a>"))
        #expect(html.contains("width=\"10\" height=\"5\""))
    }
}
