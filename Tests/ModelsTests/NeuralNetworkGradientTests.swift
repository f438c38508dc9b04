import Foundation
import Testing
@testable import Models

/// Analytic gradients from backpropagation against central finite differences, for every
/// hidden-activation / output-loss pair, with and without the L2 penalty.
@Suite struct NeuralNetworkGradientTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let hidden: Activation
        let output: OutputActivation
        let l2: Double
        var testDescription: String { "\(hidden.rawValue) + \(output.rawValue), l2 = \(l2)" }
    }

    static let cases: [Case] = [Activation.sigmoid, .tanh, .relu].flatMap { hidden in
        OutputActivation.allCases.flatMap { output in [0.0, 0.3].map { Case(hidden: hidden, output: output, l2: $0) } }
    }

    /// A network [3, 5, 4, K] on 6 random rows with targets suited to the output.
    static func problem(_ c: Case) throws -> (NeuralNetwork, Matrix, Matrix) {
        var rng = SeededGenerator(seed: 17)
        let outputs = c.output == .sigmoid ? 1 : 3
        let network = try NeuralNetwork(
            layerSizes: [3, 5, 4, outputs], hiddenActivation: c.hidden, outputActivation: c.output,
            initialization: .glorot, using: &rng)
        // Non-zero biases so that every code path sees them.
        var parameters = network.parameters
        for l in 0..<network.layerCount {
            for unit in 0..<network.layerSizes[l + 1] {
                parameters[network.biasIndex(layer: l, unit: unit)] = 0.1 * rng.nextGaussian()
            }
        }
        let net = try network.withParameters(parameters)
        let x = Matrix(rows: 6, columns: 3, storage: (0..<18).map { _ in rng.nextGaussian() })
        var targets = Matrix(rows: 6, columns: outputs)
        for r in 0..<6 {
            switch c.output {
            case .softmax: targets[r, r % 3] = 1
            case .sigmoid: targets[r, 0] = Double(r % 2)
            case .identity: for k in 0..<outputs { targets[r, k] = rng.nextGaussian() }
            }
        }
        return (net, x, targets)
    }

    @Test(arguments: cases)
    func backpropagationMatchesFiniteDifferences(_ c: Case) throws {
        let (network, x, targets) = try Self.problem(c)
        let analytic = try network.gradients(x, targets, l2: c.l2)
        let h = 1e-6
        var worst = 0.0
        for index in network.parameters.indices {
            var plus = network.parameters, minus = network.parameters
            plus[index] += h
            minus[index] -= h
            let numeric = (try network.withParameters(plus).loss(x, targets, l2: c.l2)
                - network.withParameters(minus).loss(x, targets, l2: c.l2)) / (2 * h)
            let error = abs(numeric - analytic[index]) / max(1e-8, abs(numeric) + abs(analytic[index]))
            worst = max(worst, abs(numeric - analytic[index]) < 1e-9 ? 0 : error)
        }
        #expect(worst < 1e-5, "worst relative error \(worst)")
    }

    @Test func zeroWeightsSoftmaxLossIsLogK() throws {
        let network = try NeuralNetwork(
            layerSizes: [2, 3, 4], hiddenActivation: .tanh, outputActivation: .softmax,
            parameters: Array(repeating: 0, count: NeuralNetwork.parameterCount(for: [2, 3, 4])))
        let x = Matrix([[1, 2], [-3, 0.5]])
        let targets = Matrix([[1, 0, 0, 0], [0, 0, 0, 1]])
        #expect(abs(try network.loss(x, targets) - log(4)) < 1e-15)
        #expect(try network.output(x).storage.allSatisfy { $0 == 0.25 })
    }

    /// A one-unit network written out by hand: [1, 1, 1] with tanh and identity output.
    @Test func handComputedForwardAndGradient() throws {
        // parameters: w1, b1, w2, b2
        let network = try NeuralNetwork(
            layerSizes: [1, 1, 1], hiddenActivation: .tanh, outputActivation: .identity, parameters: [0.5, 0.1, -2, 0.3])
        let x = Matrix([[2]]), y = Matrix([[1]])
        let a = tanh(0.5 * 2 + 0.1)
        let prediction = -2 * a + 0.3
        #expect(abs(try network.output(x)[0, 0] - prediction) < 1e-15)
        #expect(abs(try network.loss(x, y) - 0.5 * (prediction - 1) * (prediction - 1)) < 1e-15)
        let d2 = prediction - 1
        let d1 = d2 * -2 * (1 - a * a)
        let g = try network.gradients(x, y)
        let expected = [d1 * 2, d1, d2 * a, d2]
        for k in 0..<4 { #expect(abs(g[k] - expected[k]) < 1e-14) }
        // With L2 = 0.5 on one row, the weights (not the biases) gain 0.5 * w.
        let gl2 = try network.gradients(x, y, l2: 0.5)
        #expect(abs(gl2[0] - (expected[0] + 0.25)) < 1e-14 && gl2[1] == g[1] && abs(gl2[2] - (expected[2] - 1)) < 1e-14)
    }

    @Test func layerOutputsAndParameterLayout() throws {
        var rng = SeededGenerator(seed: 2)
        let network = try NeuralNetwork(
            layerSizes: [2, 3, 2], hiddenActivation: .relu, outputActivation: .softmax, initialization: .he, using: &rng)
        #expect(network.parameters.count == 2 * 3 + 3 + 3 * 2 + 2)
        #expect(network.weights(layer: 1).rows == 3 && network.weights(layer: 1).columns == 2)
        #expect(network.weights(layer: 0)[1, 2] == network.parameters[network.weightIndex(layer: 0, input: 1, unit: 2)])
        let x = Matrix([[0.5, -1], [2, 1]])
        let layers = try network.layerOutputs(x)
        #expect(layers.count == 2 && layers[0].columns == 3)
        // Hidden = relu(x W0 + b0), by hand.
        let w0 = network.weights(layer: 0)
        for r in 0..<2 {
            for u in 0..<3 {
                let z = x[r, 0] * w0[0, u] + x[r, 1] * w0[1, u] + network.biases(layer: 0)[u]
                #expect(abs(layers[0][r, u] - max(0, z)) < 1e-15)
            }
        }
        #expect(layers[1] == (try network.output(x)))
    }

    @Test func networkErrors() throws {
        #expect(throws: ModelError.self) {
            try NeuralNetwork(layerSizes: [2], hiddenActivation: .relu, outputActivation: .softmax, parameters: [])
        }
        #expect(throws: ModelError.self) {
            try NeuralNetwork(layerSizes: [2, 0, 1], hiddenActivation: .relu, outputActivation: .softmax, parameters: [])
        }
        #expect(throws: ModelError.shapeMismatch("layers [1, 1] need 2 parameters, got 3")) {
            try NeuralNetwork(layerSizes: [1, 1], hiddenActivation: .relu, outputActivation: .identity, parameters: [1, 2, 3])
        }
        let network = try NeuralNetwork(
            layerSizes: [1, 1], hiddenActivation: .relu, outputActivation: .identity, parameters: [1, 0])
        #expect(throws: ModelError.self) { try network.output(Matrix([[1, 2]])) }
        #expect(throws: ModelError.self) { try network.loss(Matrix([[1]]), Matrix([[1, 2]])) }
        #expect(throws: ModelError.self) { try network.loss(Matrix([[1]]), Matrix([[1]]), l2: -1) }
        #expect(throws: ModelError.nonFinite(row: 0, column: 0)) { try network.output(Matrix([[.nan]])) }
    }
}

@Suite struct GradientCheckTableTests {
    @Test func tableNamesParametersAndAgrees() throws {
        var rng = SeededGenerator(seed: 4)
        let network = try NeuralNetwork(
            layerSizes: [2, 3, 2], hiddenActivation: .sigmoid, outputActivation: .softmax, initialization: .glorot,
            using: &rng)
        let x = Matrix([[0.5, -1], [1, 2], [-0.3, 0.8]])
        let targets = Matrix([[1, 0], [0, 1], [1, 0]])
        let table = try network.gradientCheck(x, targets, l2: 0.1)
        #expect(table.count == network.parameters.count)
        #expect(table.allSatisfy { $0.relativeError < 1e-6 || abs($0.analytic - $0.numeric) < 1e-10 })
        #expect(table[network.weightIndex(layer: 0, input: 1, unit: 2)].name == "W1[1, 2]")
        #expect(table[network.biasIndex(layer: 1, unit: 1)].name == "b2[1]")
        #expect(table[network.biasIndex(layer: 1, unit: 1)].layer == 1)
        let some = try network.gradientCheck(x, targets, parameterIndices: [0, 5])
        #expect(some.map(\.parameterIndex) == [0, 5])
        #expect(throws: ModelError.self) { try network.gradientCheck(x, targets, parameterIndices: [99]) }
        #expect(throws: ModelError.self) { try network.gradientCheck(x, targets, step: 0) }
    }
}
