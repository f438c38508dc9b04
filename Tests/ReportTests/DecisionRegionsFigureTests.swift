import Foundation
import Models
import Plot
import Testing
@testable import Report

@Suite("Decision regions figure")
struct DecisionRegionsFigureTests {
    /// Four points: class 0 below the line y = x, class 1 above it.
    func fourPoints() throws -> DecisionRegionsFigure {
        try DecisionRegionsFigure(x: [0, 1, 0, 1], y: [-1, 0, 1, 2], labels: [0, 0, 1, 1],
                                  classNames: ["below", "above"], xLabel: "x (cm)", yLabel: "y (cm)",
                                  resolution: 11, marginFraction: 0.1)
    }

    /// Class 1 exactly when y > x.
    let aboveDiagonal: DecisionRegionsFigure.Classifier = { points in
        .init(classes: (0..<points.rows).map { points[$0, 1] > points[$0, 0] ? 1 : 0 })
    }

    @Test func gridCoversTheDataWithTheMargin() throws {
        let figure = try fourPoints()
        #expect(figure.xRange == -0.1...1.1)
        #expect(abs(figure.yRange.lowerBound - -1.3) < 1e-12)
        #expect(abs(figure.yRange.upperBound - 2.3) < 1e-12)
        let (xs, ys, points) = figure.gridPoints()
        #expect(xs.count == 11 && ys.count == 11 && points.rows == 121 && points.columns == 2)
        // Row-major from the lowest row: row j * 11 + i is (xs[i], ys[j]).
        #expect(points[12, 0] == xs[1] && points[12, 1] == ys[1])
        #expect(points[120, 0] == 1.1 && points[120, 1] == 2.3)
    }

    @Test func evaluatesTheClassifierOnceOnTheGrid() throws {
        let figure = try fourPoints()
        let (classes, probabilities, borders) = try figure.evaluate(aboveDiagonal)
        #expect(probabilities == nil)
        // Without scores the border is class 0's indicator.
        #expect(borders.count == 1 && borders[0].values == classes.values.map { $0 == 0 ? 1 : 0 })
        // The top-left corner (-0.1, 2.3) is above the diagonal, the bottom-right (1.1, -1.3) below.
        #expect(classes[0, 10] == 1)
        #expect(classes[10, 0] == 0)
        #expect(classes.values.filter { $0 == 1 }.count > 40)
    }

    @Test func explicitLimitsReplaceTheMargin() throws {
        let figure = try DecisionRegionsFigure(x: [1, 2], y: [1, 2], labels: [0, 1], classNames: ["a", "b"],
                                               xLabel: "x", yLabel: "y", xLimits: 0...10, yLimits: -5...5)
        #expect(figure.xRange == 0...10 && figure.yRange == -5...5)
        #expect(DecisionRegionsFigure.widened([3, 3], by: 0.1) == 2.5...3.5)
    }

    @Test func probabilitiesShadeAndRenderToAPNG() throws {
        let figure = try fourPoints()
        let panel = try figure.panel { points in
            let p = (0..<points.rows).map { sigmoid(4 * (points[$0, 1] - points[$0, 0])) }
            return .init(classes: p.map { $0 >= 0.5 ? 1 : 0 }, probabilities: p)
        }
        // Heatmap, boundary, then one point mark per class.
        #expect(panel.marks.count == 4)
        let png = try Figure(width: 400, height: 300, panel: panel).pngData()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // The shading passes through white at P = 0.5 and ends in pale class colours.
        #expect(figure.shadingColormap.color(at: 0.5) == .white)
        #expect(figure.shadingColormap.color(at: 0).blue > figure.shadingColormap.color(at: 0).red)
    }

    @Test func multiclassRegionsOutlineEveryBorder() throws {
        let figure = try DecisionRegionsFigure(x: [0, 1, 2], y: [0, 1, 2], labels: [0, 1, 2],
                                               classNames: ["a", "b", "c"], xLabel: "x", yLabel: "y",
                                               resolution: 30, equalAspect: true)
        let panel = try figure.panel { points in
            .init(classes: (0..<points.rows).map { min(2, max(0, Int(points[$0, 0].rounded()))) })
        }
        // Regions, borders of classes 0 and 1, three point marks.
        #expect(panel.marks.count == 6)
        #expect(panel.equalAspect)
        #expect(!DecisionRegionsFigure.classColors.contains(.black))
        #expect(try Figure(width: 400, height: 300, panel: panel).pngData().count > 1000)
    }

    @Test func scoresGiveSmoothBorders() throws {
        let figure = try fourPoints()
        // Scores (0, y - x): the border of class 0 is the margin -(y - x) + 0.5 crossing 0.5, i.e. y = x.
        let (_, _, borders) = try figure.evaluate { points in
            let z = (0..<points.rows).map { points[$0, 1] - points[$0, 0] }
            return .init(classes: z.map { $0 > 0 ? 1 : 0 },
                         scores: Matrix(rows: points.rows, columns: 2, storage: z.flatMap { [0, $0] }))
        }
        let border = try #require(borders.first)
        for j in border.ys.indices {
            for i in border.xs.indices {
                #expect(abs(border[i, j] - (border.xs[i] - border.ys[j] + 0.5)) < 1e-12)
            }
        }
        #expect(throws: DecisionRegionsError.self) {
            try figure.evaluate { points in
                .init(classes: Array(repeating: 0, count: points.rows), scores: Matrix(rows: 1, columns: 2))
            }
        }
    }

    @Test func badInputIsATypedError() throws {
        #expect(throws: DecisionRegionsError.noPoints) {
            try DecisionRegionsFigure(x: [], y: [], labels: [], classNames: ["a"], xLabel: "x", yLabel: "y")
        }
        #expect(throws: DecisionRegionsError.mismatchedLengths(x: 2, y: 1, labels: 2)) {
            try DecisionRegionsFigure(x: [0, 1], y: [0], labels: [0, 1], classNames: ["a", "b"], xLabel: "x", yLabel: "y")
        }
        #expect(throws: DecisionRegionsError.unknownClass(row: 1, code: 2, classCount: 2)) {
            try DecisionRegionsFigure(x: [0, 1], y: [0, 1], labels: [0, 2], classNames: ["a", "b"], xLabel: "x", yLabel: "y")
        }
        #expect(throws: DecisionRegionsError.nonFinitePoint(row: 0)) {
            try DecisionRegionsFigure(x: [.nan], y: [0], labels: [0], classNames: ["a"], xLabel: "x", yLabel: "y")
        }
        #expect(throws: DecisionRegionsError.invalidResolution(301)) {
            try DecisionRegionsFigure(x: [0], y: [0], labels: [0], classNames: ["a"], xLabel: "x", yLabel: "y",
                                      resolution: 301)
        }
        let figure = try fourPoints()
        #expect(throws: DecisionRegionsError.self) { try figure.evaluate { _ in .init(classes: [0]) } }
        #expect(throws: DecisionRegionsError.self) {
            try figure.evaluate { points in .init(classes: Array(repeating: 5, count: points.rows)) }
        }
        #expect(throws: DecisionRegionsError.self) {
            try figure.evaluate { points in
                .init(classes: Array(repeating: 0, count: points.rows), probabilities: Array(repeating: 1.5, count: points.rows))
            }
        }
    }
}
