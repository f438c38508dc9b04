import Plot

/// The cost per iteration of a gradient-descent run as two panels: the first iterations, where the
/// cost falls steeply, and the tail, drawn on its own y range because on the full scale the slow
/// final descent looks like a flat line.
///
///     let figure = CostCurveStartAndTailFigure(costs: history.costs, split: 100,
///                                              costLabel: "cost J(w, b)").figure()
///
/// `costs[t]` is the cost after `t` updates (as in a `TrainingHistory`), so both panels share the
/// iteration axis. Non-finite costs are left out by the plot.
struct CostCurveStartAndTailFigure: Sendable {
    /// The cost after each number of updates, `costs[0]` at the start.
    var costs: [Double]
    /// The iteration where the first panel ends and the second begins.
    var split: Int
    /// The y-axis title, with units (e.g. "cost J(w, b)  ((k$)²)").
    var costLabel: String
    /// A legend entry for the curve (e.g. "α = 0.02"); nil shows no legend.
    var seriesLabel: String?
    /// A title over both panels (e.g. the run's settings); nil for none.
    var title: String?
    var color: Color

    init(costs: [Double], split: Int = 100, costLabel: String, seriesLabel: String? = nil, title: String? = nil,
         color: Color = Palette.color(0)) {
        self.costs = costs
        self.title = title
        self.split = split
        self.costLabel = costLabel
        self.seriesLabel = seriesLabel
        self.color = color
    }

    /// The two panels side by side; when the run is no longer than `split`, one panel.
    func figure(width: Double = 1000, height: Double = 420) -> Figure {
        let last = costs.count - 1
        guard last >= 1 else {
            // Nothing to split: one panel (an empty run is reported by the plot as empty data).
            return Figure(width: width, height: height, title: title, panel: panel(from: 0, to: last, title: "iterations"))
        }
        let cut = min(max(split, 1), max(last, 1))
        let start = panel(from: 0, to: cut, title: "iterations 0–\(cut)")
        guard last > cut else { return Figure(width: width, height: height, title: title, panel: start) }
        let tail = panel(from: cut, to: last, title: "iterations \(cut)–\(last) (the tail, zoomed in)")
        return Figure(width: width, height: height, title: title, rows: 1, columns: 2, panels: [start, tail])
    }

    private func panel(from: Int, to: Int, title: String) -> Panel {
        let steps = from <= to ? Array(from...to) : []
        return Panel(title: title, xLabel: "iteration", yLabel: costLabel,
                     legend: seriesLabel == nil ? .hidden : .auto,
                     marks: [.line(x: steps.map(Double.init), y: steps.map { costs[$0] }, color: color,
                                   label: seriesLabel)])
    }
}
