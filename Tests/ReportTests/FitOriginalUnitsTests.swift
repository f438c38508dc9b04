import Foundation
import Models
import Testing
@testable import Report

/// Weights reported "in the data's own units" after scaling and polynomial expansion equal those of
/// a fit on the unscaled data.
@Suite struct FitOriginalUnitsTests {
    static func weightsAndIntercept(_ arguments: [String]) throws -> (weights: [Double], intercept: Double) {
        let run = runFit(arguments + ["--json", "--test-fraction", "0"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let json = try run.json()
        return (try #require(numbers(json["weights"])), try #require((json["intercept"] as? NSNumber)?.doubleValue))
    }

    /// y = 3 + 2x - 0.5x^2 exactly: every scaling must give back 2, -0.5 and 3.
    @Test(arguments: ["zscore", "minmax", "none"])
    func exactPolynomialComesBackInOriginalUnits(scale: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let rows = (0..<30).map { i -> String in
            let x = -4 + Double(i) * 0.37
            return "\(x),\(3 + 2 * x - 0.5 * x * x)"
        }
        let data = try folder.file("curve.csv", "x,y\n" + rows.joined(separator: "\n") + "\n")
        let fit = try Self.weightsAndIntercept(["linear-regression", "--data", data, "--target", "y", "--solver", "normal",
                                                "--degree", "2", "--scale", scale])
        #expect(abs(fit.weights[0] - 2) < 1e-9 && abs(fit.weights[1] + 0.5) < 1e-9 && abs(fit.intercept - 3) < 1e-9)
    }

    /// Degree 2 on two real features (size and age of houses): scaled fits, brought back to original
    /// units, equal the fit on the raw expanded columns.
    @Test(arguments: ["zscore", "minmax"])
    func scaledPolynomialFitEqualsTheUnscaledFit(scale: String) throws {
        let common = ["linear-regression", "--data", datasetPath("houses.csv"), "--target", "price_1000usd",
                      "--features", "size_sqft,age_years", "--solver", "normal", "--degree", "2"]
        let raw = try Self.weightsAndIntercept(common + ["--scale", "none"])
        let scaled = try Self.weightsAndIntercept(common + ["--scale", scale])
        #expect(raw.weights.count == 5)
        for (a, b) in zip(scaled.weights, raw.weights) { #expect(abs(a - b) <= 1e-6 * max(abs(b), 1e-3), "\(a) vs \(b)") }
        #expect(abs(scaled.intercept - raw.intercept) <= 1e-6 * abs(raw.intercept))
    }

    /// Gradient descent on z-scored features, run to convergence, lands on the raw normal equation.
    @Test func convergedGradientDescentEqualsTheRawNormalEquation() throws {
        let common = ["linear-regression", "--data", datasetPath("houses.csv"), "--target", "price_1000usd"]
        let normal = try Self.weightsAndIntercept(common + ["--solver", "normal", "--scale", "none"])
        let descent = try Self.weightsAndIntercept(common + ["--learning-rate", "0.5", "--iterations", "5000"])
        for (a, b) in zip(descent.weights, normal.weights) { #expect(abs(a - b) <= 1e-6 * max(abs(b), 1)) }
        #expect(abs(descent.intercept - normal.intercept) <= 1e-6 * abs(normal.intercept))
    }

    /// The back-transform itself: original-unit weights on the expanded raw columns give the same
    /// score as the trained weights on the scaled columns, for every row.
    @Test(arguments: [FeatureScaling.zscore, .minmax])
    func originalUnitScoresEqualScaledScores(scaling: FeatureScaling) throws {
        var generator = SeededGenerator(seed: 5)
        let raw = Matrix(rows: 40, columns: 2, storage: (0..<80).map { j in
            j % 2 == 0 ? 1000 + 400 * generator.nextGaussian() : 0.01 * generator.nextUnit() })
        let (pipeline, scaled) = try FeaturePipeline.fit(raw, inputNames: ["a", "b"], degree: 3, scaling: scaling)
        #expect(pipeline.expandedNames == ["a", "b", "a^2", "a b", "b^2", "a^3", "a^2 b", "a b^2", "b^3"])
        let weights = (0..<9).map { Double($0) * 0.3 - 1 }
        let original = try pipeline.originalUnits(weights: weights, intercept: 0.7)
        let expanded = try PolynomialFeatures(degree: 3).transform(raw)
        for i in 0..<raw.rows {
            let viaScaled = zip(scaled.row(i), weights).reduce(0.7) { $0 + $1.0 * $1.1 }
            let viaOriginal = zip(expanded.row(i), original.weights).reduce(original.intercept) { $0 + $1.0 * $1.1 }
            #expect(abs(viaScaled - viaOriginal) <= 1e-8 * max(1, abs(viaScaled)))
        }
    }
}
