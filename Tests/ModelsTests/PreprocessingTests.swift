import Testing
@testable import Models

@Suite struct ScalerTests {
    @Test func zScoreUsesPopulationStandardDeviation() throws {
        let scaler = try StandardScaler.fit(Matrix(column: [1, 2, 3]))
        #expect(scaler.means == [2])
        #expect(abs(scaler.standardDeviations[0] - (2.0 / 3.0).squareRoot()) < 1e-15)
        let z = try scaler.transform(Matrix(column: [1, 2, 3])).storage
        let expected = (1.5).squareRoot()  // 1 / sqrt(2/3)
        #expect(abs(z[0] + expected) < 1e-15 && z[1] == 0 && abs(z[2] - expected) < 1e-15)
        #expect(abs(z[2] - 1.224744871391589) < 1e-15)
    }

    @Test func fittedScalerIsAppliedUnchangedToNewData() throws {
        let train = Matrix([[0, 10], [2, 30]])
        let scaler = try StandardScaler.fit(train)  // means (1, 20), std (1, 10)
        let test = try scaler.transform(Matrix([[4, 0], [1, 20]]))
        #expect(test == Matrix([[3, -2], [0, 0]]))
    }

    @Test func constantColumnIsFlaggedNotDividedByZero() throws {
        let x = Matrix([[1, 5, 0.1], [2, 5, 0.1], [3, 5, 0.1]])
        let scaler = try StandardScaler.fit(x)
        #expect(scaler.constantColumns == [1, 2])
        #expect(scaler.scales[1] == 1 && scaler.standardDeviations[1] == 0)
        let z = try scaler.transform(x)
        #expect(z.firstNonFinite() == nil)
        #expect(z.column(1) == [0, 0, 0])
        #expect(try MinMaxScaler.fit(x).constantColumns == [1, 2])
        #expect(try MeanNormalizer.fit(x).constantColumns == [1, 2])
        #expect(try MinMaxScaler.fit(x).transform(x).column(1) == [0, 0, 0])
    }

    @Test func minMaxScaling() throws {
        let x = Matrix([[1, -10], [3, 0], [5, 10]])
        let scaler = try MinMaxScaler.fit(x)
        #expect(try scaler.transform(x) == Matrix([[0, 0], [0.5, 0.5], [1, 1]]))
        #expect(try scaler.transform(Matrix([[7, 20]])) == Matrix([[1.5, 1.5]]))
        let symmetric = try MinMaxScaler.fit(x, range: -1...1)
        #expect(try symmetric.transform(x) == Matrix([[-1, -1], [0, 0], [1, 1]]))
    }

    @Test func meanNormalization() throws {
        // mean 2, max - min = 5
        let x = Matrix(column: [0, 1, 5])
        let normalizer = try MeanNormalizer.fit(x)
        #expect(normalizer.means == [2] && normalizer.spans == [5])
        #expect(try normalizer.transform(x) == Matrix(column: [-0.4, -0.2, 0.6]))
    }

    @Test func inverseTransformRoundTrips() throws {
        var generator = SeededGenerator(seed: 3)
        let x = Matrix(rows: 40, columns: 3, storage: (0..<120).map { _ in 100 * generator.nextGaussian() + 7 })
        let scalers: [any FeatureScaler] = [try StandardScaler.fit(x), try MinMaxScaler.fit(x, range: 2...5),
                                            try MeanNormalizer.fit(x)]
        for scaler in scalers {
            let back = try scaler.inverseTransform(try scaler.transform(x))
            #expect(zip(back.storage, x.storage).allSatisfy { abs($0 - $1) < 1e-12 }, "\(type(of: scaler))")
        }
        let z = try StandardScaler.fit(x).transform(x)
        #expect(z.columnMeans().allSatisfy { abs($0) < 1e-14 })
        #expect(z.columnStandardDeviations().allSatisfy { abs($0 - 1) < 1e-14 })
    }

    @Test func scalerErrors() throws {
        #expect(throws: ModelError.emptyInput("StandardScaler.fit needs at least one row and one column, got 0x2")) {
            try StandardScaler.fit(Matrix(rows: 0, columns: 2))
        }
        #expect(throws: ModelError.nonFinite(row: 1, column: 0)) {
            try MinMaxScaler.fit(Matrix([[1, 2], [.nan, 3]]))
        }
        let scaler = try StandardScaler.fit(Matrix([[1, 2], [3, 4]]))
        #expect(throws: ModelError.shapeMismatch("the StandardScaler was fitted on 2 columns but this matrix has 3")) {
            try scaler.transform(Matrix([[1, 2, 3]]))
        }
        #expect(throws: ModelError.nonFinite(row: 0, column: 1)) {
            try scaler.transform(Matrix([[1, .infinity]]))
        }
        #expect(throws: ModelError.invalidHyperparameter(name: "range", value: "1.0...1.0", reason: "must be a finite range with lower < upper")) {
            try MinMaxScaler.fit(Matrix([[1]]), range: 1...1)
        }
    }
}

@Suite struct PolynomialFeaturesTests {
    @Test func twoInputsDegreeThreeInScikitLearnOrder() throws {
        let features = PolynomialFeatures(degree: 3)
        #expect(try features.transform(Matrix([[2, 3]])) == Matrix([[2, 3, 4, 6, 9, 8, 12, 18, 27]]))
        #expect(try features.featureNames(inputCount: 2) ==
                ["x0", "x1", "x0^2", "x0 x1", "x1^2", "x0^3", "x0^2 x1", "x0 x1^2", "x1^3"])
        #expect(try features.outputCount(inputCount: 2) == 9)
    }

    @Test func biasAndNamedInputs() throws {
        let features = PolynomialFeatures(degree: 2, includeBias: true)
        #expect(try features.transform(Matrix([[2, 3], [0, -1]])) == Matrix([[1, 2, 3, 4, 6, 9], [1, 0, -1, 0, 0, 1]]))
        #expect(try features.featureNames(inputCount: 2, inputNames: ["size", "rooms"]) ==
                ["1", "size", "rooms", "size^2", "size rooms", "rooms^2"])
    }

    @Test(arguments: [(1, 4), (2, 3), (3, 2), (4, 4), (5, 1)])
    func everyMonomialOnceUpToTheDegree(inputs: Int, degree: Int) throws {
        let features = PolynomialFeatures(degree: degree, includeBias: true)
        let exponents = try features.exponents(inputCount: inputs)
        // C(inputs + degree, degree) distinct monomials, sorted by total degree.
        var binomial = 1
        for k in 1...degree { binomial = binomial * (inputs + k) / k }
        #expect(exponents.count == binomial)
        #expect(Set(exponents).count == exponents.count)
        let degrees = exponents.map { $0.reduce(0, +) }
        #expect(degrees == degrees.sorted() && degrees.max() == degree)
        // Values equal the products of powers.
        var generator = SeededGenerator(seed: UInt64(inputs * 10 + degree))
        let x = Matrix(rows: 3, columns: inputs, storage: (0..<(3 * inputs)).map { _ in generator.nextGaussian() })
        let output = try features.transform(x)
        for i in 0..<3 {
            for (c, powers) in exponents.enumerated() {
                var expected = 1.0
                for (j, p) in powers.enumerated() { for _ in 0..<p { expected *= x[i, j] } }
                #expect(abs(output[i, c] - expected) <= 1e-12 * max(1, abs(expected)))
            }
        }
    }

    @Test func powersOfOneColumn() throws {
        #expect(try PolynomialFeatures.powers(of: [2, -1], degree: 3) == Matrix([[2, 4, 8], [-1, 1, -1]]))
    }

    @Test func polynomialErrors() {
        #expect(throws: ModelError.invalidHyperparameter(name: "degree", value: "0", reason: "must be at least 1")) {
            try PolynomialFeatures(degree: 0).transform(Matrix([[1]]))
        }
        #expect(throws: ModelError.nonFinite(row: 0, column: 1)) {
            try PolynomialFeatures(degree: 2).transform(Matrix([[1, .nan]]))
        }
        #expect(throws: ModelError.self) { try PolynomialFeatures(degree: 12).transform(Matrix(rows: 1, columns: 30)) }
        #expect {
            try PolynomialFeatures.powers(of: [1e200], degree: 2)
        } throws: { error in
            guard case .invalidHyperparameter(let name, _, let reason) = error as? ModelError else { return false }
            return name == "degree" && reason.contains("x0^2 overflows")
        }
    }
}

@Suite struct SplitAndEncodingTests {
    @Test func randomSplitSizesAndDisjointness() throws {
        var generator = SeededGenerator(seed: 1)
        let split = try TrainTestSplit.random(count: 100, testFraction: 0.25, using: &generator)
        #expect(split.testIndices.count == 25 && split.trainIndices.count == 75)
        #expect(Set(split.trainIndices + split.testIndices) == Set(0..<100))
        var again = SeededGenerator(seed: 1)
        #expect(try TrainTestSplit.random(count: 100, testFraction: 0.25, using: &again) == split)
        var other = SeededGenerator(seed: 2)
        #expect(try TrainTestSplit.random(count: 100, testFraction: 0.25, using: &other) != split)
    }

    @Test func stratifiedSplitKeepsClassProportionsOnIris() throws {
        let iris = try BundledDataset.iris.load(missingValues: .error)
        let labels = try iris.labels("species").codes
        var generator = SeededGenerator(seed: 42)
        let split = try TrainTestSplit.stratified(labels: labels, testFraction: 0.2, using: &generator)
        let trainLabels = split.train(labels), testLabels = split.test(labels)
        #expect((0..<3).map { c in testLabels.filter { $0 == c }.count } == [10, 10, 10])
        #expect((0..<3).map { c in trainLabels.filter { $0 == c }.count } == [40, 40, 40])
        #expect(Set(split.trainIndices).isDisjoint(with: split.testIndices))
        let x = try iris.matrix(columns: ["petal_length_cm", "petal_width_cm"])
        #expect(split.train(x).rows == 120 && split.test(x).rows == 30)
        #expect(split.test(x).row(0) == x.row(split.testIndices[0]))
    }

    @Test func stratifiedSplitRoundsPerClass() throws {
        // 7 of class 0, 3 of class 1, fraction 0.3: 2.1 -> 2 and 0.9 -> 1 test rows.
        var generator = SeededGenerator(seed: 5)
        let labels = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1]
        let split = try TrainTestSplit.stratified(labels: labels, testFraction: 0.3, using: &generator)
        #expect(split.test(labels).sorted() == [0, 0, 1])
        #expect(split.train(labels).sorted() == [0, 0, 0, 0, 0, 1, 1])
    }

    @Test func splitErrors() {
        var generator = SeededGenerator(seed: 1)
        #expect(throws: ModelError.invalidHyperparameter(name: "testFraction", value: "1.0", reason: "must be strictly between 0 and 1")) {
            try TrainTestSplit.random(count: 10, testFraction: 1, using: &generator)
        }
        #expect(throws: ModelError.invalidHyperparameter(name: "testFraction", value: "nan", reason: "must be strictly between 0 and 1")) {
            try TrainTestSplit.random(count: 10, testFraction: .nan, using: &generator)
        }
        #expect(throws: ModelError.emptyInput("cannot split 0 rows")) {
            try TrainTestSplit.stratified(labels: [], testFraction: 0.5, using: &generator)
        }
        #expect(throws: ModelError.invalidHyperparameter(
            name: "testFraction", value: "0.01", reason: "with 10 rows it gives 0 test rows; both sets need at least one row")) {
            try TrainTestSplit.random(count: 10, testFraction: 0.01, using: &generator)
        }
        #expect(throws: ModelError.invalidHyperparameter(
            name: "testFraction", value: "0.5", reason: "class 1 has 1 rows and would have none left for training")) {
            try TrainTestSplit.stratified(labels: [0, 0, 0, 1], testFraction: 0.5, using: &generator)
        }
    }

    @Test func oneHotEncodingRoundTrips() throws {
        let encoder = try OneHotEncoder.fit([2, 0, 1, 2])
        #expect(encoder.classCount == 3)
        let encoded = try encoder.transform([2, 0, 1])
        #expect(encoded == Matrix([[0, 0, 1], [1, 0, 0], [0, 1, 0]]))
        #expect(try encoder.inverseTransform(encoded) == [2, 0, 1])
        #expect(try encoder.inverseTransform(Matrix([[0.2, 0.5, 0.3]])) == [1])
        #expect(throws: ModelError.shapeMismatch("class code 3 at row 1 is outside the 3 classes 0..<3")) {
            try encoder.transform([0, 3])
        }
        #expect(throws: ModelError.shapeMismatch("class code -1 at row 0 is negative; codes must be 0, 1, 2, ...")) {
            try OneHotEncoder.fit([-1, 2])
        }
        #expect(throws: ModelError.emptyInput("no class codes to fit the encoder on")) { try OneHotEncoder.fit([]) }
    }
}
