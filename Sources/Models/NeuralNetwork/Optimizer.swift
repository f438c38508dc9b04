/// How the gradient of a mini-batch moves the parameters.
public enum Optimizer: Sendable, Equatable {
    /// Plain mini-batch gradient descent: `theta -= rate * g`.
    case sgd(learningRate: Double)
    /// Gradient descent with (heavy-ball) momentum: `v = mu v - rate g; theta += v`, so steps build
    /// up along directions the gradient keeps pointing to and cancel across a ravine.
    case momentum(learningRate: Double, momentum: Double = 0.9)
    /// Adam (Kingma and Ba, 2015): per-parameter steps from bias-corrected running means of the
    /// gradient (`beta1`) and of its square (`beta2`).
    case adam(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8)

    /// The step size.
    public var learningRate: Double {
        switch self {
        case .sgd(let rate), .momentum(let rate, _), .adam(let rate, _, _, _): return rate
        }
    }

    /// Throws `invalidHyperparameter` for a non-positive learning rate or a decay outside [0, 1).
    func validate() throws {
        guard learningRate > 0, learningRate.isFinite else {
            throw ModelError.invalidHyperparameter(
                name: "learningRate", value: "\(learningRate)", reason: "the learning rate must be a positive number")
        }
        switch self {
        case .sgd: break
        case .momentum(_, let mu):
            guard mu >= 0, mu < 1 else {
                throw ModelError.invalidHyperparameter(name: "momentum", value: "\(mu)", reason: "momentum must be in [0, 1)")
            }
        case .adam(_, let beta1, let beta2, let epsilon):
            for (name, beta) in [("beta1", beta1), ("beta2", beta2)] where !(beta >= 0 && beta < 1) {
                throw ModelError.invalidHyperparameter(name: name, value: "\(beta)", reason: "\(name) must be in [0, 1)")
            }
            guard epsilon > 0 else {
                throw ModelError.invalidHyperparameter(name: "epsilon", value: "\(epsilon)", reason: "epsilon must be positive")
            }
        }
    }
}

/// The optimiser's memory (velocity, moment estimates) over a flat parameter vector.
struct OptimizerState {
    let optimizer: Optimizer
    private var first: [Double]
    private var second: [Double]
    private var steps = 0

    init(optimizer: Optimizer, parameterCount: Int) {
        self.optimizer = optimizer
        switch optimizer {
        case .sgd:
            first = []; second = []
        case .momentum:
            first = Array(repeating: 0, count: parameterCount); second = []
        case .adam:
            first = Array(repeating: 0, count: parameterCount)
            second = Array(repeating: 0, count: parameterCount)
        }
    }

    /// One update of `parameters` from `gradient` (both `count` long).
    mutating func step(_ parameters: UnsafeMutablePointer<Double>, gradient g: UnsafePointer<Double>, count: Int) {
        steps += 1
        switch optimizer {
        case .sgd(let rate):
            for t in 0..<count { parameters[t] -= rate * g[t] }
        case .momentum(let rate, let mu):
            first.withUnsafeMutableBufferPointer { v in
                for t in 0..<count {
                    v[t] = mu * v[t] - rate * g[t]
                    parameters[t] += v[t]
                }
            }
        case .adam(let rate, let beta1, let beta2, let epsilon):
            // Folding both bias corrections into the step size and epsilon:
            // rate * m_hat / (sqrt(v_hat) + eps) = rate_t * m / (sqrt(v) + eps_t).
            let t = Double(steps)
            let c1 = 1 - pow(beta1, t), c2 = 1 - pow(beta2, t)
            let rateT = rate * c2.squareRoot() / c1
            let epsilonT = epsilon * c2.squareRoot()
            first.withUnsafeMutableBufferPointer { m in
                second.withUnsafeMutableBufferPointer { v in
                    for k in 0..<count {
                        let gk = g[k]
                        let mk = beta1 * m[k] + (1 - beta1) * gk
                        let vk = beta2 * v[k] + (1 - beta2) * gk * gk
                        m[k] = mk
                        v[k] = vk
                        parameters[k] -= rateT * mk / (vk.squareRoot() + epsilonT)
                    }
                }
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
