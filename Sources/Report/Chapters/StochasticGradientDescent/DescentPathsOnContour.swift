import Models
import Plot

/// Batch, mini-batch and stochastic paths on the cost contour of a two-parameter model.
///
/// A contour shows two parameters, and the path of a model with more would be drawn on a slice
/// of its cost that the other parameters are not on. So this figure fits price from the z-scored
/// size alone, `f(x) = w x + b`: its cost J(w, b) is exactly the surface drawn, and every point
/// of every path lies on it.
struct DescentPathsOnContour: Sendable {
    /// Epochs shown in the left panel (the same amount of work for every run).
    static let epochs = 3
    /// Updates shown in the right panel (the same number of steps for every run).
    static let updates = 30

    /// The figure, ready for the page.
    let figure: ChapterFigure
    /// The runs over `epochs` epochs (for the tests): batch, mini-batch, stochastic.
    let runs: [BatchSizeExperiment.Run]
    /// The least-squares (w, b) of the one-feature model.
    let minimum: Point

    init(seed: UInt64) throws {
        let data = try BatchSizeExperiment(features: ["size_sqft"])
        let rate = BatchSizeExperiment.learningRate
        let modes: [(String, BatchMode)] = [("batch", .batch), ("mini-batch (\(BatchSizeExperiment.miniBatchSize))",
                                            .miniBatch(size: BatchSizeExperiment.miniBatchSize)), ("stochastic", .stochastic)]
        // Enough epochs for both panels; each panel shows a prefix of the same run (the shuffles
        // depend only on the seed, so a shorter run would have taken exactly these steps).
        let runs = try modes.map { name, mode in
            let perEpoch = (data.z.rows + mode.examples(of: data.z.rows) - 1) / mode.examples(of: data.z.rows)
            let epochs = max(Self.epochs, (Self.updates + perEpoch - 1) / perEpoch)
            return try data.run(name, SGDRegressor(mode: mode, learningRate: rate, epochs: epochs, seed: seed))
        }
        let minimum = Point(data.minimum.weights[0], data.minimum.bias)
        self.runs = runs
        self.minimum = minimum
        let z = data.z, y = data.y, m = Double(data.z.rows)
        // J(w, b) = 1/(2m) sum (w z + b - y)^2, expanded into sums so each grid point is O(1).
        var sz = 0.0, szz = 0.0, sy = 0.0, syy = 0.0, szy = 0.0
        for i in 0..<data.z.rows {
            let zi = z[i, 0]
            sz += zi; szz += zi * zi; sy += y[i]; syy += y[i] * y[i]; szy += zi * y[i]
        }
        let sums = (z: sz, zz: szz, y: sy, yy: syy, zy: szy)
        func cost(_ w: Double, _ b: Double) -> Double {
            (w * w * sums.zz + m * b * b + sums.yy + 2 * w * b * sums.z - 2 * w * sums.zy - 2 * b * sums.y) / (2 * m)
        }
        let xRange = -25.0...(minimum.x + 110), yRange = -30.0...(minimum.y + 70)
        func points(_ run: BatchSizeExperiment.Run, upTo update: Int) -> [Point] {
            run.fitted.history.updates.path.prefix(update + 1).map { Point($0.weights[0], $0.bias) }
        }
        let colors = BatchSizeFigures.colors
        func panel(title: String, limit: (BatchSizeExperiment.Run) -> Int, bar: String?) -> Panel {
            CostContourFigure(
                xLabel: "w (k$ per σ of size)", yLabel: "b (k$)", x: xRange, y: yRange,
                paths: runs.enumerated().map { k, run in
                    .init(label: "\(run.name): \(limit(run)) updates", points: points(run, upTo: limit(run)), color: colors[k])
                },
                minimum: minimum, title: title, levelCount: 12, colorBarLabel: bar, resolution: 200,
                minimumDotSpacing: 0.01, cost: cost
            ).panel
        }
        let sameWork = panel(title: "The same work: \(Self.epochs) epochs each",
                             limit: { Self.epochs * $0.fitted.history.updatesPerEpoch }, bar: nil)
        let sameSteps = panel(title: "The same number of steps: \(Self.updates) updates each",
                              limit: { min(Self.updates, $0.fitted.history.updatesRun) }, bar: "J(w, b) (k$²)")
        figure = ChapterFigure(
            stem: "paths-on-contour",
            caption: "For the same work (left, three passes over the data), stochastic descent is already at the minimum, jittering around it, while batch descent has taken three steps. For the same number of steps (right), batch descent's path is straight and gets furthest; the smaller the batch, the more the path wanders.",
            altText: "Two contour plots of the cost over w and b with three descent paths from (0, 0) towards the minimum marked with a plus. Left, after three epochs: the batch path is three short straight steps, the mini-batch path reaches near the minimum, the stochastic path zigzags around it. Right, after thirty updates each: the batch path is a straight line most of the way, the mini-batch path a slightly wobbly line, the stochastic path a ragged zigzag.",
            figure: Figure(width: 1060, height: 500, rows: 1, columns: 2, panels: [sameWork, sameSteps]))
    }
}
