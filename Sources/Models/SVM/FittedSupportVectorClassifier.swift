/// A trained support vector classifier: one `BinarySupportVectorMachine` per pair of classes.
///
/// For two classes everything a chart needs is on `binaryMachine` (support vectors, dual
/// coefficients, intercept, and for a linear kernel `weights` and `marginWidth`).
public struct FittedSupportVectorClassifier: FittedClassifier {
    /// The hyperparameters the model was trained with.
    public let hyperparameters: SupportVectorClassifier
    /// The kernel with gamma resolved (e.g. the value `.scale` chose).
    public let kernel: KernelFunction
    /// The number of classes `k` (labels are codes `0..<k`).
    public let classCount: Int
    /// The class codes that occur in the training labels, ascending (machines exist only for
    /// pairs of these).
    public let classes: [Int]
    /// Number of features seen at training.
    public let featureCount: Int
    /// One machine per pair `(classes[a], classes[b])`, `a < b`, in that order.
    public let machines: [BinarySupportVectorMachine]

    /// The only machine when there are two classes, else `nil`.
    public var binaryMachine: BinarySupportVectorMachine? {
        machines.count == 1 ? machines[0] : nil
    }

    /// Training rows that are a support vector of at least one machine, ascending.
    public var supportIndices: [Int] {
        Array(Set(machines.flatMap(\.supportIndices))).sorted()
    }

    /// Whether every machine's SMO met the tolerance.
    public var converged: Bool { machines.allSatisfy(\.converged) }

    /// The decision value of a two-class model for each row of `x` (positive means
    /// `classes[1]`).
    ///
    /// - Throws: `shapeMismatch` for a model of more than two classes (use `decisionValues`) or
    ///   the wrong number of columns; `emptyInput`; `nonFinite`.
    public func decisionFunction(_ x: Matrix) throws -> [Double] {
        guard let machine = binaryMachine else {
            throw ModelError.shapeMismatch(
                "a \(classes.count)-class model has one decision value per pair of classes; use decisionValues")
        }
        return try machine.decisionFunction(x)
    }

    /// One column per machine (pair of classes), one row per row of `x`.
    public func decisionValues(_ x: Matrix) throws -> Matrix {
        try InputValidation.checkPrediction(x, featureCount: featureCount)
        var out = Matrix(rows: x.rows, columns: machines.count)
        for (m, machine) in machines.enumerated() {
            let values = machine.decisionValues(unchecked: x)
            for r in 0..<x.rows { out[r, m] = values[r] }
        }
        return out
    }

    /// The predicted label of each row: the sign of the decision value for two classes,
    /// one-vs-one voting (ties to the smaller label) for more.
    public func predict(_ x: Matrix) throws -> [Int] {
        let values = try decisionValues(x)
        if machines.count == 1 {
            return values.storage.map { $0 > 0 ? classes[1] : classes[0] }
        }
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        var votes = [Int](repeating: 0, count: classes.count)
        return (0..<x.rows).map { r in
            for k in votes.indices { votes[k] = 0 }
            for (m, machine) in machines.enumerated() {
                let winner = values[r, m] > 0 ? machine.positiveClass : machine.negativeClass
                votes[index[winner]!] += 1
            }
            var best = 0
            for k in 1..<votes.count where votes[k] > votes[best] { best = k }
            return classes[best]
        }
    }

    /// One row per row of `x`, one column per class code `0..<classCount`: each machine's decision
    /// value through its fitted sigmoid, coupled across the pairs of classes for more than two.
    /// Codes absent from training get probability 0.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
        let values = try decisionValues(x)
        var out = Matrix(rows: x.rows, columns: classCount)
        let present = classes.count
        let position = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        var pairwise = [[Double]](repeating: [Double](repeating: 0, count: present), count: present)
        for r in 0..<x.rows {
            for (m, machine) in machines.enumerated() {
                let positive = machine.probabilityModel.probability(values[r, m])
                let i = position[machine.positiveClass]!, j = position[machine.negativeClass]!
                pairwise[i][j] = positive
                pairwise[j][i] = 1 - positive
            }
            let p = PairwiseCoupling.couple(pairwise)
            for (index, code) in classes.enumerated() { out[r, code] = p[index] }
        }
        return out
    }
}
