import Foundation
import Models

/// The result of a fit as one JSON object (`--json`) or as readable text.
///
/// JSON keys (snake_case, always present; `null` where they do not apply):
/// `model`, `task`, `data` (file, target, features, dropped_features, rows, train_rows, test_rows),
/// `hyperparameters`, `classes`, `feature_names` (the columns the weights belong to: the inputs, or
/// their polynomial terms), `weights` and `intercept` in the data's own units (for softmax one row
/// per class), `scaled_weights` and `scaled_intercept` (as trained, on scaled columns; `null`
/// without scaling), `iterations_run` (parameter updates; epochs for a network), `epochs_run`, `final_cost`, `diverged`, `divergence`,
/// `cost_history` (with `validation_costs` for a network), `tree`, `svm`, `metrics` (`train`,
/// `test`), `warnings`, `charts`, `predictions`.
struct FitSummary {
    let outcome: FitOutcome
    /// Chart files written, relative to the working directory as given.
    let charts: [String]
    /// Where predictions went (a path, or "stdout"), and how many rows.
    let predictions: (destination: String, rows: Int)?

    /// The weights and intercepts in original units and as trained (nil for non-linear models).
    func parameters() throws -> (original: [[Double]], originalIntercepts: [Double], scaled: [[Double]], scaledIntercepts: [Double])? {
        guard let (weights, intercepts) = outcome.model.linearParameters else { return nil }
        var original: [[Double]] = [], originalIntercepts: [Double] = []
        for (row, intercept) in zip(weights, intercepts) {
            let converted = try outcome.pipeline.originalUnits(weights: row, intercept: intercept)
            original.append(converted.weights)
            originalIntercepts.append(converted.intercept)
        }
        return (original, originalIntercepts, weights, intercepts)
    }

    // MARK: JSON

    func json() throws -> JSONValue {
        let settings = outcome.settings, dataset = outcome.dataset
        let parameters = try self.parameters()
        let multiclass = outcome.model.linearParameters.map { $0.weights.count > 1 } ?? false
        func rows(_ values: [[Double]]) -> JSONValue { multiclass ? .array(values.map(JSONValue.numbers)) : .numbers(values[0]) }
        func intercepts(_ values: [Double]) -> JSONValue { multiclass ? .numbers(values) : .finite(values[0]) }
        let scaled = settings.scaling != .none
        let trace = outcome.model.trace
        var pairs: [(String, JSONValue)] = [
            ("model", .string(settings.model.rawValue)),
            ("task", .string(dataset.target.task.rawValue)),
            ("data", .object([
                ("file", .string(dataset.file)),
                ("target", .string(dataset.targetName)),
                ("features", .array(dataset.featureNames.map(JSONValue.string))),
                ("dropped_features", .array(dataset.droppedFeatures.map(JSONValue.string))),
                ("rows", .int(dataset.features.rows)),
                ("train_rows", .int(dataset.trainRows.count)),
                ("test_rows", .int(dataset.testRows.count)),
            ])),
            ("hyperparameters", hyperparameters()),
            ("classes", outcome.classNames.map { .array($0.map(JSONValue.string)) } ?? .null),
            ("feature_names", .array(outcome.pipeline.expandedNames.map(JSONValue.string))),
            ("weights", parameters.map { rows($0.original) } ?? .null),
            ("intercept", parameters.map { intercepts($0.originalIntercepts) } ?? .null),
            ("scaled_weights", parameters.flatMap { scaled ? rows($0.scaled) : nil } ?? .null),
            ("scaled_intercept", parameters.flatMap { scaled ? intercepts($0.scaledIntercepts) : nil } ?? .null),
            ("iterations_run", trace.map { .int($0.iterationsRun) } ?? .null),
            ("epochs_run", trace?.epochsRun.map { .int($0) } ?? .null),
            ("final_cost", .finite(outcome.finalCost)),
            ("diverged", .bool(trace?.divergence != nil)),
            ("divergence", trace?.divergence.map { divergence in
                .object([("step", .int(divergence.step)), ("reason", .string(divergence.reason)),
                         ("cost", .finite(divergence.cost)), ("message", .string(divergence.message))])
            } ?? .null),
            ("cost_history", trace.map { trace in
                var history: [(String, JSONValue)] = [("unit", .string(trace.unit)), ("costs", .numbers(trace.costs))]
                if !trace.validationCosts.isEmpty { history.append(("validation_costs", .numbers(trace.validationCosts))) }
                return .object(history)
            } ?? .null),
            ("tree", outcome.model.tree.map { tree in
                .object([("depth", .int(tree.depth)), ("leaves", .int(tree.leafCount)),
                         ("feature_importances", .numbers(tree.featureImportances))])
            } ?? .null),
            ("svm", svmFacts()),
            ("metrics", .object([
                ("train", Self.metrics(outcome.trainMetrics)),
                ("test", outcome.testMetrics.map(Self.metrics) ?? .null),
            ])),
            ("warnings", .array(outcome.warnings.map(JSONValue.string))),
            ("charts", .array(charts.map(JSONValue.string))),
        ]
        pairs.append(("predictions", predictions.map {
            .object([("destination", .string($0.destination)), ("rows", .int($0.rows))])
        } ?? .null))
        return .object(pairs)
    }

    /// Support vectors and convergence of a support vector machine, `null` for other models.
    func svmFacts() -> JSONValue {
        guard case .svm(let model) = outcome.model else { return .null }
        return .object([("support_vectors", .int(Set(model.supportIndices).count)),
                        ("machines", .int(model.machines.count)), ("converged", .bool(model.converged))])
    }

    func hyperparameters() -> JSONValue {
        let settings = outcome.settings
        var pairs: [(String, JSONValue)] = []
        if let solver = settings.solver { pairs.append(("solver", .string(solver.rawValue))) }
        if let rate = settings.learningRate { pairs.append(("learning_rate", .finite(rate))) }
        if let iterations = settings.iterations { pairs.append(("iterations", .int(iterations))) }
        if let epochs = settings.epochs { pairs.append(("epochs", .int(epochs))) }
        if let size = settings.batchSize { pairs.append(("batch_size", .int(size))) }
        if [.linearRegression, .logisticRegression].contains(settings.model) {
            pairs.append(("degree", .int(settings.degree)))
            if settings.model == .logisticRegression || settings.solver == .normal {
                pairs.append(("l2", .finite(settings.l2)))
            }
        }
        if let k = settings.neighbors { pairs.append(("neighbors", .int(k))) }
        if let kernel = settings.kernel {
            pairs.append(("kernel", .string(kernel.rawValue)))
            pairs.append(("c", .finite(settings.c)))
            if kernel != .linear { pairs.append(("gamma", settings.gamma.map { .number($0) } ?? .string("scale"))) }
            if let degree = settings.kernelDegree { pairs.append(("degree", .int(degree))) }
        }
        if let hidden = settings.hidden {
            pairs.append(("hidden", .array(hidden.map { .int($0) })))
            pairs.append(("l2", .finite(settings.l2)))
        }
        if settings.model == .decisionTree { pairs.append(("max_depth", settings.maxDepth.map { .int($0) } ?? .null)) }
        pairs.append(("scale", .string(settings.scaling.rawValue)))
        pairs.append(("test_fraction", .finite(settings.testFraction)))
        pairs.append(("seed", .int(Int(truncatingIfNeeded: settings.seed))))
        return .object(pairs)
    }

    static func metrics(_ metrics: FitMetrics) -> JSONValue {
        var pairs = metrics.namedValues.map { ($0.name, JSONValue.finite($0.value)) }
        if case .classification(_, _, let confusion) = metrics {
            pairs.append(("confusion_matrix", .array(confusion.map { .array($0.map { .int($0) }) })))
        }
        return .object(pairs)
    }

    // MARK: Text

    /// The readable summary: what was fitted, the learned parameters in original units, the metrics.
    func text() throws -> String {
        let settings = outcome.settings, dataset = outcome.dataset
        var lines: [String] = []
        let taskWord = dataset.target.task == .classification ? "classes" : "values"
        lines.append("\(settings.model.rawValue) on \(dataset.file): predicts \"\(dataset.targetName)\" (\(taskWord)) from "
                     + dataset.featureNames.map { "\"\($0)\"" }.joined(separator: ", "))
        lines.append("rows: \(dataset.features.rows) (\(dataset.trainRows.count) train, \(dataset.testRows.count) test)"
                     + "   settings: " + hyperparameterText())
        if let classes = outcome.classNames { lines.append("classes: " + classes.joined(separator: ", ")) }
        if let trace = outcome.model.trace {
            var line = "training: \(trace.iterationsRun) updates"
            if let epochs = trace.epochsRun {
                line = epochs == trace.iterationsRun ? "training: \(epochs) epochs" : line + " over \(epochs) epochs"
            }
            line += ", final cost \(Self.format(trace.finalCost))"
            if let step = trace.convergedAt { line += " (converged at step \(step))" }
            if let divergence = trace.divergence { line += " -- DIVERGED: \(divergence.message)" }
            lines.append(line)
        } else if let cost = outcome.finalCost {
            lines.append("training: closed form, final cost \(Self.format(cost))")
        }
        if let parameters = try parameters() {
            let names = outcome.pipeline.expandedNames
            let width = max(9, names.map(\.count).max() ?? 0)
            let scaled = settings.scaling != .none
            for (index, weights) in parameters.original.enumerated() {
                if let classes = outcome.classNames, parameters.original.count > 1 {
                    lines.append("class \(classes[index]):")
                }
                lines.append("  " + "term".padded(width) + "  weight (data units)" + (scaled ? "   weight (scaled)" : ""))
                for (j, name) in names.enumerated() {
                    lines.append("  " + name.padded(width) + "  "
                             + (scaled ? Self.format(weights[j]).padded(20) + " " + Self.format(parameters.scaled[index][j])
                                       : Self.format(weights[j])))
                }
                lines.append("  " + "intercept".padded(width) + "  "
                             + (scaled ? Self.format(parameters.originalIntercepts[index]).padded(20) + " "
                                         + Self.format(parameters.scaledIntercepts[index])
                                       : Self.format(parameters.originalIntercepts[index])))
            }
        }
        if let tree = outcome.model.tree {
            let importances = zip(dataset.featureNames, tree.featureImportances)
                .map { "\($0) \(String(format: "%.3f", $1))" }.joined(separator: ", ")
            lines.append("tree: depth \(tree.depth), \(tree.leafCount) leaves; feature importances: \(importances)")
        }
        lines.append("train: " + Self.metricText(outcome.trainMetrics))
        if let test = outcome.testMetrics { lines.append("test:  " + Self.metricText(test)) }
        for chart in charts { lines.append("chart: \(chart)") }
        if let predictions, predictions.destination != "stdout" {
            lines.append("predictions: \(predictions.rows) rows -> \(predictions.destination)")
        }
        return lines.joined(separator: "\n")
    }

    func hyperparameterText() -> String {
        guard case .object(let pairs) = hyperparameters() else { return "" }
        return pairs.map { pair in
            if case .string(let text) = pair.1 { return "\(pair.0)=\(text)" }
            return "\(pair.0)=\(pair.1.serialized())"
        }.joined(separator: " ")
    }

    static func metricText(_ metrics: FitMetrics) -> String {
        metrics.namedValues.map { "\($0.name) \(format($0.value))" }.joined(separator: "  ")
    }

    /// Six significant digits, enough to compare with other tools at a glance.
    static func format(_ value: Double) -> String {
        value.isFinite ? String(format: "%.6g", value) : "n/a"
    }
}

private extension String {
    func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
