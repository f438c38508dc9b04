import Foundation
@testable import Plot
import Testing
@testable import Report

/// The shared cost-contour builder: grid, path thinning, markers and a valid rendering.
@Suite struct CostContourFigureTests {
    /// The two-house toy: J(w, b) = 1/4 ((w + b - 300)^2 + (2w + b - 500)^2), minimum at (200, 100).
    static func toyCost(_ w: Double, _ b: Double) -> Double {
        let e1 = 1 * w + b - 300, e2 = 2 * w + b - 500
        return (e1 * e1 + e2 * e2) / 4
    }

    static func toyPath(rate: Double, steps: Int) -> [Point] {
        var (w, b) = (0.0, 0.0)
        var points = [Point(w, b)]
        for _ in 0..<steps {
            let e1 = w + b - 300, e2 = 2 * w + b - 500
            let dw = (e1 * 1 + e2 * 2) / 2, db = (e1 + e2) / 2
            w -= rate * dw
            b -= rate * db
            points.append(Point(w, b))
        }
        return points
    }

    @Test func gridHoldsTheCostAtEveryPoint() {
        let figure = CostContourFigure(xLabel: "w", yLabel: "b", x: 0...400, y: -200...400, paths: [],
                                       resolution: 41, cost: Self.toyCost)
        #expect(figure.grid.xs.count == 41 && figure.grid.ys.count == 41)
        #expect(figure.grid.xs[20] == 200 && figure.grid.ys[20] == 100)
        #expect(figure.grid[20, 20] == 0)
        #expect(abs(figure.grid[0, 0] - Self.toyCost(0, -200)) < 1e-9)
    }

    @Test(arguments: [1, 500, 100_000])
    func resolutionIsClamped(requested: Int) {
        let figure = CostContourFigure(xLabel: "w", yLabel: "b", x: 0...1, y: 0...1, paths: [],
                                       resolution: requested) { $0 + $1 }
        #expect(figure.grid.xs.count == min(max(requested, 2), 300))
    }

    @Test func thinningDropsCrowdedDotsButKeepsBothEnds() {
        let figure = CostContourFigure(xLabel: "w", yLabel: "b", x: 0...1, y: 0...1, paths: [],
                                       resolution: 2, minimumDotSpacing: 0.1) { $0 + $1 }
        let points = (0...100).map { Point(Double($0) / 100, 0) }
        let kept = figure.thinned(points)
        #expect(kept.first == points.first && kept.last == points.last)
        #expect(kept.count == 11)
        for (a, b) in zip(kept, kept.dropFirst().dropLast()) { #expect(b.x - a.x >= 0.1 - 1e-12) }
    }

    @Test func onePathGetsStartEndAndMinimumInTheLegend() throws {
        let contour = CostContourFigure(xLabel: "w", yLabel: "b", x: 0...400, y: -200...400,
                                        paths: [.init(label: "α = 0.1", points: Self.toyPath(rate: 0.1, steps: 200))],
                                        minimum: Point(200, 100), colorBarLabel: "J(w, b)", cost: Self.toyCost)
        let labels = contour.panel.marks.compactMap { $0.label }
        #expect(labels == ["α = 0.1", "start", "end (step 200)", "minimum"])
        let png = try contour.figure().pngData()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        try writeForInspection(png, name: "cost-contour-one-path")
    }

    @Test func numberedStepsWriteTheirIndexBesideTheFirstSteps() {
        let contour = CostContourFigure(xLabel: "w", yLabel: "b", x: 0...400, y: -200...400,
                                        paths: [.init(label: "α = 0.1", points: Self.toyPath(rate: 0.1, steps: 50),
                                                      numberedSteps: 3)],
                                        cost: Self.toyCost)
        let texts = contour.panel.marks.compactMap { mark -> String? in
            if case .text(let spec) = mark.kind { return spec.text }
            return nil
        }
        #expect(texts == ["1", "2", "3"])
    }

    @Test func severalPathsShareNeutralStartAndEndEntries() throws {
        let paths = [0.05, 0.3, 0.62].map { rate in
            CostContourFigure.DescentPath(label: "α = \(rate)", points: Self.toyPath(rate: rate, steps: 60))
        }
        let contour = CostContourFigure(xLabel: "w", yLabel: "b", x: -50...450, y: -250...450, paths: paths,
                                        minimum: Point(200, 100), cost: Self.toyCost)
        let labels = contour.panel.marks.compactMap { $0.label }
        #expect(labels == ["α = 0.05", "α = 0.3", "α = 0.62", "start", "end", "minimum"])
        let png = try contour.figure().pngData()
        #expect(png.count > 1000)
        try writeForInspection(png, name: "cost-contour-three-paths")
    }
}

/// Writes `data` to `$REPORT_TEST_FIGURES/<name>.png` when that variable is set, so a person can
/// look at what a test rendered; does nothing otherwise.
func writeForInspection(_ data: Data, name: String) throws {
    guard let folder = ProcessInfo.processInfo.environment["REPORT_TEST_FIGURES"] else { return }
    try data.write(to: URL(fileURLWithPath: folder).appendingPathComponent("\(name).png"))
}

/// Levels of a bowl and the start-and-tail cost figure.
@Suite struct CostFigureHelperTests {
    @Test func bowlLevelsCrowdTheFloorAndStayInsideTheRange() {
        // A bowl whose minimum (4.5) is far from zero, like the food-truck cost.
        let grid = Sampling.grid(x: -1...1, y: -1...1, nx: 81, ny: 81) { x, y in 4.5 + 100 * (x * x + y * y) }
        let levels = CostContourFigure.bowlLevels(grid, count: 12)
        #expect(levels.count == 12)
        #expect(levels.first! > 4.5 && levels.last! < 204.5)
        for (a, b) in zip(levels, levels.dropFirst()) { #expect(b > a) }
        // Gaps above the floor grow roughly geometrically (ratio 10^(3.5/12) ≈ 1.96).
        let gaps = zip(levels, levels.dropFirst()).map { $1 - $0 }
        #expect(gaps.last! > 100 * gaps.first!)
        // Short labels: two significant digits of the height above the floor.
        #expect(levels[0] == 4.563)  // 4.5 + 200 × 10^-3.5 ≈ 4.5632
    }

    @Test func bowlLevelsOfAFlatOrEmptyGridAreEmpty() {
        let flat = Sampling.grid(x: 0...1, y: 0...1, nx: 3, ny: 3) { _, _ in 2 }
        #expect(CostContourFigure.bowlLevels(flat, count: 10).isEmpty)
        let broken = Sampling.grid(x: 0...1, y: 0...1, nx: 3, ny: 3) { _, _ in .nan }
        #expect(CostContourFigure.bowlLevels(broken, count: 10).isEmpty)
    }

    @Test func startAndTailSplitTheIterations() throws {
        let costs = (0...500).map { 1 + 100 / Double($0 + 1) }
        let figure = CostCurveStartAndTailFigure(costs: costs, split: 100, costLabel: "J", title: "run").figure()
        #expect(figure.panels.count == 2)
        #expect(figure.panels.map(\.title) == ["iterations 0–100", "iterations 100–500 (the tail, zoomed in)"])
        #expect(try figure.pngData().count > 10_000)
        let short = CostCurveStartAndTailFigure(costs: Array(costs.prefix(50)), costLabel: "J").figure()
        #expect(short.panels.count == 1)
    }

    @Test func anEmptyRunIsATypedErrorNotACrash() {
        let figure = CostCurveStartAndTailFigure(costs: [], costLabel: "J").figure()
        #expect(throws: PlotError.self) { try figure.pngData() }
    }
}
