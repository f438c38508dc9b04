import Models
import Plot

/// Decision-region panels for the k-NN and decision-tree chapters: a classifier's prediction over
/// a grid, with the training points on top.
enum KNNTreeRegions {
    /// Grid points per axis: fine enough for crisp boundaries, cheap enough for every chapter.
    static let resolution = 200

    /// A panel of the class `predict` gives each point of a grid over `xRange` x `yRange`, with the
    /// training points `x` (two columns) coloured by their class `y`.
    static func panel(
        title: String, x: Matrix, y: [Int], names: [String], xLabel: String, yLabel: String,
        xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, showLegend: Bool,
        predict: (Matrix) throws -> [Int]
    ) throws -> Panel {
        let xs = Sampling.linspace(xRange.lowerBound, xRange.upperBound, count: resolution)
        let ys = Sampling.linspace(yRange.lowerBound, yRange.upperBound, count: resolution)
        var storage: [Double] = []
        storage.reserveCapacity(2 * xs.count * ys.count)
        for yj in ys { for xi in xs { storage.append(xi); storage.append(yj) } }
        let classes = try predict(Matrix(rows: xs.count * ys.count, columns: 2, storage: storage))
        let grid = Grid2D(xs: xs, ys: ys, values: classes.map(Double.init))
        var marks: [Mark] = [.regions(grid)]
        marks += KNearestNeighboursChapter.classPoints(x, y, names: names, size: 6)
        return Panel(title: title, xLabel: xLabel, yLabel: yLabel, xLimits: xRange, yLimits: yRange,
                     grid: false, legend: showLegend ? .auto : .hidden, marks: marks)
    }
}
