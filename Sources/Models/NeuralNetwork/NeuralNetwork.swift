/// A multilayer perceptron as a value: its architecture and every weight and bias.
///
/// `layerSizes` runs from the inputs to the outputs, e.g. `[64, 64, 64, 10]` for digits with two
/// hidden layers of 64 units. All parameters live in one flat `parameters` vector (layer by layer:
/// the `in x out` weight block row-major, then the biases), which is also the layout of
/// `gradients(_:_:l2:)`, so a test can perturb parameter `k` and compare.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let net = try NeuralNetwork(layerSizes: [2, 8, 1], hiddenActivation: .tanh,
///                             outputActivation: .sigmoid, initialization: .glorot, using: &rng)
/// let p = try net.output(x)                       // forward pass
/// let g = try net.gradients(x, targets, l2: 0.1)  // backward pass
/// ```
public struct NeuralNetwork: Sendable, Equatable {
    /// Units per layer, inputs first, outputs last.
    public let layerSizes: [Int]
    /// The non-linearity of every hidden layer.
    public let hiddenActivation: Activation
    /// The output layer and, with it, the loss.
    public let outputActivation: OutputActivation
    /// Every weight and bias, layer by layer (see the type's documentation).
    public private(set) var parameters: [Double]
    let layout: NetworkLayout

    /// A network with initial weights drawn from `generator` (biases zero).
    ///
    /// - Throws: `invalidHyperparameter` for fewer than two layer sizes or a size below 1.
    public init(
        layerSizes: [Int], hiddenActivation: Activation, outputActivation: OutputActivation,
        initialization: WeightInitialization, using generator: inout SeededGenerator
    ) throws {
        try Self.validate(layerSizes)
        let layout = NetworkLayout(sizes: layerSizes)
        var parameters = [Double](repeating: 0, count: layout.parameterCount)
        for l in 0..<layout.layerCount {
            let fanIn = layerSizes[l], fanOut = layerSizes[l + 1]
            // The output layer's weights use the Glorot rule unless the hidden layers are ReLU,
            // which matches what the automatic choice does for the layers feeding it.
            for index in layout.weightOffsets[l]..<layout.biasOffsets[l] {
                parameters[index] = initialization.sample(
                    fanIn: fanIn, fanOut: fanOut, activation: hiddenActivation, using: &generator)
            }
        }
        self.layerSizes = layerSizes
        self.hiddenActivation = hiddenActivation
        self.outputActivation = outputActivation
        self.parameters = parameters
        self.layout = layout
    }

    /// A network with the given parameters (`parameterCount(for: layerSizes)` of them).
    ///
    /// - Throws: `invalidHyperparameter` for bad sizes, `shapeMismatch` for a wrong parameter
    ///   count, `nonFinite` (row 0, column = parameter index) for a NaN or infinite parameter.
    public init(
        layerSizes: [Int], hiddenActivation: Activation, outputActivation: OutputActivation, parameters: [Double]
    ) throws {
        try Self.validate(layerSizes)
        let layout = NetworkLayout(sizes: layerSizes)
        guard parameters.count == layout.parameterCount else {
            throw ModelError.shapeMismatch(
                "layers \(layerSizes) need \(layout.parameterCount) parameters, got \(parameters.count)")
        }
        if let bad = parameters.firstIndex(where: { !$0.isFinite }) {
            throw ModelError.nonFinite(row: 0, column: bad)
        }
        self.layerSizes = layerSizes
        self.hiddenActivation = hiddenActivation
        self.outputActivation = outputActivation
        self.parameters = parameters
        self.layout = layout
    }

    /// The number of weights and biases of a network with these layer sizes.
    public static func parameterCount(for layerSizes: [Int]) -> Int {
        NetworkLayout(sizes: layerSizes).parameterCount
    }

    /// The same architecture with other parameters (e.g. a finite-difference perturbation).
    public func withParameters(_ parameters: [Double]) throws -> NeuralNetwork {
        try NeuralNetwork(
            layerSizes: layerSizes, hiddenActivation: hiddenActivation, outputActivation: outputActivation,
            parameters: parameters)
    }

    /// The number of weight layers (hidden layers + 1).
    public var layerCount: Int { layout.layerCount }

    /// Layer `layer`'s weights, `layerSizes[layer] x layerSizes[layer + 1]` (one row per input).
    public func weights(layer: Int) -> Matrix {
        let start = layout.weightOffsets[layer]
        return Matrix(
            rows: layerSizes[layer], columns: layerSizes[layer + 1],
            storage: Array(parameters[start..<layout.biasOffsets[layer]]))
    }

    /// Layer `layer`'s biases, one per unit.
    public func biases(layer: Int) -> [Double] {
        let start = layout.biasOffsets[layer]
        return Array(parameters[start..<(start + layerSizes[layer + 1])])
    }

    /// Where layer `layer`'s weight `(input, unit)` sits in `parameters`.
    public func weightIndex(layer: Int, input: Int, unit: Int) -> Int {
        layout.weightOffsets[layer] + input * layerSizes[layer + 1] + unit
    }

    /// Where layer `layer`'s bias of `unit` sits in `parameters`.
    public func biasIndex(layer: Int, unit: Int) -> Int {
        layout.biasOffsets[layer] + unit
    }

    /// The forward pass: the outputs (probabilities for softmax/sigmoid) for each row of `x`.
    public func output(_ x: Matrix) throws -> Matrix {
        try checkInput(x)
        return pass(x, targets: nil, computeGradient: false, keepLayers: false).layers.last!
    }

    /// Every layer's activations for each row of `x`: element `l` is `A_{l+1}`, the last one the
    /// output (handy for showing what the hidden units compute).
    public func layerOutputs(_ x: Matrix) throws -> [Matrix] {
        try checkInput(x)
        return pass(x, targets: nil, computeGradient: false, keepLayers: true).layers
    }

    /// The mean data loss over the rows of `x` against `targets` (one-hot rows for softmax, 0/1
    /// for sigmoid, values for identity) plus the L2 penalty `l2 / (2 n) * sum of squared weights`
    /// (biases are not penalised), the convention of scikit-learn's `alpha`.
    public func loss(_ x: Matrix, _ targets: Matrix, l2: Double = 0) throws -> Double {
        try checkInput(x, targets: targets, l2: l2)
        let result = pass(x, targets: targets, computeGradient: false, keepLayers: false)
        return result.loss / Double(x.rows) + penalty(l2: l2, rows: x.rows)
    }

    /// The gradient of `loss(_:_:l2:)` with respect to `parameters`, by backpropagation.
    public func gradients(_ x: Matrix, _ targets: Matrix, l2: Double = 0) throws -> [Double] {
        try checkInput(x, targets: targets, l2: l2)
        var gradient = pass(x, targets: targets, computeGradient: true, keepLayers: false).gradient
        let scale = 1 / Double(x.rows)
        for index in gradient.indices { gradient[index] *= scale }
        addPenaltyGradient(&gradient, l2: l2, rows: x.rows)
        return gradient
    }

    // MARK: - Shared with training

    /// `l2 / (2 n) * sum of squared weights`.
    func penalty(l2: Double, rows: Int) -> Double {
        guard l2 > 0 else { return 0 }
        var sum = 0.0
        for l in 0..<layout.layerCount {
            for index in layout.weightOffsets[l]..<layout.biasOffsets[l] { sum += parameters[index] * parameters[index] }
        }
        return l2 / (2 * Double(rows)) * sum
    }

    /// Adds `l2 / n * W` to the weight entries of an already averaged gradient.
    func addPenaltyGradient(_ gradient: inout [Double], l2: Double, rows: Int) {
        guard l2 > 0 else { return }
        let factor = l2 / Double(rows)
        for l in 0..<layout.layerCount {
            for index in layout.weightOffsets[l]..<layout.biasOffsets[l] { gradient[index] += factor * parameters[index] }
        }
    }

    /// Runs `x` through the network in chunks; returns the summed loss and gradient, the number of
    /// rows classified correctly and the output (or every layer's) activations.
    func pass(_ x: Matrix, targets: Matrix?, computeGradient: Bool, keepLayers: Bool)
        -> (loss: Double, gradient: [Double], correct: Int, layers: [Matrix])
    {
        let chunk = 256
        let workspace = NetworkWorkspace(
            layout: layout, hidden: hiddenActivation, output: outputActivation, capacity: min(chunk, x.rows))
        var layers = keepLayers
            ? layerSizes.dropFirst().map { Matrix(rows: x.rows, columns: $0) }
            : [Matrix(rows: x.rows, columns: layout.outputSize)]
        var gradient = [Double](repeating: 0, count: computeGradient ? layout.parameterCount : 0)
        var loss = 0.0, correct = 0
        let d = x.columns, k = layout.outputSize
        parameters.withUnsafeBufferPointer { p in
            var start = 0
            while start < x.rows {
                let rows = min(chunk, x.rows - start)
                x.storage.withUnsafeBufferPointer {
                    workspace.input.update(from: $0.baseAddress! + start * d, count: rows * d)
                }
                if let targets {
                    targets.storage.withUnsafeBufferPointer {
                        workspace.targets.update(from: $0.baseAddress! + start * k, count: rows * k)
                    }
                }
                let result = workspace.run(
                    parameters: p.baseAddress!, rows: rows, withTargets: targets != nil, computeGradient: computeGradient)
                loss += result.loss
                correct += result.correct
                if computeGradient {
                    for index in gradient.indices { gradient[index] += workspace.gradient[index] }
                }
                for (l, first) in (keepLayers ? Array(0..<layout.layerCount) : [layout.layerCount - 1]).enumerated() {
                    let width = layerSizes[first + 1]
                    let source = workspace.layerOutputs(first)
                    layers[l].storage.withUnsafeMutableBufferPointer {
                        ($0.baseAddress! + start * width).update(from: source, count: rows * width)
                    }
                }
                start += rows
            }
        }
        return (loss, gradient, correct, layers)
    }

    func checkInput(_ x: Matrix) throws {
        try InputValidation.checkPrediction(x, featureCount: layout.inputSize)
    }

    private func checkInput(_ x: Matrix, targets: Matrix, l2: Double) throws {
        try checkInput(x)
        guard targets.rows == x.rows, targets.columns == layout.outputSize else {
            throw ModelError.shapeMismatch(
                "targets are \(targets.rows) x \(targets.columns), expected \(x.rows) x \(layout.outputSize)")
        }
        guard x.rows > 0 else { throw ModelError.emptyInput("a loss needs at least one row") }
        try InputValidation.checkFeatures(targets, context: "targets")
        guard l2 >= 0, l2.isFinite else {
            throw ModelError.invalidHyperparameter(name: "l2", value: "\(l2)", reason: "the L2 penalty must be zero or positive")
        }
    }

    private static func validate(_ sizes: [Int]) throws {
        guard sizes.count >= 2 else {
            throw ModelError.invalidHyperparameter(
                name: "layerSizes", value: "\(sizes)", reason: "a network needs at least an input and an output layer")
        }
        guard sizes.allSatisfy({ $0 >= 1 }) else {
            throw ModelError.invalidHyperparameter(
                name: "layerSizes", value: "\(sizes)", reason: "every layer needs at least one unit")
        }
    }

    public static func == (lhs: NeuralNetwork, rhs: NeuralNetwork) -> Bool {
        lhs.layerSizes == rhs.layerSizes && lhs.hiddenActivation == rhs.hiddenActivation
            && lhs.outputActivation == rhs.outputActivation && lhs.parameters == rhs.parameters
    }

    /// Replaces the parameters in place (training writes through this).
    mutating func setParameters(_ newValue: [Double]) {
        precondition(newValue.count == parameters.count)
        parameters = newValue
    }
}
