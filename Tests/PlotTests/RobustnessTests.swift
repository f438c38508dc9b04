import Foundation
import Testing
@testable import Plot

/// Random awkward figures: each must either render or throw a PlotError, never trap.
@Suite("Robustness")
struct RobustnessTests {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        mutating func value() -> Double {
            let pick = next() % 12
            switch pick {
            case 0: return .nan
            case 1: return .infinity
            case 2: return -.infinity
            case 3: return 1e300 * Double(next() % 3)
            case 4: return 0
            case 5: return -Double(next() % 100)
            default: return Double(next() % 10_000) / 100
            }
        }
        mutating func values(_ n: Int) -> [Double] { (0..<n).map { _ in value() } }
    }

    @Test("random marks with NaN, infinities and huge values", arguments: 0..<24)
    func randomFigures(seed: Int) {
        var g = Generator(state: UInt64(seed) &* 7919 &+ 1)
        let n = Int(g.next() % 6)
        var marks: [Mark] = [
            .line(x: g.values(n), y: g.values(n), style: [.solid, .dashed, .dotted][Int(g.next() % 3)], label: "l"),
            .points(x: g.values(n), y: g.values(n), marker: Marker.allCases[Int(g.next() % 5)], label: "p"),
            .bars(x: g.values(n), heights: g.values(n)),
            .band(x: g.values(n), lower: g.values(n), upper: g.values(n)),
            .horizontalRule(y: g.value()),
            .text("α − β²", at: Point(g.value(), g.value())),
            .arrow(from: Point(g.value(), g.value()), to: Point(g.value(), g.value())),
        ]
        if g.next() % 2 == 0 {
            let grid = Grid2D(xs: [0, 1, 2], ys: [0, 1, 2], values: g.values(9))
            marks.append(.heatmap(grid, showValues: true, colorBar: "v"))
            marks.append(.contour(grid, colorBar: "c"))
            marks.append(.filledContour(grid))
        }
        let panel = Panel(xScale: g.next() % 3 == 0 ? .log : .linear, yScale: g.next() % 3 == 0 ? .log : .linear,
                          equalAspect: g.next() % 4 == 0, marks: Array(marks.shuffled(using: &g)))
        let figure = Figure(width: Double(g.next() % 1200) + 1, height: Double(g.next() % 900) + 1, panel: panel)
        do {
            _ = try figure.pngData()
            _ = try figure.data(format: .svg)
        } catch is PlotError {
            // A typed error is a fine answer to nonsense.
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

extension RobustnessTests.Generator: RandomNumberGenerator {}
