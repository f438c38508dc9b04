import Foundation
import Models
import Plot

/// Chapter 3: why features on very different scales make gradient descent slow or unstable, and
/// how z-scoring fixes it (house data).
struct FeatureScalingChapter: Chapter {
    let id = "feature-scaling"
    let number = 3
    let title = "Feature scaling and learning rate"
    let summary = "Put every feature on the same scale and gradient descent takes a larger step and fewer of them."

    var settings = HouseScalingExperiment.Settings()

    func build(_ context: ChapterContext) throws -> ChapterPage {
        let experiment = try HouseScalingExperiment(settings: settings)
        let reference = try SklearnReference.shared()
        let figures = FeatureScalingFigures(experiment: experiment)
        let targetCost = try leastSquaresCost(experiment) * 1.01
        let rates = (settings.rawRates + [.nan, .nan, .nan]).prefix(3).map { "$\\alpha = " + Self.texScientific($0) + "$" }
        return ChapterPage(
            figures: [
                ChapterFigure(
                    stem: "learning-rates",
                    caption: "\(settings.rawIterations) steps from zero on the raw features. With \(rates[0]) the cost grows; with \(rates[1]) "
                        + "it shrinks while $w_1$ jumps from side to side of the minimum; with \(rates[2]) it shrinks "
                        + "slowly, every step on the same side.",
                    altText: "Three rows, one per learning rate. Left: cost against iteration, rising for the largest rate and "
                        + "falling for the other two. Right: the parabola of cost against w1 (the size weight) with the ten values of w1 joined "
                        + "by arrows, alternating sides of the minimum for the two larger rates.",
                    figure: try figures.learningRates()),
                ChapterFigure(
                    stem: "scaling-steps",
                    caption: "Subtracting the mean moves the cloud to the origin; dividing by the standard deviation "
                        + "gives both features the same spread.",
                    altText: "Three scatter plots of house age against size on equal axes: raw, a thin horizontal strip; "
                        + "mean-centred, the same strip around zero; z-scored, a round cloud around zero.",
                    figure: try figures.scalingSteps()),
                ChapterFigure(
                    stem: "feature-histograms",
                    caption: "z-scoring keeps each feature's shape and puts all four on one scale: mean 0, standard deviation 1.",
                    altText: "Eight histograms with a normal density curve: size, bedrooms, floors and age in their own units "
                        + "on top, and the same features z-scored below, all spanning about minus 2 to plus 3.",
                    figure: try figures.featureHistograms()),
                ChapterFigure(
                    stem: "contours-unscaled-vs-scaled",
                    caption: "On raw features the bowl is a narrow valley and the steps creep along its floor; "
                        + "z-scored, the contours are nearly round and the steps head for the minimum.",
                    altText: "Two contour plots of the cost over w1 and w2 (size and bedroom weights) on equal axes with a descent path. Left, raw "
                        + "features: contour lines squeezed into a thin vertical valley, the path reaching the valley at once "
                        + "and then inching down it. Right, z-scored: near-circular ellipses, the path curving into the minimum.",
                    figure: figures.contours()),
                ChapterFigure(
                    stem: "iterations-to-converge",
                    caption: "With the largest learning rate that converges on raw features, the cost stalls far above "
                        + "the minimum; z-scored features come within 1% of it after "
                        + (experiment.scaledFit.history.firstStep(reachingCost: targetCost).map { "\($0) iterations." }
                            ?? "more iterations than were run."),
                    altText: "Cost against iteration on log-log axes: the raw-feature curve falls, then flattens well above "
                        + "a dashed target line; the z-scored curve drops below the line within about one hundred iterations.",
                    figure: figures.iterationsToConverge(targetCost: targetCost)),
                ChapterFigure(
                    stem: "scaled-target-vs-prediction",
                    caption: "Trained on z-scored features for \(settings.scaledIterations) iterations at "
                        + "$\\alpha = \(TableNumber.significant(settings.scaledRate, digits: 6))$, the predictions follow the prices.",
                    altText: "Four scatter plots of price against size, bedrooms, floors and age, with the targets as circles "
                        + "and the model's predictions as crosses lying on or near them.",
                    figure: try figures.scaledTargetVsPrediction()),
            ],
            tables: [
                try parametersTable(experiment, reference),
                try iterationsTable(experiment, targetCost: targetCost),
                try newHouseTable(experiment, reference),
            ],
            code: [try context.excerpt("standard-scaler"), try context.excerpt("scaler-transform")],
            thumbnail: "contours-unscaled-vs-scaled")
    }

    /// `9.9 \times 10^{-7}` for 9.9e-7, in TeX for captions.
    static func texScientific(_ value: Double) -> String {
        guard value != 0, value.isFinite, abs(value) < 1e-3 else { return TableNumber.significant(value, digits: 6) }
        let exponent = Int(floor(log10(abs(value))))
        let mantissa = TableNumber.significant(value / pow(10, Double(exponent)), digits: 3)
        return (mantissa == "1" ? "" : mantissa + " \\times ") + "10^{\(exponent)}"
    }

    /// The smallest cost any linear model reaches on the raw houses (the normal equation's).
    func leastSquaresCost(_ experiment: HouseScalingExperiment) throws -> Double {
        try LinearRegression.cost(experiment.x, experiment.y, weights: experiment.rawOptimum.weights,
                            bias: experiment.rawOptimum.bias)
    }

    func parametersTable(_ experiment: HouseScalingExperiment, _ reference: SklearnReference) throws -> ChapterTable {
        let fit = experiment.scaledFit, exact = experiment.scaledOptimum
        let sklearnCoef = try reference.numbers("experiments", "houses", "linear_zscored", "coef")
        let names = ["w₁ (size)", "w₂ (bedrooms)", "w₃ (floors)", "w₄ (age)"]
        var rows: [[String]] = []
        for j in names.indices {
            rows.append([names[j], TableNumber.significant(fit.weights[j], digits: 6), TableNumber.significant(exact.weights[j], digits: 6),
                         TableNumber.significant(sklearnCoef[j], digits: 6)])
        }
        rows.append(["b", TableNumber.significant(fit.bias, digits: 6), TableNumber.significant(exact.bias, digits: 6),
                     TableNumber.significant(try reference.number("experiments", "houses", "linear_zscored", "intercept"), digits: 6)])
        let fitPredictions = try fit.predict(experiment.z), exactPredictions = try exact.predict(experiment.z)
        rows.append(["R²", TableNumber.significant(try r2Score(experiment.y, fitPredictions), digits: 6),
                     TableNumber.significant(try r2Score(experiment.y, exactPredictions), digits: 6),
                     TableNumber.significant(try reference.number("experiments", "houses", "linear_zscored", "r2"), digits: 6)])
        rows.append(["MSE (k$²)", TableNumber.significant(try meanSquaredError(experiment.y, fitPredictions), digits: 6),
                     TableNumber.significant(try meanSquaredError(experiment.y, exactPredictions), digits: 6),
                     TableNumber.significant(try reference.number("experiments", "houses", "linear_zscored", "mse"), digits: 6)])
        return ChapterTable(
            name: "parameters",
            caption: "Weights on z-scored features (k\\$ per standard deviation): gradient descent beside the exact "
                + "least-squares answer and scikit-learn's `LinearRegression` on the same z-scored features.",
            header: ["parameter", "gradient descent", "normal equation", "scikit-learn"],
            rows: rows, comparison: .init(ours: 1, reference: 3))
    }

    func iterationsTable(_ experiment: HouseScalingExperiment, targetCost: Double) throws -> ChapterTable {
        let minimum = try leastSquaresCost(experiment)
        let raw = experiment.rawComparison.history, scaled = experiment.scaledFit.history
        func reached(_ history: TrainingHistory, _ target: Double) -> String {
            history.firstStep(reachingCost: target).map(TableNumber.count) ?? "not within \(TableNumber.count(history.stepsRun))"
        }
        let multiples = [10.0, 2, 1.1, 1.01]
        let rows = multiples.map { multiple -> [String] in
            let target = multiple * minimum
            return ["\(TableNumber.significant(multiple, digits: 6)) × minimum = \(TableNumber.significant(target, digits: 4))",
                    reached(raw, target), reached(scaled, target)]
        }
        return ChapterTable(
            name: "iterations-to-cost",
            caption: "Iterations until the cost first falls to a target, from $\\mathbf{w} = 0$, $b = 0$. The minimum "
                + "(the normal equation's cost) is \(TableNumber.significant(minimum, digits: 5)) k\\$².",
            header: ["target cost J (k$²)",
                     "raw, α = \(FeatureScalingFigures.scientific(experiment.settings.comparisonRawRate))",
                     "z-scored, α = \(TableNumber.significant(experiment.settings.scaledRate, digits: 6))"],
            rows: rows)
    }

    func newHouseTable(_ experiment: HouseScalingExperiment, _ reference: SklearnReference) throws -> ChapterTable {
        let predictions = try experiment.examplePredictions(model: experiment.scaledFit)
        let sklearn = try reference.number("experiments", "houses", "linear_zscored", "example_prediction")
        func features(_ z: [Double]) -> String { z.map { TableNumber.significant($0, digits: 3) }.joined(separator: ", ") }
        return ChapterTable(
            name: "new-house",
            caption: "The 1200 sqft, 3-bedroom, 1-floor, 40-year-old house, z-scored two ways, priced by the "
                + "gradient-descent model. scikit-learn's price uses the training statistics.",
            header: ["scaled with", "z-scored features", "predicted price (k$)", "scikit-learn (k$)"],
            rows: [
                ["the training mean and standard deviation", features(predictions.training.z),
                 TableNumber.significant(predictions.training.price, digits: 6), TableNumber.significant(sklearn, digits: 6)],
                ["its own mean and standard deviation", features(predictions.own.z),
                 TableNumber.significant(predictions.own.price, digits: 6), "—"],
            ],
            comparison: .init(ours: 2, reference: 3))
    }
}
