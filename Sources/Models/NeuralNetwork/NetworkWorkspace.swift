#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Preallocated buffers for the forward and backward pass of up to `capacity` rows, so that
/// training allocates nothing per mini-batch. Used by one thread at a time (data-parallel training
/// gives each shard its own).
///
/// Backpropagation in matrix form, for a batch `A_0` (rows x inputs):
///
///     forward:  Z_l = A_{l-1} W_l + b_l,   A_l = f(Z_l)        (softmax/sigmoid/identity at the end)
///     output:   D_L = A_L - Y                                  (the loss/output pairs make it so)
///     backward: dW_l = A_{l-1}^T D_l,   db_l = column sums of D_l,
///               D_{l-1} = (D_l W_l^T) * f'(Z_{l-1})           (elementwise, via f' written in A)
///
/// The gradient left in `gradient` is the sum over the rows (the caller divides by the batch size).
final class NetworkWorkspace {
    let layout: NetworkLayout
    let hidden: Activation
    let output: OutputActivation
    let capacity: Int
    /// Input rows, `capacity x inputSize`.
    let input: UnsafeMutablePointer<Double>
    /// Targets, `capacity x outputSize`.
    let targets: UnsafeMutablePointer<Double>
    /// `activations[l]` holds `A_{l+1}`, `capacity x sizes[l+1]`.
    private let activations: [UnsafeMutablePointer<Double>]
    private let deltaA: UnsafeMutablePointer<Double>
    private let deltaB: UnsafeMutablePointer<Double>
    private let scratch: UnsafeMutablePointer<Double>
    /// The summed gradient after `run(..., computeGradient: true)`, laid out like the parameters.
    let gradient: UnsafeMutablePointer<Double>

    init(layout: NetworkLayout, hidden: Activation, output: OutputActivation, capacity: Int) {
        self.layout = layout
        self.hidden = hidden
        self.output = output
        self.capacity = capacity
        let widest = layout.widest
        input = .allocate(capacity: capacity * layout.inputSize)
        targets = .allocate(capacity: capacity * layout.outputSize)
        activations = layout.sizes.dropFirst().map { .allocate(capacity: capacity * $0) }
        deltaA = .allocate(capacity: capacity * widest)
        deltaB = .allocate(capacity: capacity * widest)
        scratch = .allocate(capacity: widest * widest)  // W_l^T for the backward product
        gradient = .allocate(capacity: layout.parameterCount)
    }

    deinit {
        input.deallocate(); targets.deallocate()
        activations.forEach { $0.deallocate() }
        deltaA.deallocate(); deltaB.deallocate(); scratch.deallocate(); gradient.deallocate()
    }

    /// Rows a trainer has gathered into `input` and `targets` for `runGathered`.
    var gatheredRows = 0
    /// What the last `runGathered` returned.
    private(set) var lastResult: (loss: Double, correct: Int) = (0, 0)

    /// Forward and backward pass over the gathered rows (a training step's share of a batch).
    func runGathered(parameters: UnsafePointer<Double>) {
        lastResult = run(parameters: parameters, rows: gatheredRows, withTargets: true, computeGradient: true)
    }

    /// The network's outputs for the rows last run, `rows x outputSize`.
    var outputs: UnsafePointer<Double> { UnsafePointer(activations[activations.count - 1]) }

    /// The activations `A_{layer+1}` for the rows last run.
    func layerOutputs(_ layer: Int) -> UnsafePointer<Double> { UnsafePointer(activations[layer]) }

    /// Forward pass over the first `rows` rows of `input`; with `targets` filled, returns the
    /// summed data loss and the number of rows classified correctly (the arg-max of the output
    /// equals that of the target; for a sigmoid output, both on the same side of 1/2). With
    /// `computeGradient`, also backpropagates into `gradient`.
    @discardableResult
    func run(parameters: UnsafePointer<Double>, rows: Int, withTargets: Bool, computeGradient: Bool)
        -> (loss: Double, correct: Int)
    {
        precondition(rows <= capacity)
        let sizes = layout.sizes
        let last = layout.layerCount - 1

        // Forward: start each Z_l as the bias rows, then accumulate A_{l-1} W_l on top.
        var previous = UnsafePointer(input)
        for l in 0...last {
            let n = sizes[l + 1], k = sizes[l]
            let z = activations[l]
            let bias = parameters + layout.biasOffsets[l]
            for r in 0..<rows { (z + r * n).update(from: bias, count: n) }
            DenseKernels.multiply(
                m: rows, n: n, k: k, previous, lda: k, parameters + layout.weightOffsets[l], ldb: n,
                z, ldc: n, accumulate: true)
            if l < last { hidden.apply(z, count: rows * n) }
            previous = UnsafePointer(z)
        }

        // Output layer: activation, loss and error signal D_L = A_L - Y, row by row.
        let k = layout.outputSize
        let out = activations[last]
        var loss = 0.0
        var correct = 0
        for r in 0..<rows {
            let z = out + r * k
            let y = targets + r * k
            switch output {
            case .softmax:
                var maximum = z[0]
                for j in 1..<k where z[j] > maximum { maximum = z[j] }
                var sum = 0.0
                for j in 0..<k { sum += exp(z[j] - maximum) }
                let logSum = log(sum) + maximum
                if withTargets {
                    // -sum_j y_j log p_j with log p_j = z_j - logSumExp(z).
                    for j in 0..<k where y[j] != 0 { loss -= y[j] * (z[j] - logSum) }
                }
                for j in 0..<k { z[j] = exp(z[j] - logSum) }
            case .sigmoid:
                for j in 0..<k {
                    // Binary cross-entropy = softplus(z) - y z, written to avoid overflow.
                    if withTargets { loss += max(z[j], 0) + log1p(exp(-abs(z[j]))) - y[j] * z[j] }
                    z[j] = Activation.logistic(z[j])
                }
            case .identity:
                if withTargets {
                    for j in 0..<k { loss += 0.5 * (z[j] - y[j]) * (z[j] - y[j]) }
                }
            }
            if withTargets && output != .identity && Self.agree(UnsafePointer(z), UnsafePointer(y), k) {
                correct += 1
            }
        }
        guard computeGradient else { return (loss, correct) }
        precondition(withTargets, "gradients need targets")

        var delta = deltaA, spare = deltaB
        for t in 0..<(rows * k) { delta[t] = out[t] - targets[t] }
        for l in stride(from: last, through: 0, by: -1) {
            let n = sizes[l + 1], inputs = sizes[l]
            let a = l == 0 ? UnsafePointer(input) : UnsafePointer(activations[l - 1])
            // dW_l = A_{l-1}^T D_l
            DenseKernels.multiplyTransposingA(
                m: inputs, n: n, k: rows, a, lda: inputs, delta, ldb: n,
                gradient + layout.weightOffsets[l], ldc: n, accumulate: false)
            // db_l = column sums of D_l
            let db = gradient + layout.biasOffsets[l]
            db.update(repeating: 0, count: n)
            for r in 0..<rows {
                let row = delta + r * n
                for j in 0..<n { db[j] += row[j] }
            }
            if l > 0 {
                // D_{l-1} = (D_l W_l^T) * f'(Z_{l-1})
                DenseKernels.transpose(parameters + layout.weightOffsets[l], rows: inputs, columns: n, into: scratch)
                DenseKernels.multiply(
                    m: rows, n: inputs, k: n, delta, lda: n, scratch, ldb: inputs,
                    spare, ldc: inputs, accumulate: false)
                hidden.multiplyByDerivative(spare, outputs: a, count: rows * inputs)
                swap(&delta, &spare)
            }
        }
        return (loss, correct)
    }

    /// Whether a prediction row and a target row pick the same class.
    @inline(__always)
    private static func agree(_ p: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ k: Int) -> Bool {
        if k == 1 { return (p[0] > 0.5) == (y[0] > 0.5) }
        var bestP = 0, bestY = 0
        for j in 1..<k {
            if p[j] > p[bestP] { bestP = j }
            if y[j] > y[bestY] { bestY = j }
        }
        return bestP == bestY
    }
}
