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
        let registry = try ChapterRegistry([DemoLinesChapter(), DemoPointsChapter(), MathGalleryChapter()])
        let run = try runReport(["--all", "--format", "png,svg,pdf", "-o", try #require(Self.output)], registry: registry)
        #expect(run.exitCode == ReportExitCode.success, "\(run.errors)")
    }
}

/// A page of formulas using every TeX construct the translator knows, to check the rendering by eye.
struct MathGalleryChapter: Chapter {
    let id = "math-gallery"
    let number = 3
    let title = "Demo: the math the prose can use"
    let summary = "Every TeX construct of the prose format, rendered as MathML."

    static let prose = #"""
        ## Models and costs

        Linear: $f_{\mathbf{w},b}(\mathbf{x}) = \mathbf{w} \cdot \mathbf{x} + b$, logistic:
        $g(z) = \frac{1}{1 + e^{-z}}$, with $\mathbf{x} \in \mathbb{R}^n$ and $\hat{y} \approx y$.

        $$J(\mathbf{w}, b) = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log f(\mathbf{x}^{(i)}) + (1 - y^{(i)}) \log\left(1 - f(\mathbf{x}^{(i)})\right) \right] + \frac{\lambda}{2m} \sum_{j=1}^{n} w_j^2$$

        $$\frac{\partial J}{\partial w_j} = \frac{1}{m} \sum_{i=1}^{m} \left( f(\mathbf{x}^{(i)}) - y^{(i)} \right) x_j^{(i)} \qquad \nabla J = \frac{1}{m} \mathbf{X}^\top (\mathbf{X}\mathbf{w} - \mathbf{y})$$

        $$\mathbf{w} = (\mathbf{X}^\top \mathbf{X})^{-1} \mathbf{X}^\top \mathbf{y}, \quad \|\mathbf{w}\|_2 = \sqrt{\sum_j w_j^2}, \quad \sqrt[3]{8} = 2$$

        ## Structures

        $$\operatorname{sign}(x) = \begin{cases} 1 & x > 0 \\ 0 & x = 0 \\ -1 & x < 0 \end{cases} \qquad \mathbf{A} = \begin{pmatrix} a_{11} & a_{12} \\ a_{21} & a_{22} \end{pmatrix} \qquad \begin{vmatrix} a & b \\ c & d \end{vmatrix} = ad - bc$$

        $$\begin{aligned} \sigma'(z) &= \sigma(z) \left(1 - \sigma(z)\right) \\ &\le \frac{1}{4} \end{aligned} \qquad \argmin_{\mathbf{w}} \, \|\mathbf{X}\mathbf{w} - \mathbf{y}\|^2 \qquad \prod_{k=1}^{K} p_k^{y_k}$$

        Inline sums stay small: $\sum_{i=1}^m x_i$, $\max_k z_k$, $\bar{x} = \frac{1}{m}\sum x_i$,
        $\vec{v}$, $\tilde{x}$, $\alpha, \beta, \gamma, \Delta, \Sigma, \Omega$, $\ln 2 \approx 0.693$,
        $a \times b$, $x \ge 0 \ne y$, $\text{accuracy} = \frac{TP + TN}{m}$, and $\exp(-\|x - x'\|^2 / 2\sigma^2)$.
        """#

    func build(_ context: ChapterContext) throws -> ChapterPage {
        ChapterPage(prose: .inline(markdown: Self.prose, file: "chapters/math-gallery.md"))
    }
}
