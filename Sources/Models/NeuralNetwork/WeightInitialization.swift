/// How a network's starting weights are drawn (biases always start at zero).
///
/// Random weights break the symmetry between the units of a layer; `zeros` is here to show what
/// happens without that: every hidden unit computes the same thing and receives the same update
/// for ever.
public enum WeightInitialization: String, Sendable, CaseIterable {
    /// He for ReLU layers, Glorot otherwise.
    case automatic
    /// Glorot (Xavier) uniform: `U(-l, l)`, `l = sqrt(6 / (fan_in + fan_out))`; keeps the variance
    /// of signals roughly constant through sigmoid and tanh layers.
    case glorot
    /// He normal: `N(0, 2 / fan_in)`, which compensates for ReLU zeroing half of its inputs.
    case he
    /// Every weight zero (the pitfall).
    case zeros

    /// One weight for a layer of `fanIn` inputs and `fanOut` units.
    func sample(fanIn: Int, fanOut: Int, activation: Activation, using generator: inout SeededGenerator) -> Double {
        switch self {
        case .automatic:
            return (activation == .relu ? WeightInitialization.he : .glorot)
                .sample(fanIn: fanIn, fanOut: fanOut, activation: activation, using: &generator)
        case .glorot:
            let limit = (6.0 / Double(fanIn + fanOut)).squareRoot()
            return (2 * generator.nextUnit() - 1) * limit
        case .he:
            return generator.nextGaussian() * (2.0 / Double(fanIn)).squareRoot()
        case .zeros:
            return 0
        }
    }
}
