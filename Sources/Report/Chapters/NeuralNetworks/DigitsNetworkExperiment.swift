import Foundation
import Models
import Plot

/// A one-hidden-layer network on the 8 x 8 digits (pixels / 16) with scikit-learn's split and
/// settings (`MLPClassifier(hidden_layer_sizes=(64,), ...)`, the fixture's first configuration).
///
/// The held-out test rows double as the validation curve of the loss figure: they are only
/// watched, never trained on.
struct DigitsNetworkExperiment: Sendable {
    let trainX: Matrix
    let trainY: [Int]
    let testX: Matrix
    let testY: [Int]
    let model: FittedNeuralNetworkClassifier
    let testPredictions: [Int]
    /// The fixture's configuration: hidden layers and epochs.
    let hiddenLayers: [Int]
    let epochs: Int

    /// Trains the network; `epochs` defaults to the fixture's `max_iter`.
    init(seed: UInt64, epochs: Int? = nil) throws {
        let reference = try SklearnReference.shared()
        let settings = ["experiments", "mlp_digits", "configurations", "0", "settings"]
        let table = try BundledDataset.digits.load()
        let target = BundledDataset.digits.targetColumn
        let pixels = try table.matrix(columns: table.columnNames.filter { $0 != target })
        let x = Matrix(rows: pixels.rows, columns: pixels.columns, storage: pixels.storage.map { $0 / 16 })
        let y = try classCodes(from: table.numeric(target))
        let (train, test) = try SupportVectorData.fixtureSplit("mlp_digits", rowCount: x.rows)
        trainX = x.selectingRows(train)
        testX = x.selectingRows(test)
        trainY = train.map { y[$0] }
        testY = test.map { y[$0] }
        hiddenLayers = try reference.numbers(settings + ["hidden_layer_sizes"]).map { Int($0) }
        self.epochs = try epochs ?? Int(reference.number(settings + ["max_iter"]))
        let network = NeuralNetworkClassifier(
            hiddenLayers: hiddenLayers, activation: .relu, output: .softmax,
            optimizer: .adam(learningRate: try reference.number(settings + ["learning_rate_init"])),
            l2: try reference.number(settings + ["alpha"]), epochs: self.epochs,
            batchSize: Int(try reference.number(settings + ["batch_size"])), seed: seed)
        model = try network.fit(trainX, trainY, validation: (testX, testY))
        testPredictions = try model.predict(testX)
    }

    var testAccuracy: Double { (try? accuracy(testY, testPredictions)) ?? .nan }

    // MARK: Figures and tables

    func lossFigure() -> ChapterFigure {
        let history = model.history
        let epochs = (1...history.epochs).map(Double.init)
        let panel = Panel(
            xLabel: "epoch", yLabel: "cross-entropy (nats per digit)", yScale: .log, legend: .topRight,
            marks: [
                .line(x: epochs, y: history.trainingLoss, color: Palette.color(0), width: 2.5, label: "training rows"),
                .line(x: epochs, y: history.validationLoss, color: Palette.color(1), style: .dashed, width: 2.5,
                      label: "held-out rows"),
            ])
        return ChapterFigure(
            stem: "loss-curves",
            caption: "Both losses fall quickly, then the training loss keeps falling while the held-out loss levels off: the gap is what the network has memorised about its own training digits. Had the held-out curve turned up, further epochs would only overfit.",
            altText: "Training and held-out cross-entropy of the digits network over \(history.epochs) epochs on a log scale; both drop steeply in the first epochs; the training loss keeps decreasing while the held-out loss flattens above it.",
            figure: Figure(width: 760, height: 440, panel: panel))
    }

    func confusionFigure() throws -> ChapterFigure {
        let counts = try ConfusionMatrix(truth: testY, predictions: testPredictions, classCount: 10).counts
        let names = (0...9).map(String.init)
        let panel = Panel.matrix(counts.map { $0.map(Double.init) }, rowNames: names, columnNames: names,
                                 xLabel: "predicted digit", yLabel: "true digit", colormap: .greys,
                                 colorBar: "test digits")
        let errors = testY.count - zip(testY, testPredictions).filter { $0 == $1 }.count
        return ChapterFigure(
            stem: "digits-confusion",
            caption: "Almost every test digit lands on the diagonal; the few off it show which shapes the network confuses.",
            altText: "A ten-by-ten grid of counts, true digit by row and predicted digit by column, for the \(testY.count) test digits; the diagonal holds about 45 per digit and only \(errors) counts lie off it.",
            figure: Figure(width: 640, height: 560, panel: panel))
    }

    /// Up to `limit` misclassified test digits, each with its true and predicted label.
    func misclassifiedFigure(limit: Int = 12) -> ChapterFigure {
        let wrong = testY.indices.filter { testY[$0] != testPredictions[$0] }.prefix(limit)
        let panels = wrong.map { row -> Panel in
            Panel(title: "true \(testY[row]) → \(testPredictions[row])", xLimits: 0...8, yLimits: 0...8,
                  equalAspect: true, grid: false, legend: .hidden, showsAxes: false,
                  marks: [.image(testX.row(row), width: 8, height: 8, x: 0...8, y: 0...8, colormap: .greys, range: 0...1)])
        }
        let columns = 6, rows = max(1, (panels.count + columns - 1) / columns)
        let errorCount = testY.count - zip(testY, testPredictions).filter { $0 == $1 }.count
        return ChapterFigure(
            stem: "misclassified-digits",
            caption: (panels.count == errorCount ? "All \(errorCount) test digits the network got wrong" : "The first \(panels.count) of the \(errorCount) test digits the network got wrong")
                + ", in file order, titled with the true and the predicted digit. At 8 by 8 pixels several are hard for a person too.",
            altText: "A grid of \(panels.count) small greyscale 8 by 8 digit images, each titled with its true label and the network's wrong prediction.",
            figure: Figure(width: 900, height: Double(60 + 150 * rows), rows: rows, columns: columns, panels: panels))
    }

    func accuracyTable() throws -> ChapterTable {
        let reference = try SklearnReference.shared()
        let config = ["experiments", "mlp_digits", "configurations", "0"]
        let low = try reference.number(config + ["test_accuracy_min"]), high = try reference.number(config + ["test_accuracy_max"])
        guard case .array(let runs) = try reference.value(config + ["runs"]) else {
            throw SklearnReferenceError.wrongKind(keyPath: config.joined(separator: "."), expected: "runs")
        }
        let trainAccuracies = try runs.indices.map { try reference.number(config + ["runs", "\($0)", "train_accuracy"]) }
        let number = { (value: Double) in TableNumber.significant(value, digits: 4) }
        let ours = try model.score(trainX, trainY)
        return ChapterTable(
            name: "digits-accuracy",
            caption: "The digits network (64 inputs, \(hiddenLayers.map(String.init).joined(separator: ", ")) ReLU units, 10 softmax outputs; Adam, batches of \(model.hyperparameters.batchSize), \(epochs) epochs) on scikit-learn's split of \(trainY.count) training and \(testY.count) test digits. Initial weights and shuffling differ between the libraries, so scikit-learn's column gives the range over its \(runs.count) recorded seeds.",
            header: ["", "ours", "scikit-learn (range over seeds)"],
            rows: [
                ["training accuracy", number(ours), "\(number(trainAccuracies.min() ?? .nan))–\(number(trainAccuracies.max() ?? .nan))"],
                ["test accuracy", number(testAccuracy), "\(number(low))–\(number(high))"],
            ],
            comparison: .init(ours: 1, reference: 2))
    }
}
