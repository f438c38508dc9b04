import Models

/// Chapter 1's main experiment: one-feature linear regression on `ex1data1.csv` (city population
/// in 10,000s -> food-truck profit in $10,000s), trained by batch gradient descent from w = b = 0,
/// with the exact least-squares answer beside it.
struct FoodTruckExperiment: Sendable {
    /// Below 2 / (largest eigenvalue of the data's second-moment matrix), about 0.024 here, every
    /// step shrinks the error; 0.02 is close to that limit, so 3000 steps converge.
    static let learningRate = 0.02
    static let iterations = 3000

    /// Population of each city, in 10,000s of people.
    let population: [Double]
    /// Profit in each city, in $10,000s (negative for a loss).
    let profit: [Double]
    /// The design matrix: one column, population.
    let features: Matrix
    /// The model trained by gradient descent, with its history (cost and path at every step).
    let descent: FittedLinearRegression
    /// The exact minimum of the cost, from the normal equation.
    let exact: LinearModel
    /// Sums of x², x, x y, y and y² and the count m: with them J(w, b) costs O(1), which is what
    /// evaluating it on tens of thousands of grid points for a contour needs.
    private let sums: (xx: Double, x: Double, xy: Double, y: Double, yy: Double, m: Double)

    init() throws {
        let table = try BundledDataset.ex1data1.load()
        population = try table.numeric("population_10k")
        profit = try table.numeric(BundledDataset.ex1data1.targetColumn)
        features = try table.matrix(columns: ["population_10k"])
        descent = try LinearRegression(learningRate: Self.learningRate, iterations: Self.iterations)
            .fit(features, profit)
        exact = try NormalEquationRegression().fit(features, profit)
        var sums = (xx: 0.0, x: 0.0, xy: 0.0, y: 0.0, yy: 0.0, m: Double(profit.count))
        for (x, y) in zip(population, profit) {
            sums.xx += x * x; sums.x += x; sums.xy += x * y; sums.y += y; sums.yy += y * y
        }
        self.sums = sums
    }

    /// The learned slope w.
    var w: Double { descent.weights[0] }
    /// The learned intercept b.
    var b: Double { descent.bias }

    /// J(w, b) on this data, from the model's own cost function; NaN if it cannot be evaluated.
    func cost(w: Double, b: Double) -> Double {
        (try? LinearRegression.cost(features, profit, weights: [w], bias: b)) ?? .nan
    }

    /// The same J(w, b) with the square expanded, 1/(2m) (w² Σx² + 2wb Σx + m b² - 2w Σxy - 2b Σy + Σy²):
    /// O(1) per call, for drawing the cost on grids. The tests check it against `cost(w:b:)`.
    func gridCost(w: Double, b: Double) -> Double {
        let s = sums
        return (w * w * s.xx + 2 * w * b * s.x + s.m * b * b - 2 * w * s.xy - 2 * b * s.y + s.yy) / (2 * s.m)
    }

    /// dJ/dw at (w, b): the slope of the cost curve in the w direction.
    func slope(w: Double, b: Double) throws -> Double {
        try LinearRegression.gradient(features, profit, weights: [w], bias: b).weights[0]
    }

    /// The descent path as (w, b) points, one per recorded step.
    var path: [(w: Double, b: Double)] {
        descent.history.path.map { ($0.weights[0], $0.bias) }
    }
}

/// The two-house toy of the course (1000 sqft sold for 300 k$, 2000 sqft for 500 k$), whose
/// exact answer w = 200, b = 100 can be checked by hand, trained with a learning rate that is
/// too large.
struct TwoHouseToyExperiment: Sendable {
    /// Size in 1000 sqft.
    static let sizes = [1.0, 2.0]
    /// Price in k$.
    static let prices = [300.0, 500.0]
    /// Far above the stable limit (about 0.58 for this data): every step overshoots.
    static let learningRate = 0.8
    /// As many steps as the course's lab runs; training stops sooner when the cost explodes.
    static let iterations = 10

    let features: Matrix
    /// The run with the too-large rate; its history stops where the cost exploded.
    let run: FittedLinearRegression

    init() throws {
        features = Matrix(Self.sizes.map { [$0] })
        run = try LinearRegression(learningRate: Self.learningRate, iterations: Self.iterations)
            .fit(features, Self.prices)
    }

    /// J(w, b) on the two houses.
    func cost(w: Double, b: Double) -> Double {
        (try? LinearRegression.cost(features, Self.prices, weights: [w], bias: b)) ?? .nan
    }
}
