import Models
import Plot

/// The figures of chapter 5, drawn from a ``ThreeSolverComparison``.
enum SolverComparisonFigures {
    /// One colour per solver, the same in every figure of the chapter.
    static let solverColors = [Palette.color(0), Palette.color(1), Palette.color(3)]
    static let referenceColor = Palette.color(2)
    static let referenceSGDColor = Palette.color(5)

    /// A solver's name on a chart, and the value it gives for one coefficient.
    struct Bar {
        let name: String
        let color: Color
        let value: Double
    }

    /// Small multiples: one panel per coefficient (its own unit on its own axis), one bar per
    /// solver. Different features have weights of very different sizes, so one shared axis would
    /// flatten most of them.
    static func coefficients(_ run: ThreeSolverComparison, reference: [(name: String, weights: [Double], bias: Double)],
                             rows: Int, width: Double, height: Double) -> Figure {
        let models = run.modelsInOriginalUnits
        let setup = run.setup
        var panels: [Panel] = []
        let names = models.map(\.name) + reference.map(\.name)
        let colors = solverColors + [referenceColor, referenceSGDColor].prefix(reference.count)
        let count = setup.features.count + 1
        for index in 0..<count {
            let isBias = index == setup.features.count
            let values = models.map { isBias ? $0.model.bias : $0.model.weights[index] }
                + reference.map { isBias ? $0.bias : $0.weights[index] }
            let marks: [Mark] = values.indices.map { k in
                .bars(x: [Double(k)], heights: [values[k]], width: 0.8, color: colors[k], label: names[k])
            } + [.horizontalRule(y: 0, color: .black, style: .solid, width: 1)]
            let title = isBias ? "intercept" : setup.featureLabels[index]
            let unit = isBias ? setup.targetUnit : setup.weightUnits[index]
            panels.append(Panel(title: title, yLabel: unit, xLimits: -0.7...(Double(values.count) - 0.3),
                                xTicks: [], legend: .hidden, marks: marks))
        }
        // The legend: an extra panel with no axes that only names the colours.
        let legendMarks: [Mark] = names.indices.map { k in
            .bars(x: [0], heights: [0], width: 0.0001, color: colors[k], label: names[k])
        }
        var legend = Panel(xLimits: 0...1, yLimits: 0...1, grid: false, legend: .topLeft, showsAxes: false,
                           marks: legendMarks)
        legend.title = nil
        panels.append(legend)
        let columns = (panels.count + rows - 1) / rows
        return Figure(width: width, height: height,
                      title: "\(setup.dataset.rawValue): coefficients in original units, one panel per coefficient",
                      rows: rows, columns: columns, panels: panels)
    }

    /// Predictions against targets, one panel per solver, with the identity line y = x.
    static func predictions(_ run: ThreeSolverComparison, width: Double, height: Double) throws -> Figure {
        let setup = run.setup
        let low = run.y.min() ?? 0, high = run.y.max() ?? 1
        var panels: [Panel] = []
        for (k, entry) in run.modelsInOriginalUnits.enumerated() {
            let predicted = try entry.model.predict(run.x)
            let r2 = try r2Score(run.y, predicted)
            let lower = min(low, predicted.min() ?? low), upper = max(high, predicted.max() ?? high)
            let pad = 0.04 * (upper - lower)
            let limits = (lower - pad)...(upper + pad)
            panels.append(Panel(
                title: "\(entry.name), R² = \(format(r2, digits: 4))",
                xLabel: "actual \(setup.targetLabel)", yLabel: k == 0 ? "predicted \(setup.targetLabel)" : nil,
                xLimits: limits, yLimits: limits, equalAspect: true, legend: .topLeft,
                marks: [
                    .line(x: [limits.lowerBound, limits.upperBound], y: [limits.lowerBound, limits.upperBound],
                          color: .black, style: .dashed, width: 1.2, label: "prediction = actual"),
                    .points(x: run.y, y: predicted, marker: .circle, filled: false, size: 6,
                            color: solverColors[k], label: setup.dataset == .houses ? "house" : "patient"),
                ]))
        }
        return Figure(width: width, height: height, rows: 1, columns: 3, panels: panels)
    }

    /// The SGD regressor's full-data cost after each epoch for several runs, each beside the
    /// minimum the normal equation reaches.
    static func sgdCostPerEpoch(_ runs: [ThreeSolverComparison]) throws -> Figure {
        var panels: [Panel] = []
        for run in runs {
            let costs = run.sgd.history.epochCosts
            let minimum = try run.minimumCost()
            panels.append(Panel(
                title: "\(run.setup.dataset.rawValue) (\(run.x.rows) rows, \(run.sgd.history.updatesPerEpoch) updates per epoch)",
                xLabel: "epoch", yLabel: panels.isEmpty ? "cost J = MSE / 2 (log scale)" : nil, yScale: .log,
                legend: .topRight,
                marks: [
                    .line(x: costs.indices.map(Double.init), y: costs, color: solverColors[2], width: 2,
                          label: "SGD regressor"),
                    .horizontalRule(y: minimum, color: solverColors[0], style: .dashed,
                                    label: "minimum (normal equation)"),
                ]))
        }
        return Figure(width: 1000, height: 420, rows: 1, columns: runs.count, panels: panels)
    }

    /// The pitfall: raw weights beside z-score weights, unconverted, on one axis.
    static func unconvertedCoefficients(_ run: ThreeSolverComparison) -> Figure {
        let setup = run.setup
        let xs = setup.features.indices.map(Double.init)
        let ticks = setup.featureLabels.enumerated().map { AxisTick(Double($0.offset), $0.element) }
        return Figure(width: 800, height: 440, panel: Panel(
            title: "The same model read in two different units",
            xLabel: "feature", yLabel: "weight (raw: k$ per unit; scaled: k$ per σ)", xTicks: ticks,
            legend: .topRight,
            marks: [
                .bars(x: xs.map { $0 - 0.2 }, heights: run.normalEquation.weights, width: 0.4,
                      color: solverColors[0], label: "normal equation on raw features"),
                .bars(x: xs.map { $0 + 0.2 }, heights: run.gradientDescent.weights, width: 0.4,
                      color: solverColors[1], label: "gradient descent on z-scores, not converted"),
                .horizontalRule(y: 0, color: .black, style: .solid, width: 1),
            ]))
    }

    /// `value` with `digits` significant digits, without floating-point noise.
    static func format(_ value: Double, digits: Int) -> String {
        TableNumber.significant(value, digits: digits)
    }
}
