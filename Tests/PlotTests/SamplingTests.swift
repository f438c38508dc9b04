import Testing
@testable import Plot

@Test func linspaceHasExactEnds() {
    #expect(Sampling.linspace(0, 1, count: 5) == [0, 0.25, 0.5, 0.75, 1])
    let values = Sampling.linspace(-2.7, 3.1, count: 301)
    #expect(values.count == 301)
    #expect(values.first == -2.7 && values.last == 3.1)
    #expect(abs(values[150] - 0.2) < 1e-15)
    #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 })
    #expect(Sampling.linspace(5, 1, count: 3) == [5, 3, 1])
    #expect(Sampling.linspace(0, 1, count: 0).isEmpty)
    #expect(Sampling.linspace(0, 1, count: -3).isEmpty)
    #expect(Sampling.linspace(4, 9, count: 1) == [4])
    let huge = Sampling.linspace(-1e308, 1e308, count: 3)
    #expect(huge == [-1e308, 0, 1e308])
}

@Test func logspaceAndGeomspace() {
    #expect(Sampling.logspace(-3, 0, count: 4) == [0.001, 0.01, 0.1, 1])
    #expect(Sampling.logspace(0, 3, count: 4, base: 2) == [1, 2, 4, 8])
    let half = Sampling.logspace(0, 1, count: 3)
    #expect(abs(half[1] - 10.0.squareRoot()) < 1e-12)
    #expect(Sampling.geomspace(1, 1000, count: 4).map { ($0 * 1e9).rounded() / 1e9 } == [1, 10, 100, 1000])
    #expect(Sampling.geomspace(-8, -1, count: 4).map { ($0 * 1e9).rounded() / 1e9 } == [-8, -4, -2, -1])
    #expect(Sampling.geomspace(0.3, 7, count: 9).last == 7)
    #expect(Sampling.geomspace(0, 1, count: 3).isEmpty)
    #expect(Sampling.geomspace(-1, 1, count: 3).isEmpty)
}

@Test func gridIsRowMajor() {
    let grid = Sampling.grid(x: 0...2, y: 10...11, nx: 3, ny: 2) { x, y in x + 100 * y }
    #expect(grid.xs == [0, 1, 2])
    #expect(grid.ys == [10, 11])
    #expect(grid.values == [1000, 1001, 1002, 1100, 1101, 1102])
    #expect(grid[2, 1] == 1102)
    let empty = Sampling.grid(x: 0...1, y: 0...1, nx: 0, ny: 5) { _, _ in 1 }
    #expect(empty.values.isEmpty)
}

@Test func normalDensity() {
    #expect(abs(Sampling.normalPDF(0) - 0.3989422804014327) < 1e-15)
    #expect(abs(Sampling.normalPDF(1) - 0.24197072451914337) < 1e-15)
    #expect(abs(Sampling.normalPDF(3, mean: 3, standardDeviation: 2) - 0.19947114020071635) < 1e-15)
    #expect(Sampling.normalPDF(-1.3, mean: 0.4, standardDeviation: 0.7)
        == Sampling.normalPDF(2.1, mean: 0.4, standardDeviation: 0.7))
    #expect(Sampling.normalPDF(1, standardDeviation: 0).isNaN)
    #expect(Sampling.normalPDF(1, standardDeviation: -1).isNaN)
    #expect(Sampling.normalPDF(1e6) == 0)
    // Trapezoid rule over ±8 sd: the density integrates to 1.
    let xs = Sampling.linspace(-8, 12, count: 4001)
    let ys = xs.map { Sampling.normalPDF($0, mean: 2, standardDeviation: 1.25) }
    var integral = 0.0
    for k in 1..<xs.count { integral += (xs[k] - xs[k - 1]) * (ys[k] + ys[k - 1]) / 2 }
    #expect(abs(integral - 1) < 1e-9)
}
