/// The gradient of a cost with respect to the weights `w` and the bias `b`.
public struct LinearGradient: Sendable, Equatable {
    /// dJ/dw_j for each feature j.
    public let weights: [Double]
    /// dJ/db.
    public let bias: Double

    public init(weights: [Double], bias: Double) {
        self.weights = weights
        self.bias = bias
    }

    /// The Euclidean norm of the whole gradient (weights and bias).
    public var norm: Double {
        (weights.reduce(bias * bias) { $0 + $1 * $1 }).squareRoot()
    }
}

extension LinearRegression {
    // excerpt: linear-cost
    /// The squared-error cost J(w, b) = 1/(2m) sum_i (w . x_i + b - y_i)^2.
    ///
    /// Written as plainly as the equation (the trainer uses a fused, parallel version of the same
    /// sum); the report evaluates it on grids for cost contours.
    /// Complexity: O(m n).
    public static func cost(_ X: Matrix, _ y: [Double], weights: [Double], bias: Double) throws -> Double {
        try checkCostInputs(X, y, weights: weights, bias: bias)
        let m = X.rows
        var sum = 0.0
        for i in 0..<m {
            var prediction = bias
            for j in 0..<X.columns { prediction += weights[j] * X[i, j] }
            let error = prediction - y[i]
            sum += error * error
        }
        return sum / (2 * Double(m))
    }
    // end excerpt

    // excerpt: linear-gradient
    /// The gradient of `cost`: dJ/dw_j = 1/m sum_i (f(x_i) - y_i) x_ij and
    /// dJ/db = 1/m sum_i (f(x_i) - y_i), computed from the same errors (a simultaneous update
    /// needs both before either parameter changes).
    /// Complexity: O(m n).
    public static func gradient(_ X: Matrix, _ y: [Double], weights: [Double], bias: Double) throws -> LinearGradient {
        try checkCostInputs(X, y, weights: weights, bias: bias)
        let m = X.rows
        var dw = [Double](repeating: 0, count: X.columns)
        var db = 0.0
        for i in 0..<m {
            var prediction = bias
            for j in 0..<X.columns { prediction += weights[j] * X[i, j] }
            let error = prediction - y[i]
            for j in 0..<X.columns { dw[j] += error * X[i, j] }
            db += error
        }
        return LinearGradient(weights: dw.map { $0 / Double(m) }, bias: db / Double(m))
    }
    // end excerpt

    static func checkCostInputs(_ X: Matrix, _ y: [Double], weights: [Double], bias: Double) throws {
        try InputValidation.checkTraining(X, y, context: "cost")
        guard weights.count == X.columns else {
            throw ModelError.shapeMismatch("\(weights.count) weights for \(X.columns) features")
        }
    }
}
