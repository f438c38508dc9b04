import Foundation
import Models
import Plot

/// Chapter 4: new features made from old ones let a linear model draw curves; too many of them
/// overfit (synthetic curves, then fuel economy against horsepower).
struct PolynomialRegressionChapter: Chapter {
    let id = "polynomial-regression"
    let number = 4
    let title = "Feature engineering and polynomial regression"
    let summary = "Give a linear model powers of x and it fits curves; give it too many and it fits the noise."

    var settings = PolynomialExperiment.Settings()

    private static let cars: [String] = ["experiments", "cars_polynomial"]

    func build(_ context: ChapterContext) throws -> ChapterPage {
        let reference = try SklearnReference.shared()
        // The validation split scikit-learn used, so both error curves come from the same rows.
        let testRows = try reference.numbers("experiments", "cars_polynomial", "split", "test_indices").map { Int($0) }
        let experiment = try PolynomialExperiment(settings: settings, validationTestRows: testRows)
        let figures = PolynomialFigures(experiment: experiment)
        let sklearnCurve = try sklearnValidationCurve(reference)
        let cosineCost = experiment.cosineFit.history.finalCost
        return ChapterPage(
            figures: [
                ChapterFigure(
                    stem: "engineered-fits",
                    caption: "A line in $x$ cannot follow the parabola; with the feature $x^2$ the fit is exact; given "
                        + "$x$, $x^2$ and $x^3$, gradient descent leans on $x^2$, and on z-scored features it gets there far sooner.",
                    altText: "Three panels of the points y = 1 + x squared for x from 0 to 19. Left: a straight line "
                        + "crossing the curve. Middle: a curve through every point. Right: a raw-feature curve close to the "
                        + "points and a dashed z-scored curve through them.",
                    figure: try figures.engineeredFits()),
                ChapterFigure(
                    stem: "features-vs-target",
                    caption: "Only against $x^2$ does the target lie on a straight line, so a linear model of that feature fits it exactly.",
                    altText: "Three line plots of y = 1 + x squared against x (a parabola), against x squared (a straight "
                        + "line) and against x cubed (a curve bending the other way).",
                    figure: figures.featuresVsTarget()),
                ChapterFigure(
                    stem: "scaled-high-degree-cosine",
                    caption: "Thirteen z-scored powers of $x$ let a linear model follow a cosine "
                        + "(final cost \(TableNumber.significant(cosineCost, digits: 3))).",
                    altText: "Twenty points of cos(x/2) for x from 0 to 19 and a smooth curve passing close to all of them.",
                    figure: try figures.scaledHighDegreeCosine()),
                ChapterFigure(
                    stem: "cars-degrees",
                    caption: "Degree 1 misses the bend of the data; degrees 2 and 3 follow it; a high degree lowers the "
                        + "error on these same cars a little further, but bends where data are sparse.",
                    altText: "Four scatter plots of fuel economy against horsepower for 392 cars, falling steeply then "
                        + "flattening, each with a fitted curve: a straight line, two smooth curves, and a wavy high-degree curve.",
                    figure: try figures.carsDegrees()),
                ChapterFigure(
                    stem: "error-vs-degree",
                    caption: "Training error keeps falling as the degree grows; validation error drops at degree 2, "
                        + "stays nearly flat, then climbs once the curve starts to fit the noise of the training cars.",
                    altText: "Two lines against the degree: training error decreasing, validation error dropping from "
                        + "degree 1 to 2, nearly flat to about degree 13, then rising steeply; plus signs for scikit-learn's "
                        + "validation errors (degrees 1 to 10) on top of ours.",
                    figure: figures.errorVsDegree(sklearnValidation: sklearnCurve.map { ($0.degree, $0.validation) })),
            ],
            tables: [
                engineeredTable(experiment),
                try carsFitsTable(experiment, reference),
                errorTable(experiment, sklearnCurve),
                powersTable(),
            ],
            code: [try context.excerpt("polynomial-features")],
            thumbnail: "cars-degrees")
    }

    /// scikit-learn's training and validation MSE per degree (powers of z-scored horsepower).
    func sklearnValidationCurve(_ reference: SklearnReference) throws -> [(degree: Int, training: Double, validation: Double)] {
        let keys: [String] = Self.cars + ["validation_curve", "powers_of_zscored_hp"]
        return try (0..<reference.count(keys)).map { index in
            let entry = keys + [String(index)]
            return (Int(try reference.number(entry + ["degree"])),
                    try reference.number(entry + ["train_mse"]),
                    try reference.number(entry + ["validation_mse"]))
        }
    }

    func engineeredTable(_ experiment: PolynomialExperiment) -> ChapterTable {
        let rows = experiment.engineered.map { fit -> [String] in
            var weights = ["—", "—", "—"]
            for (position, power) in fit.run.powers.enumerated() where (1...3).contains(power) {
                weights[power - 1] = TableNumber.significant(fit.model.weights[position], digits: 4)
            }
            return [fit.run.name, FeatureScalingFigures.scientific(fit.run.rate), TableNumber.count(fit.run.iterations)]
                + weights + [TableNumber.significant(fit.model.bias, digits: 4), TableNumber.significant(fit.history.finalCost, digits: 3)]
        }
        return ChapterTable(
            name: "engineered-weights",
            caption: "Gradient descent from zero on $y = 1 + x^2$, weights in terms of the raw powers of $x$ "
                + "(the exact answer is $w_2 = 1$, $b = 1$, every other weight 0).",
            header: ["features", "α", "iterations", "w₁ (x)", "w₂ (x²)", "w₃ (x³)", "b", "final cost J"],
            rows: rows)
    }

    func carsFitsTable(_ experiment: PolynomialExperiment, _ reference: SklearnReference) throws -> ChapterTable {
        let fits = Self.cars + ["all_rows_raw_powers"]
        let referenceCount = try reference.count(fits)
        let queries = try reference.numbers("experiments", "cars_polynomial", "query_horsepower")
        let query = queries.count > 2 ? queries[2] : 150
        var rows: [[String]] = []
        for fit in experiment.carsFits {
            let predictions = try fit.predict(experiment.horsepower)
            var sklearn = ["—", "—", "—"]
            for index in 0..<referenceCount {
                let entry = fits + [String(index)]
                guard try reference.number(entry + ["degree"]) == Double(fit.degree) else { continue }
                let r2 = try reference.number(entry + ["r2"])
                let mse = try reference.number(entry + ["mse"])
                let answers = try reference.numbers(entry + ["query_predictions"])
                sklearn = [TableNumber.significant(r2, digits: 5), TableNumber.significant(mse, digits: 5),
                           answers.count > 2 ? TableNumber.significant(answers[2], digits: 4) : "—"]
            }
            rows.append([String(fit.degree),
                         TableNumber.significant(try r2Score(experiment.mpg, predictions), digits: 5), sklearn[0],
                         TableNumber.significant(try meanSquaredError(experiment.mpg, predictions), digits: 5), sklearn[1],
                         TableNumber.significant(try fit.predict([query])[0], digits: 4), sklearn[2]])
        }
        return ChapterTable(
            name: "cars-fits",
            caption: "Least-squares polynomials of horsepower on all \(experiment.horsepower.count) cars (ours on powers "
                + "of z-scored horsepower, scikit-learn's on raw powers: the same curves). scikit-learn was asked for degrees 1 to 3.",
            header: ["degree", "R²", "scikit-learn R²", "MSE (mpg²)", "scikit-learn MSE",
                     "mpg at \(TableNumber.significant(query, digits: 6)) hp", "scikit-learn"],
            rows: rows, comparison: .init(ours: 1, reference: 2))
    }

    func errorTable(_ experiment: PolynomialExperiment,
                    _ sklearn: [(degree: Int, training: Double, validation: Double)]) -> ChapterTable {
        let rows = experiment.validationCurve.map { errors -> [String] in
            let match = sklearn.first { $0.degree == errors.degree }
            return [String(errors.degree),
                    TableNumber.significant(errors.trainingMSE, digits: 5), match.map { TableNumber.significant($0.training, digits: 5) } ?? "—",
                    TableNumber.significant(errors.validationMSE, digits: 5), match.map { TableNumber.significant($0.validation, digits: 5) } ?? "—"]
        }
        let held = experiment.validationTestRows.count
        return ChapterTable(
            name: "error-by-degree",
            caption: "Mean squared error (mpg²) on the \(experiment.horsepower.count - held) training cars and the "
                + "\(held) validation cars, with scikit-learn's on the same split (it was asked for degrees 1 to 10).",
            header: ["degree", "training", "scikit-learn training", "validation", "scikit-learn validation"],
            rows: rows, comparison: .init(ours: 3, reference: 4))
    }

    /// 19^k in Double beside the same product in 32-bit integers, which wraps around silently.
    func powersTable() -> ChapterTable {
        let base = 19
        let rows = [3, 7, 8, 10, 13].map { power -> [String] in
            var wrapped: Int32 = 1
            for _ in 0..<power { wrapped = wrapped &* Int32(base) }
            let exact = pow(Double(base), Double(power))
            return ["\(base)" + PolynomialFigures.superscript(power), TableNumber.count(Int(exact)),
                    TableNumber.count(Int(wrapped)), exact == Double(wrapped) ? "yes" : "no"]
        }
        return ChapterTable(
            name: "powers-overflow",
            caption: "Powers of $x = 19$ computed in `Double` and in 32-bit integers (`Int32` with wrapping "
                + "multiplication, as C or a GPU kernel would do without complaint).",
            header: ["power", "Double", "Int32, wrapped", "the same?"],
            rows: rows)
    }
}
