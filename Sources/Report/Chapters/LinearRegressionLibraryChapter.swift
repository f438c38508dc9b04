import Foundation
import Models
import Plot

/// Chapter 5: the same least-squares problem solved three ways (normal equation, batch gradient
/// descent on z-scores, SGD regressor) on houses and diabetes, checked against scikit-learn.
struct LinearRegressionLibraryChapter: Chapter {
    let id = "linear-regression-library"
    let number = 5
    let title = "Linear regression, library style"
    let summary = "One problem, three solvers behind fit and predict: the normal equation, gradient descent and SGD agree with scikit-learn."

    func build(_ context: ChapterContext) throws -> ChapterPage {
        try Self.page(houses: ThreeSolverComparison(.houses, seed: context.seed),
                      diabetes: ThreeSolverComparison(.diabetes, seed: context.seed), context: context)
    }

    /// The page for two fitted comparisons (separate from ``build(_:)`` so tests can reuse fits).
    static func page(houses: ThreeSolverComparison, diabetes: ThreeSolverComparison,
                     context: ChapterContext) throws -> ChapterPage {
        let reference = try SklearnReference.shared()
        let housesReference = try Self.referenceModels(reference, experiment: "houses")
        let diabetesReference = try Self.referenceModels(reference, experiment: "diabetes")

        let houseCoefficients = SolverComparisonFigures.coefficients(
            houses, reference: housesReference.map { ($0.shortName, $0.model.weights, $0.model.bias) },
            rows: 2, width: 1000, height: 640)
        let diabetesCoefficients = SolverComparisonFigures.coefficients(
            diabetes, reference: diabetesReference.map { ($0.shortName, $0.model.weights, $0.model.bias) },
            rows: 3, width: 1000, height: 820)
        let figures = [
            ChapterFigure(
                stem: "house-coefficients",
                caption: "All three solvers land on the same weights once the descents' z-score weights are converted back to original units; scikit-learn's bar matches the normal equation's.",
                altText: "Five small bar charts, one each for the size, bedrooms, floors and age weights and the intercept; in every panel the bars of the normal equation, batch gradient descent, the SGD regressor and scikit-learn have nearly the same height.",
                figure: houseCoefficients),
            ChapterFigure(
                stem: "house-predictions",
                caption: "Predicted against actual price: the three solvers' points lie along the same diagonal, with the same scatter.",
                altText: "Three scatter plots of predicted against actual house price, one per solver, each with a dashed identity line; the point clouds look the same.",
                figure: try SolverComparisonFigures.predictions(houses, width: 1000, height: 390)),
            ChapterFigure(
                stem: "sgd-cost-per-epoch",
                caption: "The SGD regressor's cost on all the data after each epoch falls quickly to the normal equation's minimum and then stays just above it.",
                altText: "Two line charts with a log-scaled cost axis: for houses and for diabetes the SGD cost per epoch drops steeply in the first epochs and levels off at a dashed line marking the minimum.",
                figure: try SolverComparisonFigures.sgdCostPerEpoch([houses, diabetes])),
            ChapterFigure(
                stem: "diabetes-coefficients",
                caption: "On diabetes the exact solvers agree, and the descents agree with them on sex, bmi, bp and s6, but not on the serum columns s1 to s5 (nor quite on age): those are strongly correlated, so very different weight combinations fit almost equally well, and a descent stops somewhere along that flat valley.",
                altText: "Eleven small bar charts, one per diabetes weight plus the intercept; the normal equation and scikit-learn's LinearRegression always match; the two SGD regressors differ from them on the serum columns s1 to s5 and on the intercept.",
                figure: diabetesCoefficients),
            ChapterFigure(
                stem: "diabetes-predictions",
                caption: "Even the exact least-squares fit leaves a wide scatter on diabetes: R² is a property of the data and the model family, not of the solver.",
                altText: "Three scatter plots of predicted against actual diabetes progression, one per solver, with a dashed identity line; the points spread widely around the line in all three.",
                figure: try SolverComparisonFigures.predictions(diabetes, width: 1000, height: 390)),
            ChapterFigure(
                stem: "unconverted-coefficients",
                caption: "The pitfall: read side by side without conversion, the raw weights say size hardly matters and the z-score weights say it matters most. They describe the same predictions in different units.",
                altText: "Grouped bar chart of the four house features: the normal equation's raw weights (size near zero, floors about minus 67) next to gradient descent's unconverted z-score weights (size about 110).",
                figure: SolverComparisonFigures.unconvertedCoefficients(houses)),
        ]
        let tables = [
            try Self.comparisonTable(name: "house-comparison", run: houses, reference: housesReference,
                                     caption: "House prices: learned parameters in original units and the fit on all 99 houses, ours beside scikit-learn's `LinearRegression`."),
            try Self.comparisonTable(name: "diabetes-comparison", run: diabetes, reference: diabetesReference,
                                     caption: "Diabetes: learned parameters in original units and the fit on all 442 patients, ours beside scikit-learn's `LinearRegression` and `SGDRegressor` (its z-score weights converted with the same formula)."),
        ]
        let code = try ["normal-equation-solve", "sgd-update", "unscale-coefficients"].map(context.excerpt)
        return ChapterPage(figures: figures, tables: tables, code: code, thumbnail: "house-coefficients")
    }

    /// A scikit-learn model from the fixture, with what it reported about its own fit.
    struct ReferenceModel {
        let name: String
        /// The name in chart legends.
        let shortName: String
        let model: LinearModel
        let r2: Double
        let mse: Double
        /// What the steps column says for it.
        let steps: String
    }

    /// scikit-learn's `LinearRegression` on raw features and, where the fixture has one, its
    /// `SGDRegressor` on z-scores converted to original units with the fixture's own scaler.
    static func referenceModels(_ reference: SklearnReference, experiment: String) throws -> [ReferenceModel] {
        let linear = ["experiments", experiment, "linear_raw"]
        var models = [ReferenceModel(
            name: "scikit-learn LinearRegression", shortName: "scikit-learn, exact",
            model: LinearModel(weights: try reference.numbers(linear + ["coef"]), bias: try reference.number(linear + ["intercept"])),
            r2: try reference.number(linear + ["r2"]), mse: try reference.number(linear + ["mse"]),
            steps: "1 least-squares solve")]
        guard case .object(let members) = try reference.value(["experiments", experiment]), members["sgd_zscored"] != nil else {
            return models
        }
        let sgd = ["experiments", experiment, "sgd_zscored"]
        let scaler = ["experiments", experiment, "linear_zscored", "scaler"]
        let means = try reference.numbers(scaler + ["mean"]), scales = try reference.numbers(scaler + ["scale"])
        let scaled = try reference.numbers(sgd + ["coef"])
        guard scaled.count == means.count, scaled.count == scales.count else {
            throw SklearnReferenceError.wrongKind(keyPath: sgd.joined(separator: ".") + ".coef",
                                                  expected: "one weight per scaled feature")
        }
        var bias = try reference.number(sgd + ["intercept"])
        let weights = scaled.indices.map { scaled[$0] / scales[$0] }
        for j in weights.indices { bias -= weights[j] * means[j] }
        let epochs = Int(try reference.number(sgd + ["n_iter"]))
        let updates = Int(try reference.number(sgd + ["t"])) - 1
        models.append(ReferenceModel(
            name: "scikit-learn SGDRegressor", shortName: "scikit-learn, SGD", model: LinearModel(weights: weights, bias: bias),
            r2: try reference.number(sgd + ["r2"]), mse: try reference.number(sgd + ["mse"]),
            steps: "\(TableNumber.count(updates)) updates (\(epochs) epochs)"))
        return models
    }

    /// Parameters and fit of every solver, ours first, then scikit-learn's.
    static func comparisonTable(name: String, run: ThreeSolverComparison, reference: [ReferenceModel],
                                caption: String) throws -> ChapterTable {
        let setup = run.setup
        let ours = run.modelsInOriginalUnits
        let header = ["quantity"] + ours.map(\.name) + reference.map(\.name)
        var rows: [[String]] = []
        func number(_ value: Double) -> String { TableNumber.significant(value, digits: 6) }
        for j in setup.features.indices {
            rows.append(["\(setup.featureLabels[j]) (\(setup.weightUnits[j]))"]
                        + ours.map { number($0.model.weights[j]) } + reference.map { number($0.model.weights[j]) })
        }
        rows.append(["intercept (\(setup.targetUnit))"] + ours.map { number($0.model.bias) } + reference.map { number($0.model.bias) })
        let predictions = try ours.map { try $0.model.predict(run.x) }
        rows.append(["R²"] + (try predictions.map { number(try r2Score(run.y, $0)) }) + reference.map { number($0.r2) })
        rows.append(["MSE"] + (try predictions.map { number(try meanSquaredError(run.y, $0)) }) + reference.map { number($0.mse) })
        let history = run.sgd.history
        rows.append(["steps",
                     "1 linear solve",
                     "\(TableNumber.count(run.gradientDescent.history.stepsRun)) (α = \(number(setup.gradientDescent.learningRate)))",
                     "\(TableNumber.count(history.updatesRun)) updates (\(history.epochsRun) epochs)"]
                    + reference.map(\.steps))
        return ChapterTable(name: name, caption: caption, header: header, rows: rows,
                            comparison: .init(ours: 1, reference: ours.count + 1))
    }
}
