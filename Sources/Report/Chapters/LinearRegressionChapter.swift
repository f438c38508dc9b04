import Foundation
import Models

/// Chapter 1: a straight line fitted to food-truck profits by gradient descent, the cost bowl it
/// walks down, and what a too-large learning rate does on the two-house toy.
struct LinearRegressionChapter: Chapter {
    let id = "linear-regression"
    let number = 1
    let title = "Linear regression, one variable"
    let summary = "Fit a line by gradient descent: the cost, its gradient, and the walk down the cost bowl."

    func build(_ context: ChapterContext) throws -> ChapterPage {
        let run = try FoodTruckExperiment()
        let toy = try TwoHouseToyExperiment()
        let reference = try SklearnReference.shared()
        let rate = FoodTruckExperiment.learningRate
        let steps = run.descent.history.stepsRun
        let costs = run.descent.history.costs
        let short = { (value: Double) in TableNumber.significant(value, digits: 3) }
        let minimum = "w = \(short(run.exact.weights[0])), b = \(short(run.exact.bias))"
        let figures = [
            ChapterFigure(
                stem: "data-and-fit",
                caption: "The learned line follows the upward drift of the 97 cities: a bigger city tends to bring a bigger profit, with a wide scatter around the trend.",
                altText: "Scatter plot of profit in $10,000s against city population in 10,000s for 97 cities, mostly between 5 and 10 on the population axis, with a rising straight line through the cloud.",
                figure: LinearRegressionFigures.dataAndFit(run)),
            ChapterFigure(
                stem: "cost-vs-w-tangents",
                caption: "With $b$ held fixed the cost is a parabola in $w$. The tangent's slope at any $w$ is $\\partial J / \\partial w$: steep and negative far to the left, zero at the bottom, positive to the right. Gradient descent steps against that slope.",
                altText: "A U-shaped curve of the cost against w with five short tangent lines touching it, each labelled with its slope; the slopes are large and negative on the left, zero at the bottom near \(minimum), and positive on the right.",
                figure: try LinearRegressionFigures.costAgainstWWithTangents(run)),
            ChapterFigure(
                stem: "cost-vs-iteration",
                caption: "The cost falls steeply in the first few iterations (left). The tail (right, its own scale) keeps falling slowly for thousands more: on the full scale that progress would look like a flat line.",
                altText: "Two line charts of the cost against the iteration number: on the left, iterations 0 to 100, the cost drops from \(short(costs[0])) to \(short(costs[min(100, steps)])), most of it within a few steps; on the right, iterations 100 to \(steps), the cost eases down to \(short(costs[steps])).",
                figure: LinearRegressionFigures.costPerIteration(run)),
            ChapterFigure(
                stem: "cost-contour",
                caption: "Gradient descent on the cost bowl $J(w, b)$: the first steps (numbered) zig-zag across the steep walls in $w$, then the path slides along the flat valley floor in $b$ to the minimum. The contour levels are spaced logarithmically so the floor of the bowl is visible.",
                altText: "Contour lines of the cost over w (horizontal) and b (vertical) forming long, thin, tilted ellipses; a path of dots and arrows starts at w = 0, b = 0, zig-zags in w, then runs down the valley to a plus sign marking the minimum at \(minimum).",
                figure: LinearRegressionFigures.costContour(run)),
            ChapterFigure(
                stem: "learning-rate-too-large",
                caption: "With $\\alpha = \(TwoHouseToyExperiment.learningRate)$ each step overshoots the bottom of the bowl and lands higher on the opposite wall (left), so the next gradient is larger and the cost multiplies at every step (right, log scale) until training stops.",
                altText: "Left: contour lines of the two-house cost with a path that starts at the origin and jumps to alternate sides of the minimum at w = 200, b = 100, each jump longer than the last. Right: the cost on a logarithmic axis rising in a straight line with the iteration number.",
                figure: LinearRegressionFigures.learningRateTooLarge(toy)),
        ]
        let tables = [
            try Self.parameterTable(run, reference: reference, rate: rate, steps: steps),
            Self.divergenceTable(toy),
            Self.unsquaredErrorTable(run),
        ]
        let code = try ["linear-cost", "linear-gradient", "gradient-descent-update"].map(context.excerpt)
        return ChapterPage(figures: figures, tables: tables, code: code, thumbnail: "cost-contour")
    }

    /// Learned parameters and fit: gradient descent and the normal equation beside scikit-learn.
    static func parameterTable(_ run: FoodTruckExperiment, reference: SklearnReference, rate: Double,
                               steps: Int) throws -> ChapterTable {
        let experiment = ["experiments", "ex1data1"]
        let coef = try reference.numbers(experiment + ["coef"])[0]
        let intercept = try reference.number(experiment + ["intercept"])
        let r2 = try reference.number(experiment + ["r2"])
        let mse = try reference.number(experiment + ["mse"])
        let queries = try reference.numbers(experiment + ["query_populations"])
        let queryPredictions = try reference.numbers(experiment + ["query_predictions"])
        func fit(_ w: Double, _ b: Double) throws -> (cost: Double, r2: Double) {
            let predictions = run.population.map { w * $0 + b }
            return (run.cost(w: w, b: b), try r2Score(run.profit, predictions))
        }
        let ours = try fit(run.w, run.b)
        let exact = try fit(run.exact.weights[0], run.exact.bias)
        let number = { (value: Double) in TableNumber.significant(value, digits: 7) }
        var rows = [
            ["slope w", number(run.w), number(run.exact.weights[0]), number(coef)],
            ["intercept b", number(run.b), number(run.exact.bias), number(intercept)],
            ["final cost J(w, b)", number(ours.cost), number(exact.cost), number(mse / 2)],
            ["R²", number(ours.r2), number(exact.r2), number(r2)],
        ]
        for (x, predicted) in zip(queries, queryPredictions) {
            rows.append(["predicted profit at x = \(TableNumber.significant(x, digits: 3))",
                         number(run.w * x + run.b), number(run.exact.weights[0] * x + run.exact.bias),
                         number(predicted)])
        }
        return ChapterTable(
            name: "parameters",
            caption: "The line learned by gradient descent ($\\alpha = \(rate)$, \(TableNumber.count(steps)) iterations from $w = b = 0$) beside the exact least-squares line from the normal equation and scikit-learn's `LinearRegression`. scikit-learn reports the mean squared error; its cost column is half of it, as $J$ is defined. Predictions are in \\$10,000s for populations in 10,000s.",
            header: ["quantity", "gradient descent (ours)", "normal equation (ours)", "scikit-learn"],
            rows: rows, comparison: .init(ours: 1, reference: 3))
    }

    /// The toy run step by step: parameters and cost as they blow up.
    static func divergenceTable(_ toy: TwoHouseToyExperiment) -> ChapterTable {
        let history = toy.run.history
        let rows = history.path.map { snapshot in
            [TableNumber.count(snapshot.step), TableNumber.significant(snapshot.weights[0], digits: 6),
             TableNumber.significant(snapshot.bias, digits: 6),
             TableNumber.significant(history.costs[snapshot.step], digits: 4)]
        }
        var stop = ""
        if let divergence = history.divergence {
            switch divergence.reason {
            case .costExploded(let factor):
                stop = "Training stopped at step \(divergence.step), when the cost passed \(TableNumber.significant(factor, digits: 4)) times its starting value."
            case .nonFiniteCost, .nonFiniteGradient:
                stop = "Training stopped at step \(divergence.step), when the numbers overflowed."
            }
        }
        return ChapterTable(
            name: "toy-divergence",
            caption: "The two-house toy with $\\alpha = \(TwoHouseToyExperiment.learningRate)$: $w$ and $b$ change sign at every step and grow, and so does the cost. \(stop)",
            header: ["step", "w (k$ per 1000 sqft)", "b (k$)", "J(w, b) ((k$)²)"],
            rows: rows)
    }

    /// The pitfall of not squaring: the mean of the raw errors for a few lines, beside J.
    static func unsquaredErrorTable(_ run: FoodTruckExperiment) -> ChapterTable {
        let meanProfit = run.profit.reduce(0, +) / Double(run.profit.count)
        let lines: [(name: String, w: Double, b: Double)] = [
            ("the learned line", run.w, run.b),
            ("a flat line at the mean profit", 0, meanProfit),
            ("a flat line far below every city", 0, -100),
        ]
        let number = { (value: Double) in TableNumber.significant(value, digits: 4) }
        // Two decimals: gradient descent's last 1e-5 of mean error is not what this table is about.
        let hundredths = { (value: Double) in String(format: "%.2f", abs(value) < 0.005 ? 0 : value) }
        let rows = lines.map { line -> [String] in
            let errors = zip(run.population, run.profit).map { line.w * $0 + line.b - $1 }
            let meanError = errors.reduce(0, +) / Double(errors.count)
            return [line.name, number(line.w), number(line.b), number(run.cost(w: line.w, b: line.b)), hundredths(meanError)]
        }
        return ChapterTable(
            name: "unsquared-error",
            caption: "Three lines scored by the real cost $J$ and by the mean of the unsquared errors. Without the square, the good line and a useless flat line both score zero, and a line far below the data scores lowest of all.",
            header: ["line", "w", "b", "J(w, b), squared", "mean error, not squared"],
            rows: rows)
    }
}
