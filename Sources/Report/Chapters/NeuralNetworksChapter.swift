import Foundation
import Models
import Plot

/// Chapter 12: neural networks. Layers of neurons with non-linear activations, trained by
/// backpropagation (checked against finite differences); watching a network carve the moons;
/// handwritten digits; the all-zero initialisation pitfall.
struct NeuralNetworksChapter: Chapter {
    let id = "neural-networks"
    let number = 12
    let title = "Neural networks"
    let summary = "Layers of neurons learn their own features; backpropagation computes every gradient by the chain rule."
    /// Grid points per axis of the decision-region figures (tests use fewer, for speed).
    var gridResolution = 160
    /// Epochs of the digits network (nil: the fixture's 200).
    var digitsEpochs: Int?

    /// The moons network of the fixture (`MLPClassifier(hidden_layer_sizes=(16, 16), activation="tanh")`).
    static let moonsHidden = [16, 16]
    /// Epochs of the moons network, and the snapshots drawn.
    static let moonsEpochs = 300
    static let snapshotEpochs = [1, 10, 50, 300]
    /// The rows and layer sizes of the gradient check.
    static let checkRows = 12
    static let checkLayers = [2, 3, 2]
    static let checkL2 = 0.1

    func build(_ context: ChapterContext) throws -> ChapterPage {
        let moons = try SupportVectorData.fixtureMoons()
        let moonsModel = try Self.moonsNetwork(seed: context.seed, initialization: .automatic, snapshots: .at(Self.snapshotEpochs))
            .fit(moons.x, moons.y)
        let digits = try DigitsNetworkExperiment(seed: context.seed, epochs: digitsEpochs)
        return ChapterPage(
            figures: [
                activationsFigure(),
                try snapshotsFigure(moons, moonsModel),
                digits.lossFigure(),
                try digits.confusionFigure(),
                digits.misclassifiedFigure(),
                try zeroInitialisationFigure(moons, seed: context.seed),
                try sigmoidLearningRateFigure(moons, seed: context.seed),
            ],
            tables: [try gradientCheckTable(moons, seed: context.seed), try moonsTable(moons, moonsModel),
                     try digits.accuracyTable()],
            code: [try context.excerpt("network-backpropagation")],
            thumbnail: "training-snapshots")
    }

    /// The moons network with the fixture's settings.
    static func moonsNetwork(seed: UInt64, initialization: WeightInitialization, activation: Activation = .tanh,
                             snapshots: SnapshotSchedule = .none) throws -> NeuralNetworkClassifier {
        let reference = try SklearnReference.shared()
        let settings = ["experiments", "mlp_moons", "settings"]
        return NeuralNetworkClassifier(
            hiddenLayers: moonsHidden, activation: activation, output: .softmax,
            optimizer: .adam(learningRate: try reference.number(settings + ["learning_rate_init"])),
            l2: try reference.number(settings + ["alpha"]), epochs: moonsEpochs,
            batchSize: Int(try reference.number(settings + ["batch_size"])), initialization: initialization,
            seed: seed, snapshots: snapshots)
    }

    // MARK: Figures

    func activationsFigure() -> ChapterFigure {
        let z = Sampling.linspace(-5, 5, count: 201)
        let styles: [(Activation, String, LineStyle)] = [
            (.sigmoid, "sigmoid", .solid), (.tanh, "tanh", .dashed), (.relu, "ReLU", .dotted),
        ]
        let panel = { (title: String, yLabel: String, limits: ClosedRange<Double>, value: @escaping (Activation, Double) -> Double) in
            Panel(title: title, xLabel: "weighted sum z", yLabel: yLabel, xLimits: -5...5, yLimits: limits, legend: .topLeft,
                  marks: styles.enumerated().map { index, entry in
                      .line(x: z, y: z.map { value(entry.0, $0) }, color: Palette.color(index), style: entry.2, width: 2.5,
                            label: entry.1)
                  })
        }
        return ChapterFigure(
            stem: "activations",
            caption: "Sigmoid and tanh squash $z$ into a band and go flat far from 0, where their slope (right) nearly vanishes and learning slows; ReLU keeps a slope of 1 for every positive $z$ and 0 for negative ones.",
            altText: "Left: sigmoid rising from 0 to 1, tanh from −1 to 1 and ReLU zero then linear, for z from −5 to 5. Right: their derivatives, bell-shaped peaks of 0.25 (sigmoid) and 1 (tanh) at z = 0, and a step from 0 to 1 for ReLU.",
            figure: Figure(width: 1000, height: 420, rows: 1, columns: 2, panels: [
                panel("Activation g(z)", "g(z)", -1.2...2.2) { $0.value($1) },
                panel("Derivative g′(z)", "g′(z)", -0.1...1.2) { $0.derivative($1) },
            ]))
    }

    /// Decision regions of a two-class network, borders where its two softmax outputs tie.
    func regionsPanel(_ model: FittedNeuralNetworkClassifier, _ data: SupportVectorData.Plane, title: String,
                      legend: LegendPlacement) throws -> Panel {
        let figure = try DecisionRegionsFigure(
            x: data.x.column(0), y: data.x.column(1), labels: data.y, classNames: ["class 0", "class 1"],
            xLabel: "x₁", yLabel: "x₂", title: title, resolution: gridResolution, xLimits: -1.9...2.9, yLimits: -1.4...1.9,
            legend: legend, markerSize: 6)
        return try figure.panel { grid in
            let p = try model.predictProbabilities(grid)
            return .init(classes: (0..<p.rows).map { p[$0, 1] > p[$0, 0] ? 1 : 0 }, scores: p)
        }
    }

    func snapshotsFigure(_ data: SupportVectorData.Plane, _ model: FittedNeuralNetworkClassifier) throws -> ChapterFigure {
        let panels = try model.snapshots.enumerated().map { index, snapshot -> Panel in
            let stage = model.model(at: snapshot)
            let accuracy = try stage.score(data.x, data.y)
            return try regionsPanel(
                stage, data, title: "after \(snapshot.epoch) epoch\(snapshot.epoch == 1 ? "" : "s"): train acc. \(TableNumber.significant(accuracy, digits: 3))",
                legend: index == model.snapshots.count - 1 ? .bottomLeft : .hidden)
        }
        return ChapterFigure(
            stem: "training-snapshots",
            caption: "The same network (2 inputs, two hidden layers of 16 tanh units, softmax output; Adam) at four points of training on the moons: first a nearly straight cut, then a bend, then a boundary that follows the gap between the moons.",
            altText: "Four panels of the 200 moons with the network's decision regions after \(Self.snapshotEpochs.map(String.init).joined(separator: ", ")) epochs; the boundary starts almost straight and gradually curves into an S between the two moons.",
            figure: Figure(width: 1100, height: 860, rows: 2, columns: 2, theme: SupportVectorMachinesChapter.compactTheme,
                           panels: panels))
    }

    /// Sigmoid units, so that zero weights still give non-zero hidden outputs (0.5) and the units do
    /// learn, but in lockstep. (With tanh, outputs of 0 would leave every weight's gradient at 0.)
    func zeroInitialisationFigure(_ data: SupportVectorData.Plane, seed: UInt64) throws -> ChapterFigure {
        let zero = try Self.moonsNetwork(seed: seed, initialization: .zeros, activation: .sigmoid).fit(data.x, data.y)
        let random = try Self.moonsNetwork(seed: seed, initialization: .glorot, activation: .sigmoid).fit(data.x, data.y)
        let distinct = Self.distinctHiddenUnits(zero.network)
        let title = { (start: String, model: FittedNeuralNetworkClassifier) throws -> String in
            let units = Self.distinctHiddenUnits(model.network)
            return "\(start): \(units) distinct unit\(units == 1 ? "" : "s"), train acc. \(TableNumber.significant(try model.score(data.x, data.y), digits: 3))"
        }
        let panels = [
            try regionsPanel(zero, data, title: try title("zero start", zero), legend: .hidden),
            try regionsPanel(random, data, title: try title("random start", random), legend: .bottomLeft),
        ]
        return ChapterFigure(
            stem: "zero-initialisation",
            caption: "Two identical networks (two hidden layers of \(Self.moonsHidden[0]) sigmoid units, \(Self.moonsEpochs) epochs of Adam), one started with every weight at zero, one with random (Glorot) weights. From zero, all hidden units of a layer compute the same value and receive the same gradient, so they are still identical copies at the end: the network is no more flexible than one unit per layer, and its boundary stays straight. Random starting weights break the symmetry.",
            altText: "Two panels of the moons with decision regions: on the left, the zero-started network with \(distinct) distinct hidden unit(s) and a straight boundary; on the right, the randomly started network with a curved boundary between the moons.",
            figure: Figure(width: 1100, height: 440, rows: 1, columns: 2, theme: SupportVectorMachinesChapter.compactTheme,
                           panels: panels))
    }

    /// The learning rates of the saturation pitfall (plain SGD, sigmoid units).
    static let saturationRates: [Double] = [0.5, 5, 50]
    static let saturationEpochs = 200

    /// One run of the saturation pitfall: the loss curve, the share of hidden activations within
    /// 0.01 of 0 or 1 (where the sigmoid's slope is below 0.01) after training, and the accuracy.
    struct SaturationRun: Sendable {
        let rate: Double
        let trainingLoss: [Double]
        let saturatedShare: Double
        let accuracy: Double
    }

    static func saturationRuns(_ data: SupportVectorData.Plane, seed: UInt64) throws -> [SaturationRun] {
        try saturationRates.map { rate in
            let model = try NeuralNetworkClassifier(
                hiddenLayers: moonsHidden, activation: .sigmoid, output: .softmax, optimizer: .sgd(learningRate: rate),
                l2: 0, epochs: saturationEpochs, batchSize: 32, initialization: .glorot, seed: seed).fit(data.x, data.y)
            let hidden = try model.network.layerOutputs(data.x).dropLast().flatMap(\.storage)
            let saturated = hidden.filter { $0 < 0.01 || $0 > 0.99 }.count
            return SaturationRun(rate: rate, trainingLoss: model.history.trainingLoss,
                                 saturatedShare: Double(saturated) / Double(max(hidden.count, 1)),
                                 accuracy: try model.score(data.x, data.y))
        }
    }

    func sigmoidLearningRateFigure(_ data: SupportVectorData.Plane, seed: UInt64) throws -> ChapterFigure {
        let runs = try Self.saturationRuns(data, seed: seed)
        let styles: [LineStyle] = [.solid, .dashed, .dotted]
        let marks = runs.enumerated().map { index, run -> Mark in
            .line(x: (1...run.trainingLoss.count).map(Double.init), y: run.trainingLoss, color: Palette.color(index),
                  style: styles[index % styles.count], width: 2.5,
                  label: "rate \(TableNumber.significant(run.rate, digits: 3)): \(String(format: "%.0f", run.saturatedShare * 100))% of units saturated, acc. \(TableNumber.significant(run.accuracy, digits: 2))")
        }
        let panel = Panel(xLabel: "epoch", yLabel: "training cross-entropy (nats)", yScale: .log, legend: .outsideRight,
                          marks: marks)
        let worst = runs.last!
        return ChapterFigure(
            stem: "sigmoid-learning-rate",
            caption: "The moons network with sigmoid units, trained by plain SGD at three learning rates. The smaller rates learn (the middle one faster but noisily, with some units already saturated); the huge one throws the weighted sums far from 0 in its first steps, where the sigmoid is flat, so most units sit at 0 or 1 with almost no slope left, and the loss stays high instead of falling.",
            altText: "Training loss over \(Self.saturationEpochs) epochs on a log scale for learning rates \(runs.map { TableNumber.significant($0.rate, digits: 3) }.joined(separator: ", ")); the smaller rates fall below 1, the rate \(TableNumber.significant(worst.rate, digits: 3)) curve stays far above them with \(String(format: "%.0f", worst.saturatedShare * 100))% of the hidden units saturated.",
            figure: Figure(width: 1000, height: 440, panel: panel))
    }

    /// How many different incoming-weight columns (to 1e-9) the first hidden layer has.
    static func distinctHiddenUnits(_ network: NeuralNetwork) -> Int {
        let w = network.weights(layer: 0), b = network.biases(layer: 0)
        var units: [[Double]] = []
        for unit in 0..<w.columns {
            let column = w.column(unit) + [b[unit]]
            if !units.contains(where: { zip($0, column).allSatisfy { abs($0 - $1) < 1e-9 } }) { units.append(column) }
        }
        return units.count
    }

    // MARK: Tables

    /// Backpropagation against central differences on a small network and a few moons.
    func gradientCheckTable(_ data: SupportVectorData.Plane, seed: UInt64) throws -> ChapterTable {
        let entries = try Self.gradientCheck(data, seed: seed)
        let rows = entries.map { entry in
            [entry.name, String(format: "%.10f", entry.analytic), String(format: "%.10f", entry.numeric),
             TableNumber.significant(entry.relativeError, digits: 2)]
        }
        return ChapterTable(
            name: "gradient-check",
            caption: "Backpropagation beside the central difference with $\\epsilon = 10^{-5}$ for a few parameters of a \(Self.checkLayers.map(String.init).joined(separator: "-")) tanh network (random weights) on \(Self.checkRows) moons, cross-entropy plus an L2 penalty of \(TableNumber.significant(Self.checkL2, digits: 2)). A relative error around $10^{-8}$ or smaller means the hand-written backward pass is right; a bug typically shows up as $10^{-2}$ or worse.",
            header: ["parameter", "backpropagation", "finite difference", "relative error"], rows: rows)
    }

    /// The entries of the gradient-check table.
    static func gradientCheck(_ data: SupportVectorData.Plane, seed: UInt64) throws -> [GradientCheckEntry] {
        var generator = SeededGenerator(seed: seed)
        let network = try NeuralNetwork(layerSizes: checkLayers, hiddenActivation: .tanh, outputActivation: .softmax,
                                        initialization: .glorot, using: &generator)
        let rows = Array(0..<checkRows)
        let x = data.x.selectingRows(rows)
        var targets = Matrix(rows: rows.count, columns: 2)
        for r in rows { targets[r, data.y[r]] = 1 }
        let indices = [network.weightIndex(layer: 0, input: 0, unit: 0), network.weightIndex(layer: 0, input: 1, unit: 2),
                       network.biasIndex(layer: 0, unit: 1), network.weightIndex(layer: 1, input: 2, unit: 1),
                       network.biasIndex(layer: 1, unit: 0)]
        return try network.gradientCheck(x, targets, l2: checkL2, parameterIndices: indices)
    }

    /// The moons network's training accuracy beside scikit-learn's range over seeds.
    func moonsTable(_ data: SupportVectorData.Plane, _ model: FittedNeuralNetworkClassifier) throws -> ChapterTable {
        let reference = try SklearnReference.shared()
        let low = try reference.number("experiments", "mlp_moons", "train_accuracy_min")
        let high = try reference.number("experiments", "mlp_moons", "train_accuracy_max")
        let number = { (value: Double) in TableNumber.significant(value, digits: 3) }
        return ChapterTable(
            name: "moons-accuracy",
            caption: "Training accuracy on the \(data.y.count) moons of the network in the snapshots (\(Self.moonsEpochs) epochs), beside scikit-learn's `MLPClassifier` with the same layers and settings (its range over the recorded seeds; it stops when the loss stalls).",
            header: ["", "ours", "scikit-learn (range over seeds)"],
            rows: [["training accuracy", number(try model.score(data.x, data.y)), "\(number(low))–\(number(high))"]],
            comparison: .init(ours: 1, reference: 2))
    }
}
