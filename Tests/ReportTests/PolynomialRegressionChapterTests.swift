import Foundation
import Models
import Testing
@testable import Report

/// Chapter 4's experiments agree with scikit-learn and show the lessons the chapter states.
@Suite struct PolynomialRegressionChapterTests {
    static let reference = Result { try SklearnReference.shared() }
    static let cars: [String] = ["experiments", "cars_polynomial"]

    /// The experiment with a short cosine run (the long one is checked in release by the report).
    static let experiment = Result { () throws -> PolynomialExperiment in
        let reference = try Self.reference.get()
        var settings = PolynomialExperiment.Settings()
        settings.cosineIterations = 2000
        let testRows = try reference.numbers(cars + ["split", "test_indices"]).map { Int($0) }
        return try PolynomialExperiment(settings: settings, validationTestRows: testRows)
    }

    var experiment: PolynomialExperiment { get throws { try Self.experiment.get() } }
    var reference: SklearnReference { get throws { try Self.reference.get() } }

    @Test func carsWithMissingValuesAreDroppedLikeTheReference() throws {
        let experiment = try experiment
        let expected1 = try reference.number(Self.cars + ["n_rows_kept"])
        #expect(experiment.horsepower.count == Int(expected1))
        let expected2 = try reference.numbers(Self.cars + ["dropped_rows"])
        #expect(experiment.droppedRows.map(Double.init) == expected2)
    }

    @Test(arguments: [1, 2, 3])
    func allRowFitsMatchScikitLearn(degree: Int) throws {
        let experiment = try experiment
        let fit = try HorsepowerPolynomialFit(experiment: experiment, degree: degree).fit
        let entry = Self.cars + ["all_rows_raw_powers", String(degree - 1)]
        #expect(try reference.number(entry + ["degree"]) == Double(degree))
        let r2 = try r2Score(experiment.mpg, try fit.predict(experiment.horsepower))
        let expected3 = try reference.number(entry + ["r2"])
        #expect(abs(r2 - expected3) < 1e-9)
        let queries = try reference.numbers(Self.cars + ["query_horsepower"])
        let expected = try reference.numbers(entry + ["query_predictions"])
        for (ours, theirs) in zip(try fit.predict(queries), expected) { #expect(abs(ours - theirs) < 1e-7) }
    }

    @Test func degreeTwoExplainsMoreThanALine() throws {
        let experiment = try experiment
        let r2 = try experiment.carsFits.map { try r2Score(experiment.mpg, try $0.predict(experiment.horsepower)) }
        let expected = try reference.number(Self.cars + ["all_rows_raw_powers", "1", "r2"])
        #expect(abs(r2[1] - expected) < 1e-9)
        #expect(r2[1] > r2[0] + 0.05)
    }

    @Test func trainingAndValidationErrorsMatchScikitLearnOnTheSameSplit() throws {
        let experiment = try experiment
        let entries = Self.cars + ["validation_curve", "powers_of_zscored_hp"]
        for index in 0..<(try reference.arrayLength(entries)) {
            let entry = entries + [String(index)]
            let degree = Int(try reference.number(entry + ["degree"]))
            let ours = try #require(experiment.validationCurve.first { $0.degree == degree })
            // Conditioning worsens with the degree; the low degrees agree to many more digits.
            let tolerance = degree <= 3 ? 1e-10 : 1e-6
            let expected4 = try reference.number(entry + ["train_mse"])
            #expect(abs(ours.trainingMSE - expected4) < tolerance * ours.trainingMSE)
            let expected5 = try reference.number(entry + ["validation_mse"])
            #expect(abs(ours.validationMSE - expected5) < tolerance * ours.validationMSE)
        }
    }

    @Test func highDegreesOverfit() throws {
        let curve = try experiment.validationCurve
        let training = curve.map(\.trainingMSE), validation = curve.map(\.validationMSE)
        // Training error never rises by more than rounding as the degree grows (nested models)...
        #expect(zip(training, training.dropFirst()).allSatisfy { $1 <= $0 * (1 + 1e-6) })
        // ...while validation error ends far above its best.
        #expect(validation.last! > 1.5 * validation.min()!)
    }

    @Test func engineeredFeaturesFollowTheCourse() throws {
        let fits = try experiment.engineered
        // x alone: gradient descent reaches the least-squares line y = 19 x - 56 of the parabola's points.
        #expect(abs(fits[0].model.weights[0] - 18.698) < 1e-3)
        // x^2 alone: close to the exact y = x^2 + 1 after 10 000 small steps.
        #expect(abs(fits[1].model.weights[0] - 1.004175) < 1e-5)
        #expect(abs(fits[1].model.bias - 0.048964) < 1e-5)
        // x, x^2, x^3 raw: most weight on x^2, but far from exact.
        #expect(fits[2].model.weights[1] > 5 * abs(fits[2].model.weights[0]))
        #expect(fits[2].history.finalCost > 10)
        // The same features z-scored: essentially exact.
        #expect(abs(fits[3].model.weights[1] - 1) < 1e-3)
        #expect(fits[3].history.finalCost < 1e-4)
    }

    @Test func theScaledCosineFitMatchesAnIndependentDescent() throws {
        let experiment = try experiment
        let costs = experiment.cosineFit.history.costs
        #expect(!experiment.cosineFit.history.diverged)
        // 2000 steps at alpha = 0.1 on z-scored x .. x^13, computed independently with numpy.
        #expect(abs(costs.last! - 0.04268011598386085) < 1e-10)
        #expect(costs.last! < 0.2 * costs[0])
        let predictions = try experiment.cosinePrediction(experiment.x)
        #expect(predictions.allSatisfy { $0.isFinite })
    }

    @Test func thePageHasEveryFigureAndTable() throws {
        var chapter = PolynomialRegressionChapter()
        chapter.settings.cosineIterations = 500
        let page = try chapter.build(ChapterContext(seed: 1, formats: [.png], scale: 1, excerpts: .packageSources()))
        #expect(page.figures.map(\.stem) == ["engineered-fits", "features-vs-target", "scaled-high-degree-cosine",
                                             "cars-degrees", "error-vs-degree"])
        #expect(page.tables.map(\.name) == ["engineered-weights", "cars-fits", "error-by-degree", "powers-overflow"])
        let powers = try #require(page.tables.last)
        // 19^13 wraps around in 32-bit integers; 19^7 still fits.
        #expect(powers.rows.last == ["19¹³", TableNumber.count(Int(pow(19.0, 13))), "889\u{2009}414\u{2009}051", "no"])
        #expect(powers.rows[1][3] == "yes")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for figure in page.figures {
            let url = folder.url.appendingPathComponent("\(figure.stem).png")
            try figure.render(url, .png, 1)
            let bytes = try Data(contentsOf: url)
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(figure.stem) is not a PNG")
            #expect(bytes.count > 10_000, "\(figure.stem) looks empty")
        }
        let fits = try #require(page.tables.first { $0.name == "cars-fits" })
        // Degree 2: our R^2 and scikit-learn's print the same five digits.
        #expect(fits.rows[1][1] == fits.rows[1][2])
    }
}

/// A degree's all-row fit, for degrees the chapter does not draw.
private struct HorsepowerPolynomialFit {
    let fit: PolynomialExperiment.HorsepowerPolynomial
    init(experiment: PolynomialExperiment, degree: Int) throws {
        fit = try PolynomialExperiment.HorsepowerPolynomial(degree: degree, horsepower: experiment.horsepower,
                                                            mpg: experiment.mpg)
    }
}
