import Foundation
import Models
import Plot

/// The charts `--charts DIR` writes for a fit, each with a stable file name:
///
/// - `cost`: the cost per iteration (or epoch) of a gradient-trained model, on a log axis when it
///   falls by more than two decades, with the divergence marked if training blew up;
/// - regression: `fit` (one feature: the data and the fitted curve) or `predicted-vs-actual`
///   (several features), and `residuals`;
/// - classification: `probability` (one feature), `decision-regions` (exactly two features) and
///   `confusion-matrix`;
/// - `weights` for linear models with several terms, `feature-importances` for trees.
///
/// Scatter plots show at most ``maximumPoints`` rows (an even, seeded sample) so a million-row
/// file still gives a readable chart.
enum FitCharts {
    static let maximumPoints = 4000

    static func figures(_ outcome: FitOutcome) throws -> [ChapterFigure] {
        var figures: [ChapterFigure] = []
        if let trace = outcome.model.trace { figures.append(cost(trace, outcome)) }
        switch outcome.dataset.target {
        case .values:
            figures.append(outcome.dataset.featureNames.count == 1 ? try fittedCurve(outcome) : predictedVersusActual(outcome))
            figures.append(residuals(outcome))
        case .classes:
            if outcome.dataset.featureNames.count == 1 { figures.append(try probabilityCurve(outcome)) }
            if outcome.dataset.featureNames.count == 2 { figures.append(try decisionRegions(outcome)) }
            figures.append(confusionMatrix(outcome))
        }
        if let weights = weightsChart(outcome) { figures.append(weights) }
        if let tree = outcome.model.tree, outcome.dataset.featureNames.count > 1 {
            figures.append(importances(tree, outcome))
        }
        return figures
    }

    // MARK: Training

    static func cost(_ trace: TrainingTrace, _ outcome: FitOutcome) -> ChapterFigure {
        let costs = trace.costs
        let finite = costs.filter { $0.isFinite && $0 > 0 }
        let logarithmic = (finite.max() ?? 1) / max(finite.min() ?? 1, .leastNormalMagnitude) > 100 && finite.count == costs.count
        let rate = outcome.settings.learningRate.map { ", learning rate \(formatNumber($0))" } ?? ""
        let network = outcome.settings.model == .neuralNetwork
        // A network's first entry is its first epoch's loss: number the epochs from 1.
        let steps = costs.indices.map { Double(network ? $0 + 1 : $0) }
        var marks: [Mark] = [.line(x: steps, y: costs, marker: costs.count <= 60 ? .circle : nil,
                                   label: network ? "training loss" : "training cost")]
        let xTicks = costs.count <= 12 ? steps.map { AxisTick($0, String(Int($0))) } : nil
        if !trace.validationCosts.isEmpty {
            marks.append(.line(x: trace.validationCosts.indices.map { Double($0 + 1) }, y: trace.validationCosts,
                               style: .dashed, marker: costs.count <= 60 ? .square : nil, label: "test loss"))
        }
        var title = (network ? "Loss per \(trace.unit)" : "Cost per \(trace.unit)") + rate
        if let divergence = trace.divergence {
            let position = trace.unit == "epoch" ? Double(costs.count - 1) : Double(divergence.step)
            marks.append(.verticalRule(x: position, color: Palette.color(3), label: "diverged at step \(divergence.step)"))
            title = "Training diverged\(rate)"
        }
        let costName = network
            ? (outcome.dataset.target.task == .regression ? "loss (half mean squared error)" : "loss (mean cross-entropy)")
            : outcome.dataset.target.task == .regression ? "cost J (half mean squared error)" : "cost J (mean log-loss)"
        // A handful of steps gets one tick per step: "iteration 0.4" means nothing.
        let figure = Figure(panel: Panel(
            title: title, xLabel: trace.unit == "epoch" ? "epoch" : "iteration",
            yLabel: costName + (logarithmic ? ", log scale" : ""), yScale: logarithmic ? .log : .linear, xTicks: xTicks,
            legend: trace.divergence == nil && trace.validationCosts.isEmpty ? .hidden : .auto, marks: marks))
        let story = trace.divergence == nil
            ? "The cost falls from \(format(costs.first)) to \(format(costs.last)) in \(trace.iterationsRun) updates."
            : "The cost grows instead of falling: the learning rate is too large, and training stopped at step \(trace.divergence!.step)."
        return ChapterFigure(stem: "cost", caption: story,
                             altText: "Line chart of the training cost against the \(trace.unit). " + story, figure: figure)
    }

    // MARK: Regression

    /// One feature: the training and test points and the model's curve across the feature's range.
    static func fittedCurve(_ outcome: FitOutcome) throws -> ChapterFigure {
        let dataset = outcome.dataset
        guard case .values(let y) = dataset.target else { preconditionFailure("regression only") }
        let feature = dataset.featureNames[0]
        let x = dataset.features.column(0)
        let (low, high) = (x.min() ?? 0, x.max() ?? 1)
        let grid = Sampling.linspace(low, high, count: 400)
        let curve = try FitRunner.predictions(outcome.model, outcome.pipeline.transform(Matrix(column: grid)))
        guard case .values(let fitted) = curve else { preconditionFailure("regression only") }
        var marks = pointsBySet(outcome, x: { x[$0] }, y: { y[$0] })
        marks.append(.line(x: grid, y: fitted, color: Palette.color(3), width: 2.5, label: modelLabel(outcome)))
        let figure = Figure(panel: Panel(title: "\(dataset.targetName) against \(feature)", xLabel: feature,
                                         yLabel: dataset.targetName, marks: marks))
        return ChapterFigure(stem: "fit", caption: "The data and the fitted \(modelLabel(outcome)).",
                             altText: "Scatter plot of \(dataset.targetName) against \(feature) with the model's prediction drawn as a curve.",
                             figure: figure)
    }

    /// Several features: each row's prediction against its true value; perfect predictions lie on the diagonal.
    static func predictedVersusActual(_ outcome: FitOutcome) -> ChapterFigure {
        let dataset = outcome.dataset
        guard case .values(let y) = dataset.target else { preconditionFailure("regression only") }
        let predicted = predictedValues(outcome)
        var marks = pointsBySet(outcome, x: { y[$0] }, y: { predicted[$0] ?? .nan })
        let all = y.filter(\.isFinite)
        let (low, high) = (all.min() ?? 0, all.max() ?? 1)
        marks.insert(.line(x: [low, high], y: [low, high], color: .black, style: .dashed, width: 1,
                           label: "perfect prediction"), at: 0)
        let figure = Figure(panel: Panel(title: "Predicted against actual \(dataset.targetName)",
                                         xLabel: "actual \(dataset.targetName)", yLabel: "predicted \(dataset.targetName)",
                                         marks: marks))
        return ChapterFigure(stem: "predicted-vs-actual", caption: "Points on the dashed diagonal are predicted exactly.",
                             altText: "Scatter plot of predicted against actual \(dataset.targetName), with the diagonal of perfect predictions.",
                             figure: figure)
    }

    static func residuals(_ outcome: FitOutcome) -> ChapterFigure {
        let dataset = outcome.dataset
        guard case .values(let y) = dataset.target else { preconditionFailure("regression only") }
        let predicted = predictedValues(outcome)
        var marks = pointsBySet(outcome, x: { predicted[$0] ?? .nan }, y: { y[$0] - (predicted[$0] ?? .nan) })
        marks.insert(.horizontalRule(y: 0, color: .black, style: .dashed, width: 1), at: 0)
        let figure = Figure(panel: Panel(title: "Residuals: actual minus predicted \(dataset.targetName)",
                                         xLabel: "predicted \(dataset.targetName)", yLabel: "residual", marks: marks))
        return ChapterFigure(stem: "residuals", caption: "Residuals scattered evenly around zero mean the model misses no pattern.",
                             altText: "Scatter plot of residuals against predicted \(dataset.targetName) around a dashed zero line.",
                             figure: figure)
    }

    // MARK: Classification

    static func decisionRegions(_ outcome: FitOutcome) throws -> ChapterFigure {
        let dataset = outcome.dataset
        guard case .classes(let codes, let names) = dataset.target else { preconditionFailure("classification only") }
        let (xs, ys) = (dataset.features.column(0), dataset.features.column(1))
        func padded(_ values: [Double]) -> ClosedRange<Double> {
            let low = values.min() ?? 0, high = values.max() ?? 1
            let margin = max(high - low, 1e-9) * 0.05
            return (low - margin)...(high + margin)
        }
        let (xRange, yRange) = (padded(xs), padded(ys))
        // 300 cells across keeps the staircase of the boundary finer than a marker.
        let n = 300
        let gridX = Sampling.linspace(xRange.lowerBound, xRange.upperBound, count: n)
        let gridY = Sampling.linspace(yRange.lowerBound, yRange.upperBound, count: n)
        var storage: [Double] = []
        storage.reserveCapacity(2 * n * n)
        for y in gridY { for x in gridX { storage += [x, y] } }
        let predicted = try FitRunner.predictions(outcome.model, outcome.pipeline.transform(Matrix(rows: n * n, columns: 2, storage: storage)))
        guard case .classes(let gridClasses, _) = predicted else { preconditionFailure("classification only") }
        var marks: [Mark] = [.regions(Grid2D(xs: gridX, ys: gridY, values: gridClasses.map(Double.init)))]
        let markers: [Marker] = [.circle, .square, .triangle, .cross, .plus]
        let shown = sample(Array(0..<codes.count), seed: outcome.settings.seed)
        for (code, name) in names.enumerated() {
            let rows = shown.filter { codes[$0] == code }
            marks.append(.points(x: rows.map { xs[$0] }, y: rows.map { ys[$0] }, marker: markers[code % markers.count],
                                 filled: false, size: markerSize(count: shown.count), color: Palette.color(code),
                                 label: "\(dataset.targetName) = \(name)"))
        }
        if case .svm(let model) = outcome.model {
            // Support indices count training rows in the order the model saw them.
            let rows = Array(Set(model.supportIndices)).sorted().map { dataset.trainRows[$0] }
            marks.append(.points(x: rows.map { xs[$0] }, y: rows.map { ys[$0] }, marker: .circle, filled: false,
                                 size: 14, color: .black, label: "support vectors (\(rows.count))"))
        }
        let figure = Figure(width: 760, height: 560, panel: Panel(
            title: "Decision regions of \(modelLabel(outcome))", xLabel: dataset.featureNames[0], yLabel: dataset.featureNames[1],
            xLimits: xRange, yLimits: yRange, legend: names.count > 4 ? .outsideRight : .auto, marks: marks))
        return ChapterFigure(stem: "decision-regions", caption: "Each colour is the class the model predicts there; markers are the rows of the file.",
                             altText: "Decision regions over \(dataset.featureNames[0]) and \(dataset.featureNames[1]) with the data points of \(names.count) classes.",
                             figure: figure)
    }

    /// One feature: the predicted probability of each class across the feature's range; for two
    /// classes the rows are drawn at 0 and 1, so the curve can be read against them.
    static func probabilityCurve(_ outcome: FitOutcome) throws -> ChapterFigure {
        let dataset = outcome.dataset
        guard case .classes(let codes, let names) = dataset.target else { preconditionFailure("classification only") }
        let feature = dataset.featureNames[0]
        let x = dataset.features.column(0)
        let (low, high) = (x.min() ?? 0, x.max() ?? 1)
        let grid = Sampling.linspace(low, high, count: 400)
        let predicted = try FitRunner.predictions(outcome.model, outcome.pipeline.transform(Matrix(column: grid)))
        guard case .classes(_, let probabilities) = predicted else { preconditionFailure("classification only") }
        var marks: [Mark] = []
        let binary = names.count == 2
        if binary {
            marks += pointsBySet(outcome, x: { x[$0] }, y: { Double(codes[$0]) })
            marks.append(.line(x: grid, y: probabilities.column(1), color: Palette.color(3), width: 2.5,
                               label: "P(\(dataset.targetName) = \(names[1]))"))
            marks.append(.horizontalRule(y: 0.5, color: .black, style: .dotted, width: 1, label: "threshold 0.5"))
        } else {
            for (code, name) in names.enumerated() {
                marks.append(.line(x: grid, y: probabilities.column(code), color: Palette.color(code),
                                   label: "P(\(dataset.targetName) = \(name))"))
            }
        }
        let yLabel = binary ? "\(dataset.targetName) (points) and probability (curve)" : "predicted probability"
        let figure = Figure(panel: Panel(
            title: "Predicted probability against \(feature), \(modelLabel(outcome))", xLabel: feature, yLabel: yLabel,
            yLimits: -0.05...1.05, legend: names.count > 4 ? .outsideRight : .auto, marks: marks))
        return ChapterFigure(stem: "probability", caption: "How sure the model is of each class along \(feature).",
                             altText: "Line chart of the predicted class probabilities against \(feature).", figure: figure)
    }

    static func confusionMatrix(_ outcome: FitOutcome) -> ChapterFigure {
        let useTest = outcome.testMetrics != nil
        let metrics = outcome.testMetrics ?? outcome.trainMetrics
        guard case .classification(let accuracy, _, let confusion) = metrics else { preconditionFailure("classification only") }
        let names = outcome.classNames ?? []
        let which = useTest ? "test rows" : "training rows"
        let size = Double(max(480, min(900, 160 + 70 * names.count)))
        let figure = Figure(width: size + 80, height: size, panel: .matrix(
            confusion.map { $0.map(Double.init) }, rowNames: names, columnNames: names,
            title: "Confusion matrix, \(which) (accuracy \(String(format: "%.1f", 100 * accuracy)) %)",
            xLabel: "predicted \(outcome.dataset.targetName)", yLabel: "actual \(outcome.dataset.targetName)",
            colormap: .viridis, format: .decimals(0), colorBar: "rows"))
        return ChapterFigure(stem: "confusion-matrix", caption: "Counts of each actual class (rows) by predicted class (columns), on the \(which); the diagonal is correct.",
                             altText: "Confusion matrix of \(names.count) classes on the \(which).", figure: figure)
    }

    // MARK: Model internals

    /// Bars of the weights on the scaled columns (comparable across features) or, unscaled, as learned.
    static func weightsChart(_ outcome: FitOutcome) -> ChapterFigure? {
        guard let (weights, _) = outcome.model.linearParameters, weights.count == 1 else { return nil }
        let names = outcome.pipeline.expandedNames
        guard names.count > 1, names.count <= 40 else { return nil }
        let scaled = outcome.settings.scaling != .none
        let xs = names.indices.map(Double.init)
        let figure = Figure(width: max(640, min(1200, 160 + 48 * Double(names.count))), height: 500, panel: Panel(
            title: scaled ? "Weights on the \(outcome.settings.scaling == .zscore ? "z-scored" : "min-max scaled") features" : "Weights",
            yLabel: scaled ? "weight (per scaled unit)" : "weight (per unit of the feature)",
            xTicks: names.enumerated().map { AxisTick(Double($0.offset), $0.element) },
            marks: [.bars(x: xs, heights: weights[0], label: nil), .horizontalRule(y: 0, color: .black, style: .solid, width: 1)]))
        let caption = scaled
            ? "On scaled features the weights are comparable: a longer bar moves the prediction more per standard step of its feature."
            : "Weights in the data's units; they are not comparable across features with different units."
        return ChapterFigure(stem: "weights", caption: caption,
                             altText: "Bar chart of the model's weight for each of \(names.count) terms.", figure: figure)
    }

    static func importances(_ tree: DecisionTree, _ outcome: FitOutcome) -> ChapterFigure {
        // Most important first, so the ranking reads left to right.
        let order = tree.featureImportances.indices.sorted { tree.featureImportances[$0] > tree.featureImportances[$1] }
        let names = order.map { outcome.dataset.featureNames[$0] }
        let figure = Figure(width: max(640, min(1200, 160 + 48 * Double(names.count))), height: 500, panel: Panel(
            title: "Feature importances (depth \(tree.depth), \(tree.leafCount) leaves)", yLabel: "share of the impurity decrease",
            xTicks: names.enumerated().map { AxisTick(Double($0.offset), $0.element) },
            marks: [.bars(x: names.indices.map(Double.init), heights: order.map { tree.featureImportances[$0] })]))
        return ChapterFigure(stem: "feature-importances", caption: "How much each feature's splits reduce the impurity, as a share of the total.",
                             altText: "Bar chart of the tree's feature importances for \(names.count) features.", figure: figure)
    }

    // MARK: Helpers

    /// Hollow circles for training rows and triangles for test rows: at most ``maximumPoints`` in
    /// all, each set keeping its share, with smaller markers when there are many.
    static func pointsBySet(_ outcome: FitOutcome, x: (Int) -> Double, y: (Int) -> Double) -> [Mark] {
        let seed = outcome.settings.seed
        let (trainRows, testRows) = (outcome.dataset.trainRows, outcome.dataset.testRows)
        let share = min(1, Double(maximumPoints) / Double(trainRows.count + testRows.count))
        let train = sample(trainRows, limit: Int((Double(trainRows.count) * share).rounded()), seed: seed)
        let test = sample(testRows, limit: Int((Double(testRows.count) * share).rounded()), seed: seed)
        let size = markerSize(count: train.count + test.count)
        var marks: [Mark] = [.points(x: train.map(x), y: train.map(y), marker: .circle, filled: false, size: size,
                                     color: Palette.color(0), label: "training rows")]
        if !test.isEmpty {
            marks.append(.points(x: test.map(x), y: test.map(y), marker: .triangle, filled: true, size: size,
                                 color: Palette.color(1), label: "test rows"))
        }
        return marks
    }

    /// The theme's marker size for a few hundred points, smaller ones for thousands (so a cloud
    /// shows its density instead of a solid blob).
    static func markerSize(count: Int) -> Double? {
        count <= 300 ? nil : count <= 1500 ? 6 : 4
    }

    /// Every predicted value by row index (training and test rows).
    static func predictedValues(_ outcome: FitOutcome) -> [Int: Double] {
        var result: [Int: Double] = [:]
        if case .values(let values) = outcome.trainPredictions {
            for (row, value) in zip(outcome.dataset.trainRows, values) { result[row] = value }
        }
        if case .values(let values)? = outcome.testPredictions {
            for (row, value) in zip(outcome.dataset.testRows, values) { result[row] = value }
        }
        return result
    }

    /// At most `limit` of `rows`, from a seeded shuffle.
    static func sample(_ rows: [Int], limit: Int = maximumPoints, seed: UInt64) -> [Int] {
        guard rows.count > limit else { return rows }
        var generator = SeededGenerator(seed: seed)
        return Array(rows.shuffled(using: &generator).prefix(limit))
    }

    static func modelLabel(_ outcome: FitOutcome) -> String {
        let settings = outcome.settings
        switch settings.model {
        case .linearRegression:
            let kind = settings.degree > 1 ? "degree-\(settings.degree) polynomial" : "linear regression"
            return kind + " (\(settings.solver == .normal ? (settings.l2 > 0 ? "ridge" : "normal equation") : settings.solver == .sgd ? "SGD" : "gradient descent"))"
        case .logisticRegression: return settings.degree > 1 ? "logistic regression, degree \(settings.degree)" : "logistic regression"
        case .knn: return "k-NN (k = \(settings.neighbors ?? 5))"
        case .decisionTree: return "decision tree" + (settings.maxDepth.map { " (max depth \($0))" } ?? "")
        case .svm: return "SVM (\((settings.kernel ?? .rbf).rawValue) kernel, C = \(formatNumber(settings.c ?? 1)))"
        case .neuralNetwork: return "neural network (" + (settings.hidden ?? [100]).map(String.init).joined(separator: "-") + ")"
        }
    }

    static func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "n/a" }
        return String(format: "%.4g", value)
    }
}
