import Foundation
import Testing
@testable import Plot

@Suite("Concurrent rendering")
struct ConcurrencyTests {
    @Test("figures drawn on several threads at once give the same bytes as drawn one by one")
    func concurrentMatchesSequential() async throws {
        let figures = (0..<8).map { i in
            Figure(width: 400, height: 300, panel: Panel(
                title: "figure \(i) α", xLabel: "x", yLabel: "y",
                marks: [.line(x: [0, 1, 2, 3], y: [0, Double(i), 1, 4], label: "series \(i)"),
                        .heatmap(Grid2D(xs: [0, 1], ys: [0, 1], values: [0, 1, 2, Double(i)]), showValues: true)]))
        }
        let sequential = try figures.map { try $0.pngData() }
        let concurrent = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for (index, figure) in figures.enumerated() {
                group.addTask { (index, try figure.pngData()) }
            }
            var results = [Data](repeating: Data(), count: figures.count)
            for try await (index, data) in group { results[index] = data }
            return results
        }
        #expect(concurrent == sequential)
    }
}
