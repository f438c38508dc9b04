import Foundation
import Models

/// Chapter 2: four house features at once, one weight each; gradient descent on the raw features
/// with a learning rate small enough for the largest feature, and how far that gets in 1000 steps.
struct MultipleLinearRegressionChapter: Chapter {
    let id = "multiple-linear-regression"
    let number = 2
    let title = "Multiple linear regression"
    let summary = "One weight per feature: the same cost and gradient as a vector, trained on house prices."

    func build(_ context: ChapterContext) throws -> ChapterPage {
        let run = try RawHousesExperiment()
        let reference = try SklearnReference.shared()
        let history = run.descent.history
        let short = { (value: Double) in TableNumber.significant(value, digits: 3) }
        let rate = MultipleLinearRegressionFigures.powerOfTen(RawHousesExperiment.learningRate, tex: true)
        let figures = [
            ChapterFigure(
                stem: "features-vs-price",
                caption: "Price rises clearly with size; bedrooms, floors and age each tell a weaker, noisier story. Every feature gets its own weight in the model.",
                altText: "Four scatter plots of price in k$ against size in sqft, bedrooms, floors and age in years for 99 houses: a clear rising trend with size, points stacked in columns for bedrooms and floors, and a loose falling trend with age.",
                figure: MultipleLinearRegressionFigures.featuresAgainstPrice(run)),
            ChapterFigure(
                stem: "cost-vs-iteration",
                caption: "With the raw features and $\\alpha = \(rate)$ the cost drops sharply in the first step, then creeps down slowly (right): after \(TableNumber.count(history.stepsRun)) iterations it is still falling and still far above the least-squares minimum.",
                altText: "Two line charts of the cost against the iteration: on the left the cost falls from \(short(history.costs[0])) to about \(short(history.costs[min(1, history.stepsRun)])) at the first step and then looks flat; on the right, iterations 100 to \(history.stepsRun), it declines steadily from \(short(history.costs[min(100, history.stepsRun)])) to \(short(history.finalCost)).",
                figure: MultipleLinearRegressionFigures.costPerIteration(run)),
            ChapterFigure(
                stem: "target-vs-prediction",
                caption: "Against each feature, the exact least-squares predictions (+) sit among the real prices (○), while gradient descent's predictions after \(TableNumber.count(history.stepsRun)) steps (×) lean almost entirely on size: they line up along size but scatter away from the prices against age.",
                altText: "Four scatter plots, one per feature, each showing the real prices as hollow circles, the exact least-squares predictions as plus signs and the gradient-descent predictions as crosses; in the age panel the crosses spread more than the plus signs.",
                figure: try MultipleLinearRegressionFigures.targetAgainstPrediction(run)),
        ]
        let code = try ["linear-scores", "linear-gradient"].map(context.excerpt)
        return ChapterPage(figures: figures, tables: [try Self.parameterTable(run, reference: reference, rate: rate)],
                           code: code, thumbnail: "cost-vs-iteration")
    }

    /// Weights, intercept and fit: gradient descent and the normal equation beside scikit-learn.
    static func parameterTable(_ run: RawHousesExperiment, reference: SklearnReference, rate: String) throws -> ChapterTable {
        let experiment = ["experiments", "houses", "linear_raw"]
        let coef = try reference.numbers(experiment + ["coef"])
        let intercept = try reference.number(experiment + ["intercept"])
        let r2 = try reference.number(experiment + ["r2"])
        let mse = try reference.number(experiment + ["mse"])
        let exampleHouse = try reference.numbers(["experiments", "houses", "example_house", "values"])
        let examplePrediction = try reference.number(experiment + ["example_prediction"])
        guard coef.count == RawHousesExperiment.featureColumns.count,
              exampleHouse.count == RawHousesExperiment.featureColumns.count else {
            throw SklearnReferenceError.wrongKind(keyPath: "experiments.houses.linear_raw.coef",
                                                  expected: "one weight per house feature")
        }
        let number = { (value: Double) in TableNumber.significant(value, digits: 6) }
        func summary(_ weights: [Double], _ bias: Double) throws -> [Double] {
            let predictions = try LinearModel(weights: weights, bias: bias).predict(run.features)
            let cost = try LinearRegression.cost(run.features, run.price, weights: weights, bias: bias)
            let example = zip(weights, exampleHouse).reduce(bias) { $0 + $1.0 * $1.1 }
            return [cost, try r2Score(run.price, predictions), example]
        }
        let ours = try summary(run.descent.weights, run.descent.bias)
        let exact = try summary(run.exact.weights, run.exact.bias)
        var rows = RawHousesExperiment.weightNames.indices.map { j in
            [RawHousesExperiment.weightNames[j], number(run.descent.weights[j]), number(run.exact.weights[j]),
             number(coef[j])]
        }
        rows.append(["intercept b", number(run.descent.bias), number(run.exact.bias), number(intercept)])
        let referenceSummary = [mse / 2, r2, examplePrediction]
        let labels = ["final cost J(w, b)", "R²",
                      "price of a 1200 sqft, 3-bedroom, 1-floor, 40-year-old house (k$)"]
        for k in labels.indices {
            rows.append([labels[k], number(ours[k]), number(exact[k]), number(referenceSummary[k])])
        }
        return ChapterTable(
            name: "parameters",
            caption: "Gradient descent on the raw features ($\\alpha = \(rate)$, \(TableNumber.count(run.descent.history.stepsRun)) iterations from zero) has moved the size weight close to its final value but has barely begun on the others, so its $R^2$ lags. The normal equation reaches the exact minimum and matches scikit-learn's `LinearRegression` (whose cost column is half its mean squared error).",
            header: ["parameter", "gradient descent (ours)", "normal equation (ours)", "scikit-learn"],
            rows: rows, comparison: .init(ours: 2, reference: 3))
    }
}
