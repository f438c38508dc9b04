import ArgumentParser
import Foundation

/// `report fit MODEL --data FILE.csv --target COLUMN ...`: one model on the user's own CSV file,
/// with a summary (text or JSON), charts and predictions for new rows.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit one model to your own CSV file: summary or JSON, charts, predictions.",
        discussion: guide)

    static let guide = """
        The CSV file needs a header row of column names. Features must be numbers; the target may \
        be text for a classifier. The rows are split into training and test rows (--test-fraction, \
        stratified by class for classifiers, seeded by --seed); the scaler and polynomial terms are \
        learned on the training rows only and applied unchanged to test rows and to --predict rows.

        Weights are reported in the data's own units (per unit of each feature or polynomial term) \
        and, when features were scaled, also as trained on the scaled features. A feature that \
        has one value in every training row is left out with a warning. Gradient descent that \
        diverges is reported (cost history so far, the step it blew up at), not an error. Warnings \
        go to standard error.

        OPTIONS BY MODEL (defaults in brackets):
          linear-regression
            --solver gd|normal|sgd [gd], --degree [1]
            gd:     --learning-rate [0.1] --iterations [1000]
            normal: --l2 [0]  ridge: minimises the sum of squared errors
                    plus l2 * |w|^2
            sgd:    --learning-rate [0.01] --epochs [50] --batch-size [32]
          logistic-regression  (softmax for 3 or more classes)
            --learning-rate [0.1] --iterations [1000] --degree [1]
            --l2 [0]  adds l2/(2m) * |w|^2 to the mean log-loss
          knn            --neighbors [5]
          decision-tree  --max-depth [unlimited]
          svm            --kernel linear|poly|rbf [rbf] --c [1]
                         --gamma [1/(features * variance)] (poly, rbf)
                         --degree [3] (poly: the kernel's degree)
          neural-network --hidden [100] (e.g. 64,64) --epochs [200]
                         --learning-rate [0.001] (Adam) --batch-size [200]
                         --l2 [0.0001]
          every model
            --scale zscore|minmax|none [zscore; none for decision-tree]
            --test-fraction [0.2] (0 trains on every row)  --seed [42]
        An option the chosen model does not take is an error, never ignored.
        knn, decision-tree and neural-network classify or regress: --task auto
        picks classification when the target is text or holds at most 20
        distinct whole numbers.

        OUTPUT:
          The summary goes to stdout; with --json, one JSON object with the
          keys model, task, data, hyperparameters, classes, feature_names,
          weights, intercept, scaled_weights, scaled_intercept,
          iterations_run, epochs_run, final_cost, diverged, divergence,
          cost_history, tree, svm, metrics {train, test}, warnings, charts
          and predictions (null where they do not apply).
          --charts DIR writes cost, fit or predicted-vs-actual, residuals,
          decision-regions, confusion-matrix, weights and feature-importances
          (those that apply) as --format png,svg,pdf at --chart-scale 1 to 4.
          DIR is replaced whole, and only if it is new, empty or was written
          by 'report'.
          --predict FILE.csv predicts each row of FILE (it needs the feature
          columns): its columns, then predicted_TARGET and, for classifiers,
          probability_CLASS for each class. They go to --output-predictions
          (an existing file is replaced only with --overwrite), or else to
          stdout, and then the summary goes to stderr (--json needs a file).
          Nothing is written unless everything succeeds.

        EXAMPLES:
          report fit linear-regression --data houses.csv \\
              --target price_1000usd --solver normal
          report fit logistic-regression --data iris.csv --target species \\
              --features petal_length_cm,petal_width_cm \\
              --charts iris-charts --format png,svg
          report fit knn --data iris.csv --target species --neighbors 7 --json
          report fit linear-regression --data cars.csv \\
              --target Miles_per_Gallon --features Horsepower --degree 2 \\
              --drop-missing --predict new.csv --output-predictions out.csv

        EXIT CODES:
          0   fitted (and every file written)
          64  bad command line: a bad option value, an option the model does
              not take, an unknown column
          65  the data cannot be used: a cell that is not a number, a missing
              value, a ragged row, a single class, every feature constant, a
              singular normal equation ...
          66  the data or prediction file does not exist or cannot be read
          73  the charts folder or predictions file would replace something
              that is not ours
          74  writing a chart or the predictions failed; nothing was left
        """

    @Argument(help: ArgumentHelp("The model: \(FitModel.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "model"))
    var model: FitModel

    @Option(name: .long, help: ArgumentHelp("The CSV file to learn from (header row first).", valueName: "file.csv"))
    var data: String

    @Option(name: .long, help: ArgumentHelp("The column to predict.", valueName: "column"))
    var target: String

    @Option(name: .long, help: ArgumentHelp("Feature columns, comma-separated (default: every numeric column but the target).",
                                            valueName: "a,b,..."), transform: FitCommand.parseNames)
    var features: [String]?

    @Option(name: .long, help: ArgumentHelp("auto, classification or regression (for knn and decision-tree).", valueName: "task"))
    var task: FitTask = .auto

    @Option(name: .long, help: ArgumentHelp("Linear regression solver: gd, normal or sgd (default gd).", valueName: "solver"))
    var solver: LinearSolverChoice?

    @Option(name: .long, help: ArgumentHelp("Gradient descent step size alpha.", valueName: "alpha"))
    var learningRate: Double?

    @Option(name: .long, help: ArgumentHelp("Gradient descent steps.", valueName: "n"))
    var iterations: Int?

    @Option(name: .long, help: ArgumentHelp("Passes over the data (sgd).", valueName: "n"))
    var epochs: Int?

    @Option(name: .long, help: ArgumentHelp("Rows per update (sgd).", valueName: "n"))
    var batchSize: Int?

    @Option(name: .long, help: ArgumentHelp("Polynomial degree of the features, 1 to 10 (linear and logistic regression).", valueName: "n"))
    var degree: Int?

    @Option(name: .customLong("l2"), help: ArgumentHelp("L2 regularisation strength (normal solver, logistic regression).", valueName: "lambda"))
    var l2: Double?

    @Option(name: .long, help: ArgumentHelp("Neighbours that vote (knn).", valueName: "k"))
    var neighbors: Int?

    @Option(name: .long, help: ArgumentHelp("Deepest level of the tree (decision-tree; default unlimited).", valueName: "n"))
    var maxDepth: Int?

    @Option(name: .long, help: ArgumentHelp("SVM kernel: linear, poly or rbf (default rbf).", valueName: "kernel"))
    var kernel: KernelChoice?

    @Option(name: .customLong("c"), help: ArgumentHelp("SVM penalty per unit of margin violation (default 1).", valueName: "C"))
    var c: Double?

    @Option(name: .long, help: ArgumentHelp("Width of the poly or rbf kernel (default: 1 / (features * variance)).", valueName: "gamma"))
    var gamma: Double?

    @Option(name: .long, help: ArgumentHelp("Units per hidden layer of the neural network, e.g. 64,64 (default 100).", valueName: "n,n,..."),
            transform: FitCommand.parseSizes)
    var hidden: [Int]?

    @Option(name: .long, help: ArgumentHelp("Feature scaling: zscore, minmax or none.", valueName: "kind"))
    var scale: FeatureScaling?

    @Option(name: .long, help: ArgumentHelp("Share of rows held out for testing, 0 to below 1.", valueName: "fraction"))
    var testFraction: Double = 0.2

    @Option(name: .long, help: ArgumentHelp("Seed for the split, shuffles and chart samples.", valueName: "n"))
    var seed: UInt64 = 42

    @Flag(name: .long, help: "Leave out rows with a missing value in the target or a feature.")
    var dropMissing = false

    @Flag(name: .long, help: "Print one JSON object instead of the readable summary.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Folder to write the charts to.", valueName: "dir"))
    var charts: String?

    @Option(name: .long, help: ArgumentHelp("Chart formats, comma-separated: png, svg, pdf (PNG is always written).", valueName: "formats"),
            transform: BuildCommand.parseFormats)
    var format: [FigureFormat]?

    @Option(name: .long, help: ArgumentHelp("PNG resolution multiplier for the charts, 1 to 4.", valueName: "n"))
    var chartScale: Double?

    @Option(name: .long, help: ArgumentHelp("A CSV file of new rows to predict.", valueName: "file.csv"))
    var predict: String?

    @Option(name: .long, help: ArgumentHelp("Where to write the predictions (default: stdout).", valueName: "file.csv"))
    var outputPredictions: String?

    @Flag(name: .long, help: "Let --output-predictions replace an existing file.")
    var overwrite = false

    /// Splits `a,b,c`, refusing empty names.
    static func parseNames(_ text: String) throws -> [String] {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard !names.contains(where: \.isEmpty) else {
            throw ValidationError("--features has an empty name in '\(text)'; separate column names with single commas")
        }
        return names
    }

    /// Splits `64,64` into layer sizes.
    static func parseSizes(_ text: String) throws -> [Int] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { word in
            guard let size = Int(word.trimmingSpaces) else {
                throw ValidationError("--hidden takes whole numbers separated by commas, e.g. 64,64 (got '\(text)')")
            }
            return size
        }
    }

    func validate() throws {
        _ = try settings()
        if let chartScale, !(chartScale.isFinite && (1...4).contains(chartScale)) {
            throw ValidationError("--chart-scale must be between 1 and 4 (got \(chartScale))")
        }
        if charts == nil, format != nil || chartScale != nil {
            throw ValidationError("--format and --chart-scale describe the charts; add --charts DIR")
        }
        if outputPredictions != nil, predict == nil {
            throw ValidationError("--output-predictions needs --predict FILE.csv (the rows to predict)")
        }
        if overwrite, outputPredictions == nil {
            throw ValidationError("--overwrite applies to --output-predictions only")
        }
        if json, predict != nil, outputPredictions == nil {
            throw ValidationError("--json and predictions would both go to stdout; name a file with --output-predictions")
        }
    }

    /// The validated settings with defaults filled in.
    func settings() throws -> FitSettings {
        try FitSettings.make(model: model, task: task, solver: solver, learningRate: learningRate, iterations: iterations,
                             epochs: epochs, batchSize: batchSize, degree: degree, l2: l2, neighbors: neighbors,
                             maxDepth: maxDepth, kernel: kernel, c: c, gamma: gamma, hidden: hidden,
                             scaling: scale, testFraction: testFraction, seed: seed)
    }

    func run() throws {
        let code = execute(printLine: { print($0) },
                           printError: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
        if code != ReportExitCode.success { throw ExitCode(code) }
    }

    /// Runs the fit and returns the exit code; output goes to the sinks. Tests call this directly.
    func execute(printLine: (String) -> Void, printError: (String) -> Void) -> Int32 {
        do {
            let settings = try self.settings()
            if let outputPredictions {
                try FitOutputs.checkPredictionsDestination(outputPredictions, overwrite: overwrite,
                                                           inputs: [data] + (predict.map { [$0] } ?? []))
            }
            let dataset = try FitDataset.load(path: data, targetName: target, featureNames: features, task: task,
                                              model: model, dropMissing: dropMissing,
                                              testFraction: settings.testFraction, seed: settings.seed)
            let outcome = try FitRunner.run(settings, on: dataset)
            let predicted = try predict.map { try PredictionOutput.make(outcome, path: $0) }
            let figures = charts == nil ? [] : try FitCharts.figures(outcome)
            let outputs = FitOutputs(chartsFolder: charts, formats: format ?? [.png], scale: chartScale ?? 1,
                                     predictionsFile: outputPredictions, overwrite: overwrite)
            let written = try outputs.write(charts: figures, predictions: outputPredictions == nil ? nil : predicted?.csv)
            for warning in outcome.warnings { printError("report fit: warning: \(warning)") }
            let summary = FitSummary(outcome: outcome, charts: written,
                                     predictions: predicted.map { (outputPredictions ?? "stdout", $0.rows) })
            if json {
                printLine(try summary.json().serialized())
            } else if let predicted, outputPredictions == nil {
                // Predictions own stdout; the summary goes beside the warnings.
                for line in try summary.text().split(separator: "\n", omittingEmptySubsequences: false) { printError(String(line)) }
                printLine(String(predicted.csv.dropLast()))
            } else {
                printLine(try summary.text())
            }
            return ReportExitCode.success
        } catch let error as FitError {
            printError("report fit: error: \(error)")
            if error.exitCode == ReportExitCode.usage { printError("Run 'report fit --help' for usage.") }
            return error.exitCode
        } catch let error as ValidationError {
            printError("report fit: error: \(error.message)")
            return ReportExitCode.usage
        } catch {
            printError("report fit: error: \(error)")
            return FitExitCode.dataError
        }
    }
}
