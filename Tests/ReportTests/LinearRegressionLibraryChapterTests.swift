import Foundation
import Models
import Testing
@testable import Report

/// Chapter 5: the three solvers against each other and against scikit-learn's fixture, and the page.
@Suite struct LinearRegressionLibraryChapterTests {
    static let houses = Result { try ThreeSolverComparison(.houses, seed: 0) }
    static let diabetes = Result { try ThreeSolverComparison(.diabetes, seed: 0) }

    static func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
    }

    @Test(arguments: [ThreeSolverComparison.Setup.houses, .diabetes])
    func normalEquationMatchesScikitLearn(setup: ThreeSolverComparison.Setup) throws {
        // The chapter's normal-equation fit, on the chapter's columns, without the slower descents.
        let table = try setup.dataset.load()
        let x = try table.matrix(columns: setup.features), y = try table.numeric(setup.dataset.targetColumn)
        let model = try NormalEquationRegression().fit(x, y)
        let experiment = setup.dataset.rawValue
        let reference = try SklearnReference.shared()
        #expect(try reference.value("experiments", experiment, "features") == .array(setup.features.map { .string($0) }))
        let coef = try reference.numbers("experiments", experiment, "linear_raw", "coef")
        let intercept = try reference.number("experiments", experiment, "linear_raw", "intercept")
        #expect(coef.count == model.weights.count)
        for (ours, theirs) in zip(model.weights, coef) {
            #expect(abs(ours - theirs) <= 1e-8 * max(1, abs(theirs)))
        }
        #expect(abs(model.bias - intercept) <= 1e-8 * max(1, abs(intercept)))
        let r2 = try r2Score(y, model.predict(x))
        #expect(abs(r2 - (try reference.number("experiments", experiment, "linear_raw", "r2"))) < 1e-10)
    }

    @Test func housesDescentsPredictLikeTheNormalEquation() throws {
        let run = try Self.houses.get()
        let exact = try run.normalEquation.predict(run.x)
        // Batch gradient descent on z-scores has converged: predictions agree to far below a dollar.
        #expect(Self.maxDifference(try run.gradientDescentInOriginalUnits.predict(run.x), exact) < 1e-6)
        // SGD ends with small random steps: within 1 k$ on every house.
        #expect(Self.maxDifference(try run.sgdInOriginalUnits.predict(run.x), exact) < 1)
        // Converted weights agree with the normal equation's (size within 0.5%).
        #expect(abs(run.sgdInOriginalUnits.weights[0] / run.normalEquation.weights[0] - 1) < 0.005)
    }

    @Test func diabetesDescentsFitAsWellAsTheNormalEquation() throws {
        let run = try Self.diabetes.get()
        let exact = try run.normalEquation.predict(run.x)
        let best = try r2Score(run.y, exact)
        let gradientDescent = try run.gradientDescentInOriginalUnits.predict(run.x)
        let sgd = try run.sgdInOriginalUnits.predict(run.x)
        #expect(Self.maxDifference(gradientDescent, exact) < 3)
        #expect(try r2Score(run.y, gradientDescent) > best - 1e-4)
        #expect(try r2Score(run.y, sgd) > best - 0.005)
        // Like scikit-learn's SGDRegressor (same fixture), ours stops short of the exact R^2.
        let sklearnSGD = try SklearnReference.shared().number("experiments", "diabetes", "sgd_zscored", "r2")
        #expect(abs(try r2Score(run.y, sgd) - sklearnSGD) < 0.005)
        // The serum columns lie in a flat valley: SGD's s1 weight is far from the exact one.
        #expect(abs(run.sgdInOriginalUnits.weights[4] - run.normalEquation.weights[4]) > 0.3)
    }

    @Test func sameSeedGivesTheSameSGDHistory() throws {
        let first = try ThreeSolverComparison(.houses, seed: 3)
        let again = try ThreeSolverComparison(.houses, seed: 3)
        let other = try ThreeSolverComparison(.houses, seed: 4)
        #expect(first.sgd.history == again.sgd.history)
        #expect(first.sgd.weights == again.sgd.weights)
        #expect(first.sgd.history.epochCosts != other.sgd.history.epochCosts)
        #expect(first.sgd.history.epochsRun == 100 && first.sgd.history.updatesRun == 9_900)
    }

    @Test func scikitLearnSGDIsConvertedToOriginalUnits() throws {
        let models = try LinearRegressionLibraryChapter.referenceModels(SklearnReference.shared(), experiment: "diabetes")
        #expect(models.map(\.name) == ["scikit-learn LinearRegression", "scikit-learn SGDRegressor"])
        // Its converted model reproduces the R^2 scikit-learn reported for its z-scored one.
        let run = try Self.diabetes.get()
        let r2 = try r2Score(run.y, models[1].model.predict(run.x))
        #expect(abs(r2 - models[1].r2) < 1e-9)
        #expect(try LinearRegressionLibraryChapter.referenceModels(SklearnReference.shared(), experiment: "houses").count == 1)
    }

    @Test func missingReferenceValueIsATypedError() throws {
        let reference = try SklearnReference.shared()
        #expect(throws: SklearnReferenceError.self) { try reference.number("experiments", "houses", "no_such_key") }
        #expect(throws: SklearnReferenceError.self) { try reference.number("experiments", "houses", "linear_raw", "coef") }
        #expect(throws: SklearnReferenceError.self) {
            try SklearnReference(contentsOf: URL(fileURLWithPath: "/nonexistent/reference.json"))
        }
    }

    @Test func pageHasEveryFigureAndTableAndRendersAPNG() throws {
        let context = ChapterContext(seed: 0, formats: [.png], scale: 1, excerpts: .packageSources())
        let page = try LinearRegressionLibraryChapter.page(houses: Self.houses.get(), diabetes: Self.diabetes.get(),
                                                           context: context)
        #expect(page.figures.map(\.stem) == ["house-coefficients", "house-predictions", "sgd-cost-per-epoch",
                                             "diabetes-coefficients", "diabetes-predictions", "unconverted-coefficients"])
        #expect(page.tables.map(\.name) == ["house-comparison", "diabetes-comparison"])
        let houseTable = page.tables[0]
        #expect(houseTable.header.last == "scikit-learn LinearRegression")
        // Ours and scikit-learn's size weight print the same six digits.
        #expect(houseTable.rows[0][1] == houseTable.rows[0][4])
        #expect(page.code.map(\.name) == ["normal-equation-solve", "sgd-update", "unscale-coefficients"])
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("house-coefficients.png")
        try page.figures[0].render(url, .png, 1)
        let bytes = try Data(contentsOf: url)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(bytes.count > 10_000)
    }

    @Test func tableNumbersHaveNoNoise() {
        #expect(TableNumber.significant(0.26860106805944467, digits: 6) == "0.268601")
        #expect(TableNumber.significant(-0.0000001, digits: 2) == "-1e-07")
        #expect(TableNumber.significant(-0.0, digits: 3) == "0")
        #expect(TableNumber.significant(.nan, digits: 3) == "NaN")
        #expect(TableNumber.count(44_200) == "44\u{2009}200")
        #expect(TableNumber.count(999) == "999")
        #expect(TableNumber.significant(57_403.2, digits: 4) == "57\u{2009}400")
        #expect(TableNumber.significant(-12_345, digits: 3) == "\u{2212}12\u{2009}300")
        #expect(TableNumber.significant(1234, digits: 4) == "1234")
    }
}

/// The reader of scikit-learn's fixture keeps JSON's kinds apart.
@Test func sklearnReferenceReadsEveryJSONKind() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let url = folder.url.appendingPathComponent("reference.json")
    try Data(#"{"a": [true, 1, 2.5, null, "x"], "b": {"c": false}}"#.utf8).write(to: url)
    let reference = try SklearnReference(contentsOf: url)
    #expect(try reference.value("a") == .array([.bool(true), .number(1), .number(2.5), .null, .string("x")]))
    #expect(try reference.value("b", "c") == .bool(false))
    #expect(try reference.number("a", "2") == 2.5)
    #expect(throws: SklearnReferenceError.self) { try reference.numbers("a") }
    try Data("not json".utf8).write(to: url)
    #expect(throws: SklearnReferenceError.self) { try SklearnReference(contentsOf: url) }
}
