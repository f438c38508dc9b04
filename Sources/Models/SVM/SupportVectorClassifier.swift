/// A soft-margin support vector classifier (hyperparameters), trained by SMO.
///
/// For two classes it finds the `w` (in the kernel's feature space) and `b` minimising
/// `1/2 ||w||^2 + C * sum_t max(0, 1 - y_t (w . phi(x_t) + b))` by solving the dual with
/// `SequentialMinimalOptimization`. More classes are handled one-vs-one, like LIBSVM and
/// scikit-learn's `SVC`: one machine per pair of classes, each trained on the rows of its two
/// classes; a prediction is the class with most votes (ties go to the smaller label).
/// Probabilities come from a sigmoid fitted to each machine's decision values (`PlattScaling`),
/// coupled across pairs for more than two classes (`PairwiseCoupling`); as in LIBSVM, the most
/// probable class can occasionally differ from the voted prediction.
///
/// ```swift
/// let svm = SupportVectorClassifier(c: 1, kernel: .rbf(gamma: .value(2)))
/// let fitted = try svm.fit(x, y)
/// let labels = try fitted.predict(grid)
/// ```
public struct SupportVectorClassifier: Classifier {
    /// Penalty per unit of margin violation: small C gives a wide margin that tolerates errors,
    /// large C a narrow one that fits the training points hard. Must be positive.
    public var c: Double
    /// The similarity function (linear, polynomial or RBF) and its parameters.
    public var kernel: Kernel
    /// Stopping tolerance on the KKT gap (scikit-learn's `tol`, LIBSVM's `eps`).
    public var tolerance: Double
    /// Upper bound on SMO iterations per machine; the fit reports `converged == false` if reached.
    public var maxIterations: Int
    /// Memory for cached kernel rows, in megabytes; small problems keep every row.
    public var cacheMegabytes: Int

    public init(
        c: Double = 1, kernel: Kernel = .rbf(), tolerance: Double = 1e-3,
        maxIterations: Int = 10_000_000, cacheMegabytes: Int = 200
    ) {
        self.c = c
        self.kernel = kernel
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.cacheMegabytes = cacheMegabytes
    }

    /// Trains on the rows of `x` with integer class labels `y`.
    ///
    /// - Throws: `emptyInput`, `shapeMismatch` (rows vs. labels), `nonFinite(row:column:)`,
    ///   `singleClass`, or `invalidHyperparameter` (C, tolerance, iterations, cache, kernel).
    /// - Complexity: each SMO iteration is O(n) plus at most two new kernel rows, O(n * d) each.
    public func fit(_ x: Matrix, _ y: [Int]) throws -> FittedSupportVectorClassifier {
        try validateHyperparameters()
        let classCount = try InputValidation.checkLabels(x, y, context: "SupportVectorClassifier.fit")
        let classes = Array(Set(y)).sorted()
        let resolvedKernel = try kernel.resolved(for: x)

        var machines: [BinarySupportVectorMachine] = []
        for first in 0..<classes.count {
            for second in (first + 1)..<classes.count {
                machines.append(
                    trainPair(x, y, negative: classes[first], positive: classes[second], kernel: resolvedKernel))
            }
        }
        return FittedSupportVectorClassifier(
            hyperparameters: self, kernel: resolvedKernel, classCount: classCount, classes: classes,
            featureCount: x.columns,
            machines: machines)
    }

    private func validateHyperparameters() throws {
        guard c > 0, c.isFinite else {
            throw ModelError.invalidHyperparameter(
                name: "C", value: "\(c)", reason: "C must be a positive, finite number")
        }
        guard tolerance > 0, tolerance.isFinite else {
            throw ModelError.invalidHyperparameter(
                name: "tolerance", value: "\(tolerance)", reason: "the tolerance must be positive")
        }
        guard maxIterations > 0 else {
            throw ModelError.invalidHyperparameter(
                name: "maxIterations", value: "\(maxIterations)", reason: "at least one iteration is needed")
        }
        guard cacheMegabytes > 0 else {
            throw ModelError.invalidHyperparameter(
                name: "cacheMegabytes", value: "\(cacheMegabytes)", reason: "the kernel cache needs some memory")
        }
    }

    /// One binary machine on the rows labelled `negative` or `positive`.
    private func trainPair(
        _ x: Matrix, _ y: [Int], negative: Int, positive: Int, kernel: KernelFunction
    ) -> BinarySupportVectorMachine {
        var rows: [Int] = []
        var points: [Double] = []
        var labels: [Double] = []
        for t in 0..<x.rows where y[t] == negative || y[t] == positive {
            rows.append(t)
            points.append(contentsOf: x.storage[(t * x.columns)..<((t + 1) * x.columns)])
            labels.append(y[t] == positive ? 1 : -1)
        }
        let cache = KernelRowCache(
            points: points, count: rows.count, dimension: x.columns, kernel: kernel,
            budgetBytes: cacheMegabytes << 20)
        let solver = SequentialMinimalOptimization(c: c, tolerance: tolerance, maxIterations: maxIterations)
        let solution = solver.solve(cache: cache, labels: labels)

        var supportIndices: [Int] = []
        var supportStorage: [Double] = []
        var coefficients: [Double] = []
        for local in 0..<rows.count where solution.alpha[local] > 0 {
            supportIndices.append(rows[local])
            supportStorage.append(contentsOf: points[(local * x.columns)..<((local + 1) * x.columns)])
            coefficients.append(solution.alpha[local] * labels[local])
        }
        return BinarySupportVectorMachine(
            negativeClass: negative, positiveClass: positive, kernel: kernel, c: c,
            supportIndices: supportIndices,
            supportVectors: Matrix(rows: supportIndices.count, columns: x.columns, storage: supportStorage),
            dualCoefficients: coefficients, intercept: solution.intercept,
            iterations: solution.iterations, converged: solution.converged,
            dualObjective: solution.objective,
            probabilityModel: PlattScaling.fit(
                decisionValues: solution.trainingDecisionValues, positive: labels.map { $0 > 0 }))
    }
}
