import Testing
@testable import Report

/// The MathML string for `tex`, inline or display.
private func mathML(_ tex: String, display: Bool = false) throws -> String {
    HTMLSerializer.fragment([try TeXToMathML.translate(tex, display: display)])
}

@Suite struct TeXToMathMLTests {
    static let inlineCases: [(tex: String, mathML: String)] = [
        ("x", "<mi>x</mi>"),
        ("3.14", "<mn>3.14</mn>"),
        ("x + 1 = y", "<mi>x</mi><mo>+</mo><mn>1</mn><mo>=</mo><mi>y</mi>"),
        ("a - b", "<mi>a</mi><mo>−</mo><mi>b</mi>"),
        ("x^2", "<msup><mi>x</mi><mn>2</mn></msup>"),
        ("x^23", "<msup><mi>x</mi><mn>2</mn></msup><mn>3</mn>"),
        ("x_i", "<msub><mi>x</mi><mi>i</mi></msub>"),
        ("x_{i,j}^{(k)}",
         "<msubsup><mi>x</mi><mrow><mi>i</mi><mo>,</mo><mi>j</mi></mrow><mrow><mo stretchy=\"false\">(</mo><mi>k</mi><mo stretchy=\"false\">)</mo></mrow></msubsup>"),
        ("x^{(i)}_j", "<msubsup><mi>x</mi><mi>j</mi><mrow><mo stretchy=\"false\">(</mo><mi>i</mi><mo stretchy=\"false\">)</mo></mrow></msubsup>"),
        ("f'(x)", "<mi>f</mi><mo>′</mo><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo>"),
        ("f''_i", "<msub><mi>f</mi><mi>i</mi></msub><mo>′′</mo>"),
        ("\\frac{1}{2m}", "<mfrac><mn>1</mn><mrow><mn>2</mn><mi>m</mi></mrow></mfrac>"),
        ("\\sqrt{x}", "<msqrt><mi>x</mi></msqrt>"),
        ("\\sqrt[3]{x}", "<mroot><mi>x</mi><mn>3</mn></mroot>"),
        ("\\sum_{i=1}^{m} x_i",
         "<msubsup><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>m</mi></msubsup><msub><mi>x</mi><mi>i</mi></msub>"),
        ("\\alpha \\Omega", "<mi>α</mi><mi mathvariant=\"normal\">Ω</mi>"),
        ("\\partial J", "<mi>∂</mi><mi>J</mi>"),
        ("\\nabla J", "<mi mathvariant=\"normal\">∇</mi><mi>J</mi>"),
        ("a \\cdot b \\times c", "<mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi>"),
        ("a \\le b \\ge c \\ne d \\approx e",
         "<mi>a</mi><mo>≤</mo><mi>b</mi><mo>≥</mo><mi>c</mi><mo>≠</mo><mi>d</mi><mo>≈</mo><mi>e</mi>"),
        ("\\log x", "<mi>log</mi><mo rspace=\"0.1667em\">\u{2061}</mo><mi>x</mi>"),
        ("y \\log f", "<mi>y</mi><mspace width=\"0.1667em\" /><mi>log</mi><mo rspace=\"0.1667em\">\u{2061}</mo><mi>f</mi>"),
        ("a = \\log(x)", "<mi>a</mi><mo>=</mo><mi>log</mi><mo>\u{2061}</mo><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo>"),
        ("\\exp(z)", "<mi>exp</mi><mo>\u{2061}</mo><mo stretchy=\"false\">(</mo><mi>z</mi><mo stretchy=\"false\">)</mo>"),
        ("\\ln 2", "<mi>ln</mi><mo rspace=\"0.1667em\">\u{2061}</mo><mn>2</mn>"),
        ("\\max_w J", "<msub><mi>max</mi><mi>w</mi></msub><mo rspace=\"0.1667em\">\u{2061}</mo><mi>J</mi>"),
        ("\\left( \\frac{a}{b} \\right)",
         "<mrow><mo>(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo>)</mo></mrow>"),
        ("\\left. x \\right|", "<mrow><mi>x</mi><mo>|</mo></mrow>"),
        ("[0, 1]", "<mo stretchy=\"false\">[</mo><mn>0</mn><mo>,</mo><mn>1</mn><mo stretchy=\"false\">]</mo>"),
        ("\\|w\\|", "<mo stretchy=\"false\">‖</mo><mi>w</mi><mo stretchy=\"false\">‖</mo>"),
        ("\\mathbf{w}", "<mi>𝐰</mi>"),
        ("\\mathbf{x}^{(i)}", "<msup><mi>𝐱</mi><mrow><mo stretchy=\"false\">(</mo><mi>i</mi><mo stretchy=\"false\">)</mo></mrow></msup>"),
        ("\\mathbf{X}^\\top", "<msup><mi>𝐗</mi><mo>⊤</mo></msup>"),
        ("\\boldsymbol{\\theta}", "<mi>𝜽</mi>"),
        ("\\mathbb{R}^n", "<msup><mi>ℝ</mi><mi>n</mi></msup>"),
        ("\\mathrm{d}x", "<mi mathvariant=\"normal\">d</mi><mi>x</mi>"),
        ("\\hat{y}", "<mover accent=\"true\"><mi>y</mi><mo stretchy=\"false\">^</mo></mover>"),
        ("\\bar{x}", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">¯</mo></mover>"),
        ("\\vec{v}", "<mover accent=\"true\"><mi>v</mi><mo stretchy=\"false\">→</mo></mover>"),
        ("\\text{if } x > 0", "<mtext>if </mtext><mi>x</mi><mo>&gt;</mo><mn>0</mn>"),
        ("a < b", "<mi>a</mi><mo>&lt;</mo><mi>b</mi>"),
        ("a \\quad b", "<mi>a</mi><mspace width=\"1em\" /><mi>b</mi>"),
        ("a\\,b", "<mi>a</mi><mspace width=\"0.1667em\" /><mi>b</mi>"),
        ("w := w - \\alpha \\frac{\\partial J}{\\partial w}",
         "<mi>w</mi><mo>:</mo><mo>=</mo><mi>w</mi><mo>−</mo><mi>α</mi><mfrac><mrow><mi>∂</mi><mi>J</mi></mrow><mrow><mi>∂</mi><mi>w</mi></mrow></mfrac>"),
        ("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}",
         "<mrow><mo>(</mo><mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable><mo>)</mo></mrow>"),
        ("|x| = \\begin{cases} x & x \\ge 0 \\\\ -x & x < 0 \\end{cases}",
         "<mo stretchy=\"false\">|</mo><mi>x</mi><mo stretchy=\"false\">|</mo><mo>=</mo><mrow><mo>{</mo><mtable columnalign=\"left left\"><mtr><mtd style=\"text-align: left\"><mi>x</mi></mtd><mtd style=\"text-align: left\"><mi>x</mi><mo>≥</mo><mn>0</mn></mtd></mtr><mtr><mtd style=\"text-align: left\"><mo>−</mo><mi>x</mi></mtd><mtd style=\"text-align: left\"><mi>x</mi><mo>&lt;</mo><mn>0</mn></mtd></mtr></mtable></mrow>"),
        ("e^{-z}", "<msup><mi>e</mi><mrow><mo>−</mo><mi>z</mi></mrow></msup>"),
        ("\\operatorname{MSE}", "<mi>MSE</mi><mo>\u{2061}</mo>"),
    ]

    @Test(arguments: inlineCases)
    func translatesInlineMath(tex: String, mathML expected: String) throws {
        #expect(try mathML(tex) == "<math>" + expected + "</math>")
    }

    static let displayCases: [(tex: String, mathML: String)] = [
        ("\\sum_{i=1}^{m} x_i",
         "<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>m</mi></munderover><msub><mi>x</mi><mi>i</mi></msub>"),
        ("\\prod_{j} p_j", "<munder><mo>∏</mo><mi>j</mi></munder><msub><mi>p</mi><mi>j</mi></msub>"),
        ("\\max_{w} J", "<munder><mi>max</mi><mi>w</mi></munder><mo rspace=\"0.1667em\">\u{2061}</mo><mi>J</mi>"),
        ("\\int_0^1 f", "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup><mi>f</mi>"),
        ("\\begin{aligned} a &= b \\\\ &\\le c \\end{aligned}",
         "<mtable columnalign=\"right left\" displaystyle=\"true\"><mtr><mtd style=\"text-align: right; padding-right: 0\"><mi>a</mi></mtd><mtd style=\"text-align: left; padding-left: 0\"><mo>=</mo><mi>b</mi></mtd></mtr><mtr><mtd style=\"text-align: right; padding-right: 0\"></mtd><mtd style=\"text-align: left; padding-left: 0\"><mo>≤</mo><mi>c</mi></mtd></mtr></mtable>"),
    ]

    @Test(arguments: displayCases)
    func translatesDisplayMath(tex: String, mathML expected: String) throws {
        #expect(try mathML(tex, display: true) == "<math display=\"block\">" + expected + "</math>")
    }

    static let errorCases: [(tex: String, message: String)] = [
        ("\\alpah", "unknown TeX command \\alpah"),
        ("{x", "unbalanced braces: '{' without a matching '}'"),
        ("x}", "unbalanced braces: '}' without a matching '{'"),
        ("\\frac{1}", "\\frac needs an argument"),
        ("x^2^3", "double superscript; use braces, e.g. x^{ab}"),
        ("a & b", "'&' outside a matrix, cases or aligned environment"),
        ("\\left( x", "\\left without a matching \\right"),
        ("x \\right)", "\\right without a matching \\left"),
        ("\\begin{foo} x \\end{foo}", "unknown environment 'foo' (use matrix, pmatrix, bmatrix, vmatrix, cases or aligned)"),
        ("\\begin{matrix} x \\end{pmatrix}", "\\begin{matrix} ended by \\end{pmatrix}"),
        ("\\mathbf{+}", "\\mathbf takes letters, digits and Greek letters, not '+'"),
        ("\\text x", "\\text needs a braced argument, e.g. \\text{...}"),
        ("50%", "the character '%' cannot appear in math unescaped; write \\%"),
    ]

    @Test(arguments: errorCases)
    func rejectsBadTeX(tex: String, message: String) {
        #expect(throws: TeXError.self) { try mathML(tex) }
        do {
            _ = try mathML(tex)
        } catch let error as TeXError {
            #expect(error.message == message)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func reportsWhereTheUnknownCommandIs() throws {
        do {
            _ = try mathML("a + \\foo")
            Issue.record("expected an error")
        } catch let error as TeXError {
            #expect(error.offset == 4)
        }
    }
}
