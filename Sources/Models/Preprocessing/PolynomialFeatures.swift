/// Polynomial features: every monomial of the inputs up to a degree, in scikit-learn's order.
///
/// For inputs `(a, b)` and degree 3 the columns are
/// `a, b, a^2, a b, b^2, a^3, a^2 b, a b^2, b^3` (grouped by degree; within a degree, the
/// combinations of input indices in lexicographic order), preceded by a column of ones when
/// `includeBias` is true. Unlike scikit-learn the bias column is off by default, because the
/// estimators here fit their own intercept.
///
/// The transform is the same for every dataset, so there is nothing to fit.
public struct PolynomialFeatures: Sendable, Equatable {
    /// The highest total degree of a monomial (at least 1).
    public var degree: Int
    /// Whether the first output column is the constant 1.
    public var includeBias: Bool

    /// The largest number of output columns accepted, to catch a degree that would exhaust memory.
    public static let maximumOutputColumns = 100_000

    /// Polynomial features up to `degree`.
    public init(degree: Int, includeBias: Bool = false) {
        self.degree = degree
        self.includeBias = includeBias
    }

    /// The exponent of each input in each output column, in output order (the bias is all zeros).
    public func exponents(inputCount: Int) throws -> [[Int]] {
        try validate(inputCount: inputCount)
        return monomials(inputCount: inputCount).map { monomial in
            var powers = [Int](repeating: 0, count: inputCount)
            for index in monomial.factors { powers[index] += 1 }
            return powers
        }
    }

    /// The number of output columns for `inputCount` inputs: `C(inputCount + degree, degree)`,
    /// minus one without the bias.
    public func outputCount(inputCount: Int) throws -> Int {
        try validate(inputCount: inputCount)
        return Self.countOutputs(inputCount: inputCount, degree: degree) - (includeBias ? 0 : 1)
    }

    /// Names of the output columns, e.g. `x0^2 x1` (or `size^2 rooms` with `inputNames`);
    /// `1` for the bias.
    public func featureNames(inputCount: Int, inputNames: [String]? = nil) throws -> [String] {
        if let inputNames, inputNames.count != inputCount {
            throw ModelError.shapeMismatch("\(inputNames.count) input names for \(inputCount) inputs")
        }
        let names = inputNames ?? (0..<inputCount).map { "x\($0)" }
        return try exponents(inputCount: inputCount).map { powers in
            let factors = powers.enumerated().compactMap { index, power -> String? in
                power == 0 ? nil : power == 1 ? names[index] : "\(names[index])^\(power)"
            }
            return factors.isEmpty ? "1" : factors.joined(separator: " ")
        }
    }

    /// The polynomial features of every row of `x`.
    /// - Throws: `ModelError.emptyInput` (no columns), `ModelError.nonFinite` (NaN or infinity in
    ///   `x`), `ModelError.invalidHyperparameter` (degree below 1, too many output columns, or a
    ///   power that overflows to infinity).
    public func transform(_ x: Matrix) throws -> Matrix {
        guard x.columns > 0 else { throw ModelError.emptyInput("PolynomialFeatures needs at least one input column") }
        try validate(inputCount: x.columns)
        try PreprocessingInput.requireFinite(x)
        let plan = monomials(inputCount: x.columns)
        let width = plan.count
        var result = Matrix(rows: x.rows, columns: width)
        let n = x.columns
        x.storage.withUnsafeBufferPointer { input in
            result.storage.withUnsafeMutableBufferPointer { output in
                for i in 0..<x.rows {
                    let row = input.baseAddress! + i * n
                    let out = output.baseAddress! + i * width
                    // excerpt: polynomial-features
                    // Each monomial is an earlier one times one input, so one multiplication each.
                    for (c, monomial) in plan.enumerated() {
                        out[c] = monomial.parent < 0 ? (monomial.factors.isEmpty ? 1 : row[monomial.factors[0]])
                            : out[monomial.parent] * row[monomial.factors.last!]
                    }
                    // end excerpt
                }
            }
        }
        if let cell = result.firstNonFinite() {
            let name = (try? featureNames(inputCount: x.columns)[cell.column]) ?? "column \(cell.column)"
            throw ModelError.invalidHyperparameter(
                name: "degree", value: "\(degree)",
                reason: "the feature \(name) overflows to infinity at row \(cell.row); scale the inputs first (e.g. MinMaxScaler) or lower the degree")
        }
        return result
    }

    /// The powers `x, x^2, ..., x^degree` of one column, as a `values.count x degree` matrix:
    /// the usual features for fitting a polynomial curve to one input.
    public static func powers(of values: [Double], degree: Int) throws -> Matrix {
        try PolynomialFeatures(degree: degree).transform(Matrix(column: values))
    }

    // MARK: Internals

    /// One output column: its input indices (non-decreasing; empty for the bias) and the output
    /// column equal to it without its last factor (-1 for degree 0 or 1).
    struct Monomial {
        let factors: [Int]
        let parent: Int
    }

    func monomials(inputCount: Int) -> [Monomial] {
        var result: [Monomial] = includeBias ? [Monomial(factors: [], parent: -1)] : []
        var previousDegree: [(factors: [Int], column: Int)] = []
        for index in 0..<inputCount {
            previousDegree.append(([index], result.count))
            result.append(Monomial(factors: [index], parent: -1))
        }
        if degree >= 2 {
            for _ in 2...degree {
                var current: [(factors: [Int], column: Int)] = []
                // Extending each combination (in lexicographic order) by every index >= its last one
                // produces the next degree's combinations in lexicographic order.
                for previous in previousDegree {
                    for index in previous.factors.last!..<inputCount {
                        let factors = previous.factors + [index]
                        current.append((factors, result.count))
                        result.append(Monomial(factors: factors, parent: previous.column))
                    }
                }
                previousDegree = current
            }
        }
        return result
    }

    func validate(inputCount: Int) throws {
        guard degree >= 1 else {
            throw ModelError.invalidHyperparameter(name: "degree", value: "\(degree)", reason: "must be at least 1")
        }
        let count = Self.countOutputs(inputCount: inputCount, degree: degree)
        guard count <= Self.maximumOutputColumns else {
            throw ModelError.invalidHyperparameter(
                name: "degree", value: "\(degree)",
                reason: "\(inputCount) inputs at this degree give more than \(Self.maximumOutputColumns) features")
        }
    }

    /// `C(inputCount + degree, degree)`, saturating just above the limit so it cannot overflow.
    static func countOutputs(inputCount: Int, degree: Int) -> Int {
        var count = 1
        for k in 1...Swift.max(degree, 1) where k <= degree {
            // C(n + k, k) = C(n + k - 1, k - 1) * (n + k) / k, exact at every step.
            count = count * (inputCount + k) / k
            if count > maximumOutputColumns { return maximumOutputColumns + 1 }
        }
        return count
    }
}
