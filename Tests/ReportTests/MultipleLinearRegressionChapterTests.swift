import Foundation
import Models
import Testing
@testable import Report

/// Chapter 2: gradient descent on the raw house features with α = 5e-7.
@Suite struct MultipleLinearRegressionChapterTests {
    @Test func costFallsEveryStepButStaysFarFromTheMinimum() throws {
        let run = try RawHousesExperiment()
        let history = run.descent.history
        #expect(run.features.rows == 99 && run.features.columns == 4)
        #expect(history.stopReason == .completed)
        #expect(history.costs.count == RawHousesExperiment.iterations + 1)
        for (before, after) in zip(history.costs, history.costs.dropFirst()) { #expect(after < before) }
        // Still falling at the end, and still far above the least-squares cost (measured 1432 vs 219).
        let tail = history.costs.suffix(2)
        #expect(tail.last! < tail.first!)
        let minimum = try LinearRegression.cost(run.features, run.price, weights: run.exact.weights, bias: run.exact.bias)
        #expect(history.finalCost > 5 * minimum)
        // Size, the large feature, is learned first; the small features have hardly moved.
        #expect(abs(run.descent.weights[0] - run.exact.weights[0]) < 0.05 * abs(run.exact.weights[0]))
        #expect(abs(run.descent.weights[1]) < 0.01 * abs(run.exact.weights[1]))
        #expect(abs(run.descent.weights[2]) < 0.01 * abs(run.exact.weights[2]))
    }

    @Test func normalEquationMatchesTheFixture() throws {
        let run = try RawHousesExperiment()
        let reference = try SklearnReference.shared()
        let coef = try reference.numbers("experiments", "houses", "linear_raw", "coef")
        let intercept = try reference.number("experiments", "houses", "linear_raw", "intercept")
        for (ours, theirs) in zip(run.exact.weights, coef) { #expect(abs(ours - theirs) < 1e-8 * max(1, abs(theirs))) }
        #expect(abs(run.exact.bias - intercept) < 1e-7)
    }

    @Test func tableAndFiguresAreComplete() throws {
        let page = try MultipleLinearRegressionChapter().build(testContext())
        #expect(page.figures.map(\.stem) == ["features-vs-price", "cost-vs-iteration", "target-vs-prediction"])
        #expect(page.code.map(\.name) == ["linear-scores", "linear-gradient"])
        let table = try #require(page.tables.first)
        #expect(table.rows.count == 8)
        // The normal equation's column equals scikit-learn's to the digits shown.
        for row in table.rows { #expect(row[2] == row[3], "\(row[0])") }
        try expectFiguresRender(page.figures)
    }

    @Test(arguments: [(5e-7, "5 × 10⁻⁷", "5 \\times 10^{-7}"), (0.02, "2 × 10⁻²", "2 \\times 10^{-2}"), (3, "3", "3")])
    func learningRatesPrintAsPowersOfTen(value: Double, label: String, tex: String) {
        #expect(MultipleLinearRegressionFigures.powerOfTen(value) == label)
        #expect(MultipleLinearRegressionFigures.powerOfTen(value, tex: true) == tex)
    }
}
