import Foundation
import Models
import Plot

/// The figures of the polynomial-regression chapter, each drawn from a ``PolynomialExperiment``.
struct PolynomialFigures {
    let experiment: PolynomialExperiment

    private var fineX: [Double] { Sampling.linspace(0, 19, count: 200) }

    /// The fits of y = 1 + x^2 with x, with x^2, and with x, x^2, x^3 (raw and z-scored).
    func engineeredFits() throws -> Figure {
        let fits = experiment.engineered
        // One panel per feature set; runs on the same features (raw and z-scored) share a panel.
        var groups: [[PolynomialExperiment.EngineeredFit]] = []
        for fit in fits {
            if let index = groups.firstIndex(where: { $0[0].run.powers == fit.run.powers }) {
                groups[index].append(fit)
            } else {
                groups.append([fit])
            }
        }
        let panels = try groups.enumerated().map { index, group in
            var marks: [Mark] = [.points(x: experiment.x, y: experiment.quadratic, filled: false, color: Palette.color(0),
                                         label: "y = 1 + x²")]
            for (runIndex, fit) in group.enumerated() {
                marks.append(.line(x: fineX, y: try fit.predict(fineX), color: Palette.color(runIndex == 0 ? 1 : 3),
                                   style: runIndex == 0 ? .solid : .dashed,
                                   label: "\(fit.run.zScored ? "z-scored" : "raw"), α = \(FeatureScalingFigures.scientific(fit.run.rate)), "
                                       + "\(TableNumber.count(fit.run.iterations)) it."))
            }
            return Panel(title: "features: " + group[0].run.name.replacingOccurrences(of: " z-scored", with: ""),
                         xLabel: "x", yLabel: index == 0 ? "y" : nil, legend: .topLeft, marks: marks)
        }
        return Figure(width: 1200, height: 420, title: "Fitting y = 1 + x² by gradient descent with engineered features",
                      rows: 1, columns: panels.count, panels: panels)
    }

    /// Each engineered feature (x, x^2, x^3) against the target.
    func featuresVsTarget() -> Figure {
        let powers = [1, 2, 3]
        let names = ["x", "x²", "x³"]
        let panels = powers.indices.map { index in
            Panel(title: "y against \(names[index])", xLabel: names[index], yLabel: index == 0 ? "y = 1 + x²" : nil,
                  legend: .hidden,
                  marks: [.line(x: experiment.x.map { pow($0, Double(powers[index])) }, y: experiment.quadratic,
                                color: Palette.color(index), marker: .circle)])
        }
        return Figure(width: 1100, height: 380, title: "The target against each engineered feature",
                      rows: 1, columns: 3, panels: panels)
    }

    /// cos(x/2) and the gradient-descent fit with z-scored x .. x^13.
    func scaledHighDegreeCosine() throws -> Figure {
        let settings = experiment.settings
        return Figure(width: 820, height: 460, panel: Panel(
            title: "cos(x/2) fitted with z-scored x, x², …, x" + Self.superscript(settings.cosineDegree),
            xLabel: "x", yLabel: "y", yLimits: -1.9...1.5, legend: .bottomLeft,
            marks: [
                .points(x: experiment.x, y: experiment.x.map { cos($0 / 2) }, filled: false, color: Palette.color(0),
                        label: "y = cos(x/2)"),
                .line(x: fineX, y: try experiment.cosinePrediction(fineX), color: Palette.color(1),
                      label: "degree \(settings.cosineDegree), α = \(TableNumber.significant(settings.cosineRate, digits: 6)), "
                          + "\(TableNumber.count(settings.cosineIterations)) iterations"),
            ]))
    }

    /// mpg against horsepower with the least-squares polynomial of each chosen degree.
    func carsDegrees() throws -> Figure {
        let hp = experiment.horsepower
        let grid = Sampling.linspace(hp.min()!, hp.max()!, count: 300)
        let yRange = 0.0...50.0
        let panels = try experiment.carsFits.enumerated().map { index, fit in
            let curve = try fit.predict(grid)
            let r2 = try r2Score(experiment.mpg, try fit.predict(hp))
            return Panel(title: "degree \(fit.degree): R² = \(TableNumber.significant(r2, digits: 4))",
                         xLabel: "horsepower (hp)", yLabel: index % 2 == 0 ? "fuel economy (mpg)" : nil,
                         yLimits: yRange, legend: index == 0 ? .topRight : .hidden,
                         marks: [
                             .points(x: hp, y: experiment.mpg, filled: false, size: 5, color: Palette.color(0), label: "cars"),
                             .line(x: grid, y: curve, color: Palette.color(4), width: 2.5, label: "least-squares fit"),
                         ])
        }
        let columns = min(2, panels.count)
        return Figure(width: 1000, height: 760, title: "Fuel economy against horsepower, \(hp.count) cars",
                      rows: (panels.count + columns - 1) / columns, columns: columns, panels: panels)
    }

    /// Training and validation MSE against degree, with scikit-learn's values for the same split.
    func errorVsDegree(sklearnValidation: [(degree: Int, mse: Double)]) -> Figure {
        let curve = experiment.validationCurve
        let degrees = curve.map { Double($0.degree) }
        let best = curve.min { $0.validationMSE < $1.validationMSE }!
        var marks: [Mark] = [
            .line(x: degrees, y: curve.map(\.trainingMSE), color: Palette.color(0), marker: .circle, label: "training"),
            .line(x: degrees, y: curve.map(\.validationMSE), color: Palette.color(1), style: .dashed, marker: .square,
                  label: "validation"),
            .verticalRule(x: Double(best.degree), color: Color(hex: 0x777777), style: .dotted,
                          label: "lowest validation error"),
        ]
        if !sklearnValidation.isEmpty {
            marks.append(.points(x: sklearnValidation.map { Double($0.degree) }, y: sklearnValidation.map(\.mse),
                                 marker: .plus, size: 14, color: .black, label: "scikit-learn, validation"))
        }
        return Figure(width: 820, height: 480, panel: Panel(
            title: "Mean squared error against polynomial degree", xLabel: "degree of the polynomial in horsepower",
            yLabel: "mean squared error (mpg²)",
            xTicks: degrees.filter { Int($0) % 2 == 0 || degrees.count <= 12 }.map { AxisTick($0, String(Int($0))) },
            legend: .topLeft, marks: marks))
    }

    /// `¹³` for 13.
    static func superscript(_ value: Int) -> String {
        let digits: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                              "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return String(String(value).map { digits[$0] ?? $0 })
    }
}
