import Foundation
import Models
import Testing
@testable import Report

/// Chapter 1: the runs behind its figures give the right numbers, and every figure renders.
@Suite struct LinearRegressionChapterTests {
    /// Gradient descent with α = 0.02 for 3000 steps lands within 1e-4 of scikit-learn's least-squares
    /// line (measured: |Δw| ≈ 8e-6, |Δb| ≈ 8e-5); the normal equation agrees to 1e-9.
    @Test func foodTruckDescentConvergesToTheReferenceLine() throws {
        let run = try FoodTruckExperiment()
        let reference = try SklearnReference.shared()
        let coef = try reference.numbers("experiments", "ex1data1", "coef")[0]
        let intercept = try reference.number("experiments", "ex1data1", "intercept")
        #expect(run.population.count == 97)
        #expect(abs(run.w - coef) < 1e-4)
        #expect(abs(run.b - intercept) < 1e-4)
        #expect(abs(run.exact.weights[0] - coef) < 1e-9)
        #expect(abs(run.exact.bias - intercept) < 1e-9)
        let history = run.descent.history
        #expect(history.stopReason == .completed)
        #expect(history.stepsRun == FoodTruckExperiment.iterations)
        // Below the stable limit every step lowers the cost.
        for (before, after) in zip(history.costs, history.costs.dropFirst()) { #expect(after <= before) }
        let mse = try reference.number("experiments", "ex1data1", "mse")
        #expect(abs(history.finalCost - mse / 2) < 1e-8)
    }

    /// The tangent slopes drawn in the figure are the gradient: they match a central difference of J,
    /// and vanish at the learned w.
    @Test(arguments: [-0.5, 0.4, 2.0, 2.8])
    func tangentSlopeIsTheDerivativeOfTheCost(w: Double) throws {
        let run = try FoodTruckExperiment()
        let h = 1e-5
        let numeric = (run.cost(w: w + h, b: run.b) - run.cost(w: w - h, b: run.b)) / (2 * h)
        let slope = try run.slope(w: w, b: run.b)
        #expect(abs(slope - numeric) < 1e-5 * max(1, abs(slope)))
        #expect(abs(try run.slope(w: run.w, b: run.b)) < 1e-3)
    }

    /// The expanded-square cost used for the contour grid equals the model's own cost function.
    @Test(arguments: [(0.0, 0.0), (1.193, -3.896), (-0.5, 3.0), (2.0, -7.0)])
    func gridCostIsTheModelsCost(w: Double, b: Double) throws {
        let run = try FoodTruckExperiment()
        let model = try LinearRegression.cost(run.features, run.profit, weights: [w], bias: b)
        #expect(abs(run.gridCost(w: w, b: b) - model) < 1e-12 * max(1, model))
    }

    /// α = 0.8 on the two-house toy: the parameters flip sign and grow, the cost rises at every step,
    /// and training stops as diverged when the cost passes 1000 times its start (at step 7).
    @Test func tooLargeLearningRateDivergesOnTheToy() throws {
        let toy = try TwoHouseToyExperiment()
        let history = toy.run.history
        #expect(history.diverged)
        let divergence = try #require(history.divergence)
        #expect(divergence.step == 7)
        #expect(divergence.reason == .costExploded(factor: 1e3))
        #expect(history.costs[0] == 85_000)
        for (before, after) in zip(history.costs, history.costs.dropFirst()) { #expect(after > 2.5 * before) }
        let ws = history.path.map { $0.weights[0] }
        #expect(ws.count == 8)
        #expect(ws[1] == 520 && abs(ws[2] - -384) < 1e-9)
        // Every step lands on the other side (w changes sign), and from step 2 on each jump is longer.
        for (a, b) in zip(ws.dropFirst(), ws.dropFirst(2)) { #expect(a * b < 0) }
        for (a, b) in zip(ws.dropFirst(2), ws.dropFirst(3)) { #expect(abs(b) > abs(a)) }
        // The same data with a rate just below the stable limit (about 0.58) reaches the exact answer.
        let safe = try LinearRegression(learningRate: 0.5, iterations: 2000).fit(toy.features, TwoHouseToyExperiment.prices)
        #expect(abs(safe.weights[0] - 200) < 1e-6 && abs(safe.bias - 100) < 1e-6)
    }

    @Test func tablesCompareWithTheFixture() throws {
        let page = try LinearRegressionChapter().build(testContext())
        let table = try #require(page.tables.first { $0.name == "parameters" })
        #expect(table.comparison == .init(ours: 1, reference: 3))
        let reference = try SklearnReference.shared()
        let coef = try reference.numbers("experiments", "ex1data1", "coef")[0]
        #expect(table.rows[0][3] == TableNumber.significant(coef, digits: 7))
        // Gradient descent, normal equation and scikit-learn agree on R² to the digits shown.
        #expect(Set(table.rows[3][1...3]).count == 1)
        let unsquared = try #require(page.tables.first { $0.name == "unsquared-error" })
        #expect(unsquared.rows.map { $0[4] } == ["0.00", "0.00", "-105.84"])
        let divergence = try #require(page.tables.first { $0.name == "toy-divergence" })
        #expect(divergence.rows.count == 8)
    }

    @Test func everyFigureRendersAsAPNG() throws {
        let page = try LinearRegressionChapter().build(testContext())
        #expect(page.figures.map(\.stem) == ["data-and-fit", "cost-vs-w-tangents", "cost-vs-iteration", "cost-contour",
                                             "learning-rate-too-large"])
        #expect(page.code.map(\.name) == ["linear-cost", "linear-gradient", "gradient-descent-update"])
        try expectFiguresRender(page.figures)
    }
}

/// A context like the command line's defaults, with excerpts scanned once per test process and only
/// from Sources/Models, where the chapters' excerpts live (scanning all sources is slow in debug).
func testContext() -> ChapterContext {
    ChapterContext(seed: 42, formats: [.png], scale: 1, excerpts: modelExcerpts)
}

private let modelExcerpts = SourceExcerpts(scanning: URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/Models"))

/// Renders every figure to PNG in a temporary folder and checks the files (and writes them for
/// inspection when `REPORT_TEST_FIGURES` is set).
func expectFiguresRender(_ figures: [ChapterFigure], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for figure in figures {
        let url = folder.url.appendingPathComponent("\(figure.stem).png")
        try figure.render(url, .png, 1)
        let data = try Data(contentsOf: url)
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(figure.stem)",
                sourceLocation: sourceLocation)
        #expect(data.count > 10_000, "\(figure.stem) is suspiciously small", sourceLocation: sourceLocation)
        #expect(!figure.altText.isEmpty && !figure.caption.isEmpty, sourceLocation: sourceLocation)
        try writeForInspection(data, name: figure.stem)
    }
}
