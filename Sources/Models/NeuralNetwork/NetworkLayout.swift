/// Where each layer's weights and biases live in a network's single flat parameter vector.
///
/// Layer `l` maps `sizes[l]` inputs to `sizes[l + 1]` units: its weights form a row-major
/// `sizes[l] x sizes[l + 1]` block (one row per input, so a batch times the block is the layer's
/// weighted sums), followed by its `sizes[l + 1]` biases. Keeping every parameter in one array lets
/// the optimisers, the gradient check and snapshots treat the network as one vector.
struct NetworkLayout: Sendable, Equatable {
    let sizes: [Int]
    let weightOffsets: [Int]
    let biasOffsets: [Int]
    let parameterCount: Int

    init(sizes: [Int]) {
        self.sizes = sizes
        var weightOffsets: [Int] = []
        var biasOffsets: [Int] = []
        var offset = 0
        for l in 0..<(sizes.count - 1) {
            weightOffsets.append(offset)
            offset += sizes[l] * sizes[l + 1]
            biasOffsets.append(offset)
            offset += sizes[l + 1]
        }
        self.weightOffsets = weightOffsets
        self.biasOffsets = biasOffsets
        parameterCount = offset
    }

    /// Number of weight layers (hidden layers + the output layer).
    var layerCount: Int { sizes.count - 1 }
    var inputSize: Int { sizes[0] }
    var outputSize: Int { sizes[sizes.count - 1] }
    var widest: Int { sizes.max() ?? 0 }
}
