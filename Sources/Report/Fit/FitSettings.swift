import ArgumentParser

/// The models `report fit` can train.
enum FitModel: String, CaseIterable, Sendable, ExpressibleByArgument {
    case linearRegression = "linear-regression"
    case logisticRegression = "logistic-regression"
    case knn
    case decisionTree = "decision-tree"
    case svm
    case neuralNetwork = "neural-network"

    /// The tasks the model can do; the first is what `--task auto` picks when the target allows both.
    var supportedTasks: [FitTask] {
        switch self {
        case .linearRegression: [.regression]
        case .logisticRegression, .svm: [.classification]
        case .knn, .decisionTree, .neuralNetwork: [.classification, .regression]
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

/// The kernel of a support vector machine.
enum KernelChoice: String, CaseIterable, Sendable, ExpressibleByArgument {
    case linear
    case poly
    case rbf
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
    /// Support vector machines: the kernel, C, gamma (nil: scikit-learn's "scale") and the
    /// polynomial kernel's degree.
    var kernel: KernelChoice? = nil
    var c: Double? = nil
    var gamma: Double? = nil
    var kernelDegree: Int? = nil
    /// Neural networks: units per hidden layer.
    var hidden: [Int]? = nil
    var scaling: FeatureScaling
    var testFraction: Double
    var seed: UInt64

    /// The options each model (and linear solver) accepts, by their command-line names.
    static func applicableOptions(model: FitModel, solver: LinearSolverChoice?, kernel: KernelChoice? = nil) -> Set<String> {
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
        case .svm:
            switch kernel ?? .rbf {
            case .linear: return ["--kernel", "--c"]
            case .poly: return ["--kernel", "--c", "--gamma", "--degree"]
            case .rbf: return ["--kernel", "--c", "--gamma"]
            }
        case .neuralNetwork: return ["--hidden", "--epochs", "--learning-rate", "--batch-size", "--l2"]
        }
    }

    /// Builds validated settings from the raw options; `given` maps option names to whether they were
    /// passed. Throws a `ValidationError` (exit 64) naming the option.
    static func make(model: FitModel, task: FitTask, solver: LinearSolverChoice?, learningRate: Double?,
                     iterations: Int?, epochs: Int?, batchSize: Int?, degree: Int?, l2: Double?,
                     neighbors: Int?, maxDepth: Int?, kernel: KernelChoice? = nil, c: Double? = nil,
                     gamma: Double? = nil, hidden: [Int]? = nil, scaling: FeatureScaling?, testFraction: Double,
                     seed: UInt64) throws -> FitSettings {
        let given: [(String, Bool)] = [
            ("--solver", solver != nil), ("--learning-rate", learningRate != nil), ("--iterations", iterations != nil),
            ("--epochs", epochs != nil), ("--batch-size", batchSize != nil), ("--degree", degree != nil),
            ("--l2", l2 != nil), ("--neighbors", neighbors != nil), ("--max-depth", maxDepth != nil),
            ("--kernel", kernel != nil), ("--c", c != nil), ("--gamma", gamma != nil), ("--hidden", hidden != nil),
        ]
        let allowed = applicableOptions(model: model, solver: solver, kernel: kernel)
        for (name, passed) in given where passed && !allowed.contains(name) {
            let users = FitModel.allCases.filter { candidate in
                [LinearSolverChoice.gd, .normal, .sgd].contains { applicableOptions(model: candidate, solver: $0).contains(name) }
                    || KernelChoice.allCases.contains { applicableOptions(model: candidate, solver: nil, kernel: $0).contains(name) }
            }
            var message = "\(name) does not apply to \(model.rawValue)"
            if model == .svm, users.contains(.svm) {
                let kernels = KernelChoice.allCases.filter { applicableOptions(model: .svm, solver: nil, kernel: $0).contains(name) }
                message += " with --kernel \((kernel ?? .rbf).rawValue) (it needs --kernel \(kernels.map(\.rawValue).joined(separator: " or ")))"
            } else if model == .linearRegression, users.contains(.linearRegression) {
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
        if let c, !(c.isFinite && c > 0) {
            throw ValidationError("--c must be a positive number (got \(c))")
        }
        if let gamma, !(gamma.isFinite && gamma > 0) {
            throw ValidationError("--gamma must be a positive number (got \(gamma)); leave it out for 1 / (features * variance)")
        }
        if let hidden {
            guard !hidden.isEmpty, hidden.count <= 10, hidden.allSatisfy({ (1...10_000).contains($0) }) else {
                throw ValidationError("--hidden takes 1 to 10 layer sizes, each from 1 to 10000 units (got \(hidden.map(String.init).joined(separator: ",")))")
            }
        }
        guard testFraction.isFinite, testFraction >= 0, testFraction < 1 else {
            throw ValidationError("--test-fraction must be at least 0 (train on every row) and below 1 (got \(testFraction))")
        }
        let isGradient = (model == .linearRegression && (solver ?? .gd) != .normal) || model == .logisticRegression
        let isSGD = model == .linearRegression && solver == .sgd
        let isNetwork = model == .neuralNetwork
        return FitSettings(
            model: model, task: task,
            solver: model == .linearRegression ? (solver ?? .gd) : nil,
            learningRate: isGradient ? (learningRate ?? (isSGD ? 0.01 : 0.1)) : isNetwork ? (learningRate ?? 0.001) : nil,
            iterations: isGradient && !isSGD ? (iterations ?? 1000) : nil,
            epochs: isSGD ? (epochs ?? 50) : isNetwork ? (epochs ?? 200) : nil,
            batchSize: isSGD ? (batchSize ?? 32) : isNetwork ? (batchSize ?? 200) : nil,
            // A polynomial kernel's degree belongs to the kernel; the features are not expanded.
            degree: model == .svm ? 1 : (degree ?? 1),
            l2: l2 ?? (isNetwork ? 1e-4 : 0),
            neighbors: model == .knn ? (neighbors ?? 5) : nil,
            maxDepth: maxDepth,
            kernel: model == .svm ? (kernel ?? .rbf) : nil,
            c: model == .svm ? (c ?? 1) : nil,
            gamma: model == .svm && kernel != .linear ? gamma : nil,
            kernelDegree: model == .svm && kernel == .poly ? (degree ?? 3) : nil,
            hidden: isNetwork ? (hidden ?? [100]) : nil,
            scaling: scaling ?? (model == .decisionTree ? .none : .zscore),
            testFraction: testFraction, seed: seed)
    }
}
