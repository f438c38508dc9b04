import Models
import Plot

/// The figures of chapter 8, drawn from ``BatchSizeExperiment`` runs.
enum BatchSizeFigures {
    /// Batch, mini-batch and stochastic, in that order, in every figure of the chapter: blue,
    /// vermillion and reddish purple, which stand out on viridis contour lines too.
    static let colors = [Palette.color(0), Palette.color(4), Palette.color(6)]

    /// `J - J_min`, floored so a log axis can draw it (the cost never goes below the minimum, but
    /// rounding can make the difference 0 or a hair negative).
    static func excess(_ cost: Double, over minimum: Double) -> Double {
        max(cost - minimum, 1e-9 * max(1, minimum))
    }

    /// The full-data cost above its minimum after each epoch.
    static func costPerEpoch(_ runs: [BatchSizeExperiment.Run], minimumCost: Double) -> Figure {
        let marks: [Mark] = runs.enumerated().map { k, run in
            let epochs = run.fitted.history.epochCosts
            return .line(x: epochs.indices.map(Double.init), y: epochs.map { excess($0, over: minimumCost) },
                         color: colors[k % colors.count], width: 2, label: run.name)
        }
        return Figure(width: 800, height: 460, panel: Panel(
            title: "Per epoch (one pass over the 99 houses)", xLabel: "epoch",
            yLabel: "cost above its minimum, J − J_min (k$², log)", yScale: .log, legend: .topRight, marks: marks))
    }

    /// The full-data cost above its minimum after each update, on a log axis of updates.
    static func costPerUpdate(_ runs: [BatchSizeExperiment.Run], minimumCost: Double) -> Figure {
        let marks: [Mark] = runs.enumerated().map { k, run in
            let costs = run.costs.dropFirst()
            // Batch and mini-batch nearly coincide for the first updates: the wider line underneath
            // stays visible as a border around the narrower one.
            return .line(x: costs.indices.map(Double.init), y: costs.map { excess($0, over: minimumCost) },
                         color: colors[k % colors.count], width: [3.6, 1.6, 1.0][min(k, 2)], label: run.name)
        }
        return Figure(width: 800, height: 460, panel: Panel(
            title: "Per update (one parameter step)", xLabel: "updates made (log scale)",
            yLabel: "cost above its minimum, J − J_min (k$², log)", xScale: .log, yScale: .log, legend: .bottomLeft,
            marks: marks))
    }

    /// Left: the learning rate per update; right: the cost per update, constant against decaying.
    static func decayingLearningRate(_ runs: [BatchSizeExperiment.Run], minimumCost: Double) -> Figure {
        let rateColors = [colors[2], Palette.color(2)]
        var rateMarks: [Mark] = []
        var costMarks: [Mark] = []
        for (k, run) in runs.enumerated() {
            let updates = run.fitted.history.updatesRun
            let steps = Array(stride(from: 0, to: updates, by: 1))
            rateMarks.append(.line(x: steps.map { Double($0 + 1) },
                                   y: steps.map { run.settings.schedule.rate(initial: run.settings.learningRate, update: $0) },
                                   color: rateColors[k], width: 2, label: run.name))
            let costs = run.costs.dropFirst()
            costMarks.append(.line(x: costs.indices.map(Double.init), y: costs.map { excess($0, over: minimumCost) },
                                   color: rateColors[k], width: k == 0 ? 1.2 : 2, label: run.name))
        }
        return Figure(width: 1000, height: 420, rows: 1, columns: 2, panels: [
            Panel(title: "The step size αₜ", xLabel: "update t", yLabel: "learning rate αₜ", yScale: .log,
                  legend: .bottomLeft, marks: rateMarks),
            Panel(title: "Stochastic updates: cost after each update", xLabel: "update t",
                  yLabel: "J − J_min (k$², log)", yScale: .log, legend: .topRight, marks: costMarks),
        ])
    }

    /// The pitfall: stochastic updates over houses sorted by price, visited in the same order
    /// every epoch, against the same data shuffled before every epoch; the whole run on the left,
    /// its last three epochs on the right, where the unshuffled run's repeating cycle shows.
    static func notShuffled(shuffled: BatchSizeExperiment.Run, sorted: BatchSizeExperiment.Run, minimumCost: Double,
                            rows: Int) -> Figure {
        func marks(lastEpochs: Int?) -> [Mark] {
            [(sorted, Palette.color(4)), (shuffled, Palette.color(2))].map { run, color in
                let costs = run.costs.dropFirst()
                let kept = lastEpochs.map { costs.suffix($0 * rows) } ?? costs
                return .line(x: kept.indices.map { Double($0) / Double(rows) },
                             y: kept.map { excess($0, over: minimumCost) }, color: color, width: 1.4, label: run.name)
            }
        }
        return Figure(width: 1000, height: 420, rows: 1, columns: 2, panels: [
            Panel(title: "The whole run", xLabel: "epoch", yLabel: "J − J_min (k$², log)", yScale: .log,
                  legend: .topRight, marks: marks(lastEpochs: nil)),
            Panel(title: "The last three epochs", xLabel: "epoch", yLabel: "J − J_min (k$², log)", yScale: .log,
                  legend: .hidden, marks: marks(lastEpochs: 3)),
        ])
    }
}
