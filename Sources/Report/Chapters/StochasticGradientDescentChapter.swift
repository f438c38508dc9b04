import Foundation
import Models
import Plot

/// Chapter 8: batch, mini-batch and stochastic gradient descent on the z-scored house data,
/// compared per epoch and per update; a decaying learning rate; the not-shuffled pitfall.
struct StochasticGradientDescentChapter: Chapter {
    let id = "stochastic-gradient-descent"
    let number = 8
    let title = "Stochastic gradient descent"
    let summary = "Update after every example, every few, or only after all of them: cheap noisy steps against expensive exact ones."

    func build(_ context: ChapterContext) throws -> ChapterPage {
        let experiment = try BatchSizeExperiment()
        let batchSizes = try experiment.batchSizeRuns(seed: context.seed)
        let decay = try experiment.decayRuns(seed: context.seed)
        let sortedData = try BatchSizeExperiment(sortedByPrice: true)
        let epochs = BatchSizeExperiment.epochs
        // Both with a small constant rate: shuffled, its noise is then small, so what is left of the
        // unshuffled run's error is the one its fixed visiting order causes.
        let sortedShuffled = try sortedData.run("shuffled every epoch", SGDRegressor(
            mode: .stochastic, learningRate: BatchSizeExperiment.orderingLearningRate, epochs: epochs, seed: context.seed))
        let sortedInOrder = try sortedData.run("not shuffled (cheapest to dearest)", SGDRegressor(
            mode: .stochastic, learningRate: BatchSizeExperiment.orderingLearningRate, epochs: epochs, shuffle: false,
            seed: context.seed))
        let paths = try DescentPathsOnContour(seed: context.seed)

        let figures = [
            ChapterFigure(
                stem: "cost-per-epoch",
                caption: "Per epoch, the smaller the batch the faster the cost falls: in one pass over the data stochastic descent has taken 99 steps and batch descent one. Stochastic descent then stalls at a noisy floor.",
                altText: "Log-scaled cost above its minimum against epoch for three runs: the batch curve falls slowly and steadily, the mini-batch curve falls fast, and the stochastic curve drops fastest and then jitters at a level above the mini-batch curve.",
                figure: BatchSizeFigures.costPerEpoch(batchSizes, minimumCost: experiment.minimumCost)),
            ChapterFigure(
                stem: "cost-per-update",
                caption: "Per update, batch descent's steps are the surest: its curve is smooth and never rises. Mini-batches of 16 follow it closely at first, because 16 houses already estimate the gradient well; single examples lag far behind and stay noisy.",
                altText: "Log-log chart of cost above its minimum against the number of updates: the batch curve is leftmost and smooth, the mini-batch curve lies to its right, the stochastic curve furthest right and ragged.",
                figure: BatchSizeFigures.costPerUpdate(batchSizes, minimumCost: experiment.minimumCost)),
            paths.figure,
            ChapterFigure(
                stem: "decaying-learning-rate",
                caption: "A learning rate that shrinks with the update count keeps the fast start and calms the noise: the cost keeps falling instead of jittering at a floor.",
                altText: "Two panels. Left: the learning rate per update, flat for the constant schedule and falling for the decaying one. Right: the cost above its minimum per update; the constant-rate curve jitters at a level while the decaying-rate curve keeps descending.",
                figure: BatchSizeFigures.decayingLearningRate(decay, minimumCost: experiment.minimumCost)),
            ChapterFigure(
                stem: "not-shuffled",
                caption: "The pitfall: visiting the houses from cheapest to dearest in every epoch, the parameters are dragged the same way at the same point of every epoch. The unshuffled run repeats one cycle exactly (right) and stays above the shuffled run, which wanders at random closer to the minimum.",
                altText: "Two panels of cost above its minimum for stochastic descent with a small constant learning rate on price-sorted houses. Left, all 50 epochs: both curves fall, then the unshuffled curve settles into a band above the shuffled one. Right, the last three epochs: the unshuffled curve repeats the same sawtooth three times, the shuffled curve is irregular and mostly lower.",
                figure: BatchSizeFigures.notShuffled(shuffled: sortedShuffled, sorted: sortedInOrder,
                                                     minimumCost: sortedData.minimumCost, rows: sortedData.z.rows)),
        ]
        let runs = batchSizes + [decay[1]].map(renamed("stochastic, decaying α")) + [
            renamed("stochastic, α = \(BatchSizeExperiment.orderingLearningRate), shuffled")(sortedShuffled),
            renamed("stochastic, α = \(BatchSizeExperiment.orderingLearningRate), sorted, not shuffled")(sortedInOrder),
        ]
        let table = Self.comparisonTable(runs, minimumCost: experiment.minimumCost, rows: experiment.z.rows)
        let code = try ["sgd-epoch", "sgd-batch-gradient", "learning-rate-decay"].map(context.excerpt)
        return ChapterPage(figures: figures, tables: [table], code: code, thumbnail: "paths-on-contour")
    }

    private func renamed(_ name: String) -> (BatchSizeExperiment.Run) -> BatchSizeExperiment.Run {
        { BatchSizeExperiment.Run(name: name, settings: $0.settings, fitted: $0.fitted, costs: $0.costs, batchSize: $0.batchSize) }
    }

    /// One row per run: its batch size, updates, and how close it got to the minimum.
    static func comparisonTable(_ runs: [BatchSizeExperiment.Run], minimumCost: Double, rows: Int) -> ChapterTable {
        func number(_ value: Double) -> String { TableNumber.significant(value, digits: 4) }
        let body = runs.map { run -> [String] in
            let history = run.fitted.history
            let afterOneEpoch = history.epochCosts.count > 1 ? history.epochCosts[1] : history.epochCosts[0]
            // Noise, not progress: how much the cost rose from one epoch to the next, at worst.
            let lastEpochs = Array(history.epochCosts.suffix(11))
            let largestRise = zip(lastEpochs, lastEpochs.dropFirst()).map { $1 - $0 }.max() ?? 0
            return [run.name, TableNumber.count(run.batchSize), TableNumber.count(history.updatesPerEpoch),
                    TableNumber.count(history.updatesRun),
                    number(afterOneEpoch - minimumCost),
                    number(history.epochCosts.last! - minimumCost),
                    largestRise > 0 ? number(largestRise) : "none"]
        }
        return ChapterTable(
            name: "comparison",
            caption: "The runs on the z-scored house data (\(rows) houses, \(BatchSizeExperiment.epochs) epochs, α₀ = \(BatchSizeExperiment.learningRate) unless the run says otherwise). Costs in k\\$², measured on all the data; $J_{\\min}$ = \(TableNumber.significant(minimumCost, digits: 6)) is the normal equation's.",
            header: ["run", "examples per update", "updates per epoch", "updates", "J − J_min after 1 epoch",
                     "J − J_min at the end", "largest rise of J between the last 10 epochs"],
            rows: body)
    }
}
