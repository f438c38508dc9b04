import ArgumentParser

/// The models `report fit` can train.
enum FitModel: String, CaseIterable, Sendable, ExpressibleByArgument {
    case linearRegression = "linear-regression"
    case logisticRegression = "logistic-regression"
    case knn
    case decisionTree = "decision-tree"

    /// The tasks the model can do; the first is what `--task auto` picks when the target allows both.
    var supportedTasks: [FitTask] {
        switch self {
        case .linearRegression: [.regression]
        case .logisticRegression: [.classification]
        case .knn, .decisionTree: [.classification, .regression]
        }
    }
}

/// Predict a number or a class.
enum FitTask: String, CaseIterable, Sendable, ExpressibleByArgument {
    /// Decide from the target column (see `FitDataset.resolveTask`).
    case auto
    case classification
    case regression
}

/// How linear regression is solved.
enum LinearSolverChoice: String, CaseIterable, Sendable, ExpressibleByArgument {
    /// Batch gradient descent, one step per iteration over all rows.
    case gd
    /// The normal equation (ridge when `--l2` is positive), in closed form.
    case normal
    /// Stochastic (mini-batch) gradient descent.
    case sgd
}

/// How features are rescaled before fitting (learned on the training rows only).
enum FeatureScaling: String, CaseIterable, Sendable, ExpressibleByArgument {
    case zscore
    case minmax
    case none
}

/// Every setting of one `report fit` run, validated, with each model's defaults filled in.
///
/// Options that do not apply to the chosen model are refused rather than ignored, so a typo such as
/// `--neighbors 3` on linear regression never passes silently.
struct FitSettings: Sendable, Equatable {
    var model: FitModel
    var task: FitTask
    var solver: LinearSolverChoice?
    var learningRate: Double?
    var iterations: Int?
    var epochs: Int?
    var batchSize: Int?
    var degree: Int
    var l2: Double
    var neighbors: Int?
    var maxDepth: Int?
    var scaling: FeatureScaling
    var testFraction: Double
    var seed: UInt64

    /// The options each model (and linear solver) accepts, by their command-line names.
    static func applicableOptions(model: FitModel, solver: LinearSolverChoice?) -> Set<String> {
        switch model {
        case .linearRegression:
            switch solver ?? .gd {
            case .gd: return ["--solver", "--learning-rate", "--iterations", "--degree"]
            case .normal: return ["--solver", "--degree", "--l2"]
            case .sgd: return ["--solver", "--learning-rate", "--epochs", "--batch-size", "--degree"]
            }
        case .logisticRegression: return ["--learning-rate", "--iterations", "--degree", "--l2"]
        case .knn: return ["--neighbors"]
        case .decisionTree: return ["--max-depth"]
        }
    }

    /// Builds validated settings from the raw options; `given` maps option names to whether they were
    /// passed. Throws a `ValidationError` (exit 64) naming the option.
    static func make(model: FitModel, task: FitTask, solver: LinearSolverChoice?, learningRate: Double?,
                     iterations: Int?, epochs: Int?, batchSize: Int?, degree: Int?, l2: Double?,
                     neighbors: Int?, maxDepth: Int?, scaling: FeatureScaling?, testFraction: Double,
                     seed: UInt64) throws -> FitSettings {
        let given: [(String, Bool)] = [
            ("--solver", solver != nil), ("--learning-rate", learningRate != nil), ("--iterations", iterations != nil),
            ("--epochs", epochs != nil), ("--batch-size", batchSize != nil), ("--degree", degree != nil),
            ("--l2", l2 != nil), ("--neighbors", neighbors != nil), ("--max-depth", maxDepth != nil),
        ]
        let allowed = applicableOptions(model: model, solver: solver)
        for (name, passed) in given where passed && !allowed.contains(name) {
            let users = FitModel.allCases.filter { candidate in
                [LinearSolverChoice.gd, .normal, .sgd].contains { applicableOptions(model: candidate, solver: $0).contains(name) }
            }
            var message = "\(name) does not apply to \(model.rawValue)"
            if model == .linearRegression, users.contains(.linearRegression) {
                let solvers = LinearSolverChoice.allCases.filter { applicableOptions(model: .linearRegression, solver: $0).contains(name) }
                message += " with --solver \((solver ?? .gd).rawValue) (it needs --solver \(solvers.map(\.rawValue).joined(separator: " or ")))"
            } else if !users.isEmpty {
                message += " (it is an option of \(users.map(\.rawValue).joined(separator: ", ")))"
            }
            throw ValidationError(message)
        }
        if task != .auto, !model.supportedTasks.contains(task) {
            throw ValidationError("\(model.rawValue) does not do \(task.rawValue); it does \(model.supportedTasks.map(\.rawValue).joined(separator: " and "))")
        }
        if let learningRate, !(learningRate.isFinite && learningRate > 0 && learningRate <= 1e6) {
            throw ValidationError("--learning-rate must be a positive number (got \(learningRate))")
        }
        if let iterations, !(1...10_000_000).contains(iterations) {
            throw ValidationError("--iterations must be between 1 and 10000000 (got \(iterations))")
        }
        if let epochs, !(1...1_000_000).contains(epochs) {
            throw ValidationError("--epochs must be between 1 and 1000000 (got \(epochs))")
        }
        if let batchSize, batchSize < 1 {
            throw ValidationError("--batch-size must be at least 1 (got \(batchSize))")
        }
        if let degree, !(1...10).contains(degree) {
            throw ValidationError("--degree must be between 1 (a straight line or plane) and 10 (got \(degree))")
        }
        if let l2, !(l2.isFinite && l2 >= 0) {
            throw ValidationError("--l2 must be a number >= 0 (got \(l2))")
        }
        if let neighbors, neighbors < 1 {
            throw ValidationError("--neighbors must be at least 1 (got \(neighbors))")
        }
        if let maxDepth, maxDepth < 1 {
            throw ValidationError("--max-depth must be at least 1 (got \(maxDepth))")
        }
        guard testFraction.isFinite, testFraction >= 0, testFraction < 1 else {
            throw ValidationError("--test-fraction must be at least 0 (train on every row) and below 1 (got \(testFraction))")
        }
        let isGradient = (model == .linearRegression && (solver ?? .gd) != .normal) || model == .logisticRegression
        let isSGD = model == .linearRegression && solver == .sgd
        return FitSettings(
            model: model, task: task,
            solver: model == .linearRegression ? (solver ?? .gd) : nil,
            learningRate: isGradient ? (learningRate ?? (isSGD ? 0.01 : 0.1)) : nil,
            iterations: isGradient && !isSGD ? (iterations ?? 1000) : nil,
            epochs: isSGD ? (epochs ?? 50) : nil,
            batchSize: isSGD ? (batchSize ?? 32) : nil,
            degree: degree ?? 1,
            l2: l2 ?? 0,
            neighbors: model == .knn ? (neighbors ?? 5) : nil,
            maxDepth: maxDepth,
            scaling: scaling ?? (model == .decisionTree ? .none : .zscore),
            testFraction: testFraction, seed: seed)
    }
}
