import Testing
@testable import Models

/// Every analytic gradient against central finite differences (h = 1e-6) on random data.
@Suite struct GradientCheckTests {
    /// (J(theta + h e_i) - J(theta - h e_i)) / 2h for each coordinate of `parameters`.
    func numericalGradient(_ parameters: [Double], _ cost: ([Double]) throws -> Double) rethrows -> [Double] {
        let h = 1e-6
        return try parameters.indices.map { index in
            var plus = parameters, minus = parameters
            plus[index] += h
            minus[index] -= h
            return (try cost(plus) - cost(minus)) / (2 * h)
        }
    }

    @Test(arguments: [1, 3, 7])
    func linearGradientMatchesFiniteDifferences(features: Int) throws {
        let X = TestData.uniformMatrix(rows: 23, columns: features, seed: UInt64(features), scale: 2)
        let y = TestData.linearTarget(X, weights: Array(repeating: 1.5, count: features), bias: -1, noise: 0.3, seed: 9)
        var generator = SeededGenerator(seed: 3)
        let theta = (0...features).map { _ in generator.nextGaussian() }
        let analytic = try LinearRegression.gradient(X, y, weights: Array(theta.dropLast()), bias: theta.last!)
        let numeric = try numericalGradient(theta) {
            try LinearRegression.cost(X, y, weights: Array($0.dropLast()), bias: $0.last!)
        }
        #expect(close(analytic.weights + [analytic.bias], numeric, 1e-7))
    }

    @Test(arguments: [0.0, 0.7, 5.0])
    func logisticGradientMatchesFiniteDifferences(lambda: Double) throws {
        let X = TestData.uniformMatrix(rows: 31, columns: 4, seed: 11, scale: 3)
        let labels = TestData.binaryLabels(X, weights: [1, -2, 0.5, 0], bias: 0.2, seed: 5)
        var generator = SeededGenerator(seed: 4)
        let theta = (0...4).map { _ in generator.nextGaussian() }
        let analytic = try LogisticRegression.gradient(X, labels, weights: Array(theta.dropLast()), bias: theta.last!,
                                                       regularization: lambda)
        let numeric = try numericalGradient(theta) {
            try LogisticRegression.cost(X, labels, weights: Array($0.dropLast()), bias: $0.last!, regularization: lambda)
        }
        #expect(close(analytic.weights + [analytic.bias], numeric, 1e-7))
    }

    @Test(arguments: [0.0, 1.3])
    func softmaxGradientMatchesFiniteDifferences(lambda: Double) throws {
        let (X, labels) = TestData.blobs(perClass: 9, seed: 21)
        var generator = SeededGenerator(seed: 8)
        let k = 3, n = 2
        let theta = (0..<(k * n + k)).map { _ in generator.nextGaussian() }
        func split(_ t: [Double]) -> (Matrix, [Double]) {
            (Matrix(rows: k, columns: n, storage: Array(t[0..<(k * n)])), Array(t[(k * n)...]))
        }
        let (W, b) = split(theta)
        let analytic = try SoftmaxRegression.gradient(X, labels, weights: W, intercepts: b, regularization: lambda)
        let numeric = try numericalGradient(theta) {
            let (W, b) = split($0)
            return try SoftmaxRegression.cost(X, labels, weights: W, intercepts: b, regularization: lambda)
        }
        #expect(close(analytic.weights.storage + analytic.intercepts, numeric, 1e-7))
    }

    /// The fused, parallel training kernels compute the same cost and gradient as the readable
    /// functions, on data large enough to be split over threads (and on a tail of odd rows).
    @Test(arguments: [(4001, 5), (50_003, 3), (7, 9)])
    func fusedKernelsMatchReadableFunctions(rows: Int, columns: Int) throws {
        let X = TestData.uniformMatrix(rows: rows, columns: columns, seed: 77)
        let weights = (0..<columns).map { Double($0) * 0.3 - 0.5 }
        let y = TestData.linearTarget(X, weights: weights, bias: 0.4, noise: 0.2, seed: 1)
        let labels = TestData.binaryLabels(X, weights: weights, bias: 0.4, seed: 2)
        let start = weights.map { $0 * 0.5 }

        var linear = FusedObjective<HalfSquaredError>(X, y)
        var fusedGradient = [Double](repeating: 0, count: columns)
        let fused = start.withUnsafeBufferPointer { w in
            fusedGradient.withUnsafeMutableBufferPointer { linear.evaluate(weights: w, bias: 0.1, gradient: $0) }
        }
        let readable = try LinearRegression.gradient(X, y, weights: start, bias: 0.1)
        #expect(close(fused.cost, try LinearRegression.cost(X, y, weights: start, bias: 0.1), 1e-12))
        #expect(close(fusedGradient, readable.weights, 1e-11))
        #expect(close(fused.biasGradient, readable.bias, 1e-11))

        var logistic = FusedObjective<SigmoidLogLoss>(X, labels.map(Double.init))
        let fusedLogistic = start.withUnsafeBufferPointer { w in
            fusedGradient.withUnsafeMutableBufferPointer { logistic.evaluate(weights: w, bias: 0.1, gradient: $0) }
        }
        let readableLogistic = try LogisticRegression.gradient(X, labels, weights: start, bias: 0.1)
        #expect(close(fusedLogistic.cost, try LogisticRegression.cost(X, labels, weights: start, bias: 0.1), 1e-12))
        #expect(close(fusedGradient, readableLogistic.weights, 1e-11))
        #expect(close(fusedLogistic.biasGradient, readableLogistic.bias, 1e-11))
    }

    /// Scores of +-1000 would overflow a naive sigmoid or take the log of 0; the fused kernel (which
    /// multiplies 1 + e^-|z| over a block and takes one log) must still match the readable cost.
    @Test func fusedLogisticKernelHandlesExtremeScores() throws {
        let X = TestData.uniformMatrix(rows: 1003, columns: 3, seed: 12, scale: 1000)
        let labels = TestData.binaryLabels(X, weights: [1, -1, 0.5], bias: 0, seed: 4)
        let weights = [-1.0, 2, 0.3]
        var objective = FusedObjective<SigmoidLogLoss>(X, labels.map(Double.init))
        var gradient = [Double](repeating: 0, count: 3)
        let fused = weights.withUnsafeBufferPointer { w in
            gradient.withUnsafeMutableBufferPointer { objective.evaluate(weights: w, bias: 0.5, gradient: $0) }
        }
        let readable = try LogisticRegression.cost(X, labels, weights: weights, bias: 0.5)
        #expect(fused.cost.isFinite && fused.cost > 100)
        #expect(close(fused.cost, readable, 1e-12))
        #expect(close(gradient, try LogisticRegression.gradient(X, labels, weights: weights, bias: 0.5).weights, 1e-11))
    }

    @Test func softmaxTrainingKernelMatchesReadableFunctions() throws {
        let (X, labels) = TestData.blobs(perClass: 4000, seed: 3)   // large enough for several chunks
        let parameters: [Double] = [0.3, -0.2, 0.1, 0.5, -0.4, 0.2, 0.05, -0.1, 0.3]
        var objective = SoftmaxObjective(X, labels, classCount: 3)
        #expect(objective.chunks.count > 1)
        var gradient = [Double](repeating: 0, count: 9)
        let cost = parameters.withUnsafeBufferPointer { p in
            gradient.withUnsafeMutableBufferPointer { objective.evaluate(parameters: p, gradient: $0) }
        }
        let W = Matrix(rows: 3, columns: 2, storage: Array(parameters[0..<6]))
        let b = Array(parameters[6...])
        let readable = try SoftmaxRegression.gradient(X, labels, weights: W, intercepts: b)
        #expect(close(cost, try SoftmaxRegression.cost(X, labels, weights: W, intercepts: b), 1e-12))
        #expect(close(gradient, readable.weights.storage + readable.intercepts, 1e-11))
    }
}
