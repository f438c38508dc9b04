/// Batch gradient descent on a linear-score model (linear or binary logistic regression), shared by
/// both so they record their history identically.
///
/// Each iteration makes one fused pass over X (cost and gradient together), records the step, then
/// updates all parameters simultaneously: `w -= alpha * dJ/dw`, `b -= alpha * dJ/db`.
/// With `l2 = lambda > 0` the cost gains `lambda/(2m) sum w_j^2` and the weight gradient
/// `lambda/m w` (the bias is not penalised).
struct GradientDescent<Loss: ScoreLoss> {
    var learningRate: Double
    var iterations: Int
    var l2: Double
    var rules: StoppingRules
    var maxPathLength: Int

    struct Result {
        var weights: [Double]
        var bias: Double
        var history: TrainingHistory
    }

    func run(_ X: Matrix, _ y: [Double], initialWeights: [Double], initialBias: Double) -> Result {
        var objective = FusedObjective<Loss>(X, y)
        let n = X.columns
        let m = Double(X.rows)
        var weights = initialWeights
        var bias = initialBias
        var previousWeights = weights
        var previousBias = bias
        var gradient = [Double](repeating: 0, count: n)
        var recorder = HistoryRecorder(plannedSteps: iterations, maxPathLength: maxPathLength, rules: rules)
        var step = 0
        var finalStep = 0
        while true {
            var (cost, biasGradient) = weights.withUnsafeBufferPointer { w in
                gradient.withUnsafeMutableBufferPointer { g in
                    objective.evaluate(weights: w, bias: bias, gradient: g)
                }
            }
            if l2 > 0 {
                var squaredNorm = 0.0
                for j in 0..<n {
                    squaredNorm += weights[j] * weights[j]
                    gradient[j] += l2 / m * weights[j]
                }
                cost += l2 / (2 * m) * squaredNorm
            }
            var gradientSquaredNorm = biasGradient * biasGradient
            for j in 0..<n { gradientSquaredNorm += gradient[j] * gradient[j] }
            let verdict = weights.withUnsafeBufferPointer { w in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: 1) { b in
                    b[0] = bias
                    return recorder.record(step: step, cost: cost, gradientNorm: gradientSquaredNorm.squareRoot(),
                                           weights: w, intercepts: UnsafeBufferPointer(b))
                }
            }
            if verdict == .stop {
                if recorder.history.costs.count == step {
                    // The cost or gradient at this step was non-finite: keep the last finite parameters.
                    for j in 0..<n { weights[j] = previousWeights[j] }
                    bias = previousBias
                    finalStep = max(0, step - 1)
                } else {
                    finalStep = step
                }
                break
            }
            if step == iterations {
                finalStep = step
                break
            }
            // Copy element by element: assigning the array would share its buffer and make the
            // update below allocate a new one every iteration.
            for j in 0..<n { previousWeights[j] = weights[j] }
            previousBias = bias
            // excerpt: gradient-descent-update
            // Simultaneous update: the whole gradient was computed before any parameter changes.
            for j in 0..<n { weights[j] -= learningRate * gradient[j] }
            bias -= learningRate * biasGradient
            // end excerpt
            step += 1
        }
        let history = recorder.finish(finalStep: finalStep, weights: weights, intercepts: [bias])
        return Result(weights: weights, bias: bias, history: history)
    }
}

/// `X w + b` for every row of `X` (the scores of a linear-score model).
func linearScores(_ X: Matrix, weights: [Double], bias: Double) -> [Double] {
    let n = X.columns
    // excerpt: linear-scores
    // One prediction per row: the dot product of the row with w, plus b.
    return X.storage.withUnsafeBufferPointer { x in
        weights.withUnsafeBufferPointer { w in
            (0..<X.rows).map { i in
                var z = bias
                let row = i * n
                for j in 0..<n { z += x[row + j] * w[j] }
                return z
            }
        }
    }
    // end excerpt
}
