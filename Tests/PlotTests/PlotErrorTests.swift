import Foundation
import Testing
@testable import Plot

@Suite("Typed errors for bad input")
struct PlotErrorTests {
    static let line = Panel(marks: [.line(x: [0, 1], y: [0, 1])])

    @Test("invalid sizes", arguments: [(0.0, 500.0), (-10.0, 500.0), (800.0, 25_000.0), (Double.infinity, 10.0)])
    func invalidSize(width: Double, height: Double) {
        #expect(throws: PlotError.invalidSize(width: width, height: height)) {
            try Figure(width: width, height: height, panel: Self.line).pngData()
        }
    }

    @Test func notANumberSize() {
        #expect { try Figure(width: .nan, height: 100, panel: Self.line).pngData() } throws: { error in
            guard case PlotError.invalidSize(let width, _) = error else { return false }
            return width.isNaN
        }
    }

    @Test func absurdScaledSize() {
        #expect(throws: PlotError.invalidSize(width: 8000, height: 500)) {
            try Figure(width: 8000, height: 500, scale: 3, panel: Self.line).pngData()
        }
    }

    @Test("invalid scales", arguments: [0.0, -1.0, 100.0, Double.nan])
    func invalidScale(scale: Double) {
        #expect { try Figure(scale: scale, panel: Self.line).pngData() } throws: { error in
            guard case PlotError.invalidScale = error else { return false }
            return true
        }
    }

    @Test func emptyFigure() {
        #expect(throws: PlotError.emptyFigure) { try Figure(panels: []).pngData() }
    }

    @Test func emptyPanel() {
        #expect(throws: PlotError.emptyPanel(panel: 0)) { try Figure(panel: Panel(marks: [])).pngData() }
    }

    @Test("a panel of only NaN, or only empty arrays, says there is no finite data")
    func noFiniteData() {
        #expect(throws: PlotError.noFiniteData(panel: 0)) {
            try Figure(panel: Panel(marks: [.line(x: [.nan, 1], y: [2, .nan])])).pngData()
        }
        #expect(throws: PlotError.noFiniteData(panel: 0)) {
            try Figure(panel: Panel(marks: [.points(x: [], y: [])])).pngData()
        }
    }

    @Test func mismatchedLengths() {
        #expect(throws: PlotError.mismatchedLengths(mark: "line", expected: 3, actual: 2)) {
            try Figure(panel: Panel(marks: [.line(x: [0, 1, 2], y: [0, 1])])).pngData()
        }
    }

    @Test func logScaleWithNonPositiveLimits() {
        #expect(throws: PlotError.nonPositiveLogLimits(axis: "y", lower: 0, upper: 10)) {
            try Figure(panel: Panel(yScale: .log, yLimits: 0...10, marks: [.line(x: [0, 1], y: [1, 2])])).pngData()
        }
    }

    @Test func logScaleWithoutPositiveData() {
        #expect(throws: PlotError.noPositiveDataForLogScale(axis: "y")) {
            try Figure(panel: Panel(yScale: .log, marks: [.line(x: [0, 1], y: [-1, 0])])).pngData()
        }
    }

    @Test func equalLimits() {
        #expect(throws: PlotError.invalidLimits(axis: "x", lower: 1, upper: 1)) {
            try Figure(panel: Panel(xLimits: 1...1, marks: [.line(x: [0, 1], y: [0, 1])])).pngData()
        }
    }

    @Test func gridTooSmall() {
        #expect(throws: PlotError.invalidGrid(rows: 1, columns: 1, panels: 2)) {
            try Figure(rows: 1, columns: 1, panels: [Self.line, Self.line]).pngData()
        }
    }

    @Test func unwritablePath() {
        let url = URL(fileURLWithPath: "/nonexistent-folder-for-plot-tests/figure.png")
        #expect { try Figure(panel: Self.line).write(to: url) } throws: { error in
            guard case PlotError.writeFailed(let path, let reason) = error else { return false }
            return path == url.path && reason.contains("does not exist")
        }
    }

    @Test func unknownExtension() {
        #expect(throws: PlotError.unknownFormat("gif")) {
            try Figure(panel: Self.line).write(to: URL(fileURLWithPath: "/tmp/figure.gif"))
        }
    }

    @Test("messages say what to do")
    func messages() {
        #expect(PlotError.emptyFigure.description.contains("add at least one Panel"))
        #expect(PlotError.invalidSize(width: 0, height: 5).description.contains("between 1 and 20000"))
        #expect(PlotError.nonPositiveLogLimits(axis: "y", lower: 0, upper: 1).description.contains("logarithmic"))
    }
}
