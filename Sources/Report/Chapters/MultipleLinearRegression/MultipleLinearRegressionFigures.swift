import Foundation
import Plot

/// The figures of chapter 2, each a row of four panels (one per house feature) or a cost curve.
enum MultipleLinearRegressionFigures {
    static let priceLabel = "price (k$)"

    /// Each feature against the price, one panel per feature.
    static func featuresAgainstPrice(_ run: RawHousesExperiment) -> Figure {
        let panels = RawHousesExperiment.featureNames.indices.map { j in
            Panel(xLabel: RawHousesExperiment.featureNames[j], yLabel: j == 0 ? priceLabel : nil, legend: .hidden,
                  marks: [.points(x: run.feature(j), y: run.price, marker: .circle, filled: false, size: 7,
                                  color: Palette.color(0))])
        }
        return Figure(width: 1000, height: 330, title: "Each feature of the 99 houses against the price",
                      rows: 1, columns: 4, panels: panels)
    }

    /// The cost per iteration: the first steps and the slow tail.
    static func costPerIteration(_ run: RawHousesExperiment) -> Figure {
        CostCurveStartAndTailFigure(costs: run.descent.history.costs, split: 100,
                                    costLabel: "cost J(w, b)  ((k$)²)",
                                    title: "Gradient descent on the raw features, α = " + powerOfTen(RawHousesExperiment.learningRate))
            .figure(width: 1000, height: 440)
    }

    /// Target and prediction against each feature: where the model's points sit among the real prices.
    static func targetAgainstPrediction(_ run: RawHousesExperiment) throws -> Figure {
        let predicted = try run.descent.predict(run.features)
        let exact = try run.exact.predict(run.features)
        // A shared price range with head room above the data: the legend sits there, in the first
        // panel, without covering a point (the panels are too narrow for a legend beside the data).
        let values = run.price + predicted + exact
        let low = values.min() ?? 0, high = values.max() ?? 1
        let prices = (low - 0.05 * (high - low))...(high + 0.4 * (high - low))
        let panels = RawHousesExperiment.featureNames.indices.map { j in
            let x = run.feature(j)
            return Panel(xLabel: RawHousesExperiment.featureNames[j], yLabel: j == 0 ? priceLabel : nil,
                         yLimits: prices, legend: j == 0 ? .topLeft : .hidden,
                         marks: [
                            .points(x: x, y: run.price, marker: .circle, filled: false, size: 8,
                                    color: Palette.color(0), label: "target"),
                            .points(x: x, y: exact, marker: .plus, size: 8, color: Palette.color(3),
                                    label: "exact fit"),
                            .points(x: x, y: predicted, marker: .cross, size: 8, color: Palette.color(4),
                                    label: "descent"),
                         ])
        }
        return Figure(width: 1000, height: 380, title: "Target and predictions against each feature",
                      rows: 1, columns: 4, panels: panels)
    }

    /// `5e-7` as "5 × 10⁻⁷" (a mantissa and a superscript exponent) for chart labels, or with
    /// `tex` as `5 \times 10^{-7}` for math in captions.
    static func powerOfTen(_ value: Double, tex: Bool = false) -> String {
        guard value.isFinite, value != 0 else { return TableNumber.significant(value, digits: 3) }
        let exponent = Int((log10(abs(value))).rounded(.down))
        let mantissa = TableNumber.significant(value / pow(10, Double(exponent)), digits: 3)
        if tex { return exponent == 0 ? mantissa : "\(mantissa) \\times 10^{\(exponent)}" }
        let superscripts: [Character: Character] = ["-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴",
                                                    "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹"]
        let power = String(String(exponent).map { superscripts[$0] ?? $0 })
        return exponent == 0 ? mantissa : "\(mantissa) × 10\(power)"
    }
}
