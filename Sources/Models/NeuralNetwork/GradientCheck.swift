/// One row of a gradient check: a parameter's backpropagated derivative beside a finite-difference
/// estimate.
public struct GradientCheckEntry: Sendable, Equatable {
    /// Index into `NeuralNetwork.parameters`.
    public let parameterIndex: Int
    /// The weight layer (0 = the first hidden layer's incoming weights).
    public let layer: Int
    /// A readable name such as `W1[2, 0]` (layer 1 in the usual 1-based notation, input 2, unit 0)
    /// or `b2[3]`.
    public let name: String
    /// dLoss/dParameter from backpropagation.
    public let analytic: Double
    /// `(loss(p + h) - loss(p - h)) / 2h`.
    public let numeric: Double

    /// `|analytic - numeric| / max(|analytic| + |numeric|, 1e-12)`: about 1e-7 or smaller when the
    /// backward pass is right.
    public var relativeError: Double {
        abs(analytic - numeric) / max(abs(analytic) + abs(numeric), 1e-12)
    }
}

extension NeuralNetwork {
    /// Compares `gradients(_:_:l2:)` with central finite differences of `loss(_:_:l2:)` for the
    /// chosen parameters (all of them by default): the classic test that backpropagation is right.
    ///
    /// - Parameters:
    ///   - step: the finite-difference step `h`; around 1e-5 balances truncation and rounding error.
    ///   - parameterIndices: which parameters to check (indices into `parameters`).
    /// - Complexity: two forward passes over `x` per checked parameter.
    public func gradientCheck(
        _ x: Matrix, _ targets: Matrix, l2: Double = 0, step: Double = 1e-5, parameterIndices: [Int]? = nil
    ) throws -> [GradientCheckEntry] {
        guard step > 0, step.isFinite else {
            throw ModelError.invalidHyperparameter(name: "step", value: "\(step)", reason: "the step must be a small positive number")
        }
        let indices = parameterIndices ?? Array(parameters.indices)
        if let bad = indices.first(where: { !parameters.indices.contains($0) }) {
            throw ModelError.shapeMismatch("parameter index \(bad) is outside 0..<\(parameters.count)")
        }
        let analytic = try gradients(x, targets, l2: l2)
        return try indices.map { index in
            var plus = parameters, minus = parameters
            plus[index] += step
            minus[index] -= step
            let numeric = (try withParameters(plus).loss(x, targets, l2: l2)
                - withParameters(minus).loss(x, targets, l2: l2)) / (2 * step)
            let (layer, name) = describe(parameter: index)
            return GradientCheckEntry(
                parameterIndex: index, layer: layer, name: name, analytic: analytic[index], numeric: numeric)
        }
    }

    /// The layer of parameter `index` and its name, `W<l>[input, unit]` or `b<l>[unit]` (l 1-based).
    public func describe(parameter index: Int) -> (layer: Int, name: String) {
        for l in (0..<layout.layerCount).reversed() where index >= layout.weightOffsets[l] {
            let units = layerSizes[l + 1]
            if index >= layout.biasOffsets[l] {
                return (l, "b\(l + 1)[\(index - layout.biasOffsets[l])]")
            }
            let offset = index - layout.weightOffsets[l]
            return (l, "W\(l + 1)[\(offset / units), \(offset % units)]")
        }
        return (0, "?")
    }
}
