import Foundation
import Models
import Plot

/// The figures of the feature-scaling chapter, each drawn from a ``HouseScalingExperiment``.
struct FeatureScalingFigures {
    let experiment: HouseScalingExperiment

    private var labels: [String] { HouseScalingExperiment.featureLabels }

    /// The lesson each raw learning rate teaches, in the order of the settings' rates.
    private static let rateVerdicts = ["diverges", "oscillates but converges", "converges slowly"]

    /// Per learning rate: cost against iteration, and the cost as a function of w0 (others at their
    /// optimum) with the values w0 took.
    func learningRates() throws -> Figure {
        let x = experiment.x, y = experiment.y, optimum = experiment.rawOptimum
        var panels: [Panel] = []
        for (index, run) in experiment.learningRateRuns.enumerated() {
            let color = Palette.color(index)
            let verdict = index < Self.rateVerdicts.count ? Self.rateVerdicts[index] : ""
            let rate = "α = " + Self.scientific(run.rate)
            panels.append(Panel(
                title: "\(rate): \(verdict)", xLabel: "iteration", yLabel: "cost J (k$²)",
                legend: .hidden,
                marks: [.line(y: run.fit.history.costs, color: color, marker: .circle)]))
            let path = run.w0Path
            let lowest = min(path.min() ?? 0, optimum.weights[0]), highest = max(path.max() ?? 0, optimum.weights[0])
            let margin = max(0.1, 0.15 * (highest - lowest))
            let range = (lowest - margin)...(highest + margin)
            let curve = try Sampling.linspace(range.lowerBound, range.upperBound, count: 160).map {
                Point($0, try HouseScalingExperiment.cost(x, y, optimum: optimum, w0: $0))
            }
            let steps = try path.map { Point($0, try HouseScalingExperiment.cost(x, y, optimum: optimum, w0: $0)) }
            let isLast = index == experiment.learningRateRuns.count - 1
            let highestCost = curve.map(\.y).max() ?? 1
            panels.append(Panel(
                title: "J(w₁) with the steps of w₁ (\(rate))", xLabel: "w₁ (k$ per sqft)", yLabel: "cost J (k$²)",
                // Head room above the curve for the legend on the last row.
                yLimits: isLast ? (-0.04 * highestCost)...(1.8 * highestCost) : nil,
                // One legend, on the last row, where the curve leaves the upper right empty.
                legend: isLast ? .topRight : .hidden,
                marks: [
                    .line(curve, color: Color(hex: 0x777777), label: "J(w₁), other parameters at their optimum"),
                    .path(steps, color: color, label: "w₁ step by step"),
                    .points([steps[0]], marker: .square, size: 10, color: color, label: "start, w₁ = 0"),
                ]))
        }
        return Figure(width: 1000, height: 300 * Double(experiment.learningRateRuns.count) + 40,
                      title: "\(experiment.settings.rawIterations) steps of gradient descent on the raw house features",
                      rows: experiment.learningRateRuns.count, columns: 2, panels: panels)
    }

    /// Size against age, raw, mean-centred and z-scored, each on equal axes.
    func scalingSteps() throws -> Figure {
        let size = experiment.x.column(0), age = experiment.x.column(3)
        let mean = experiment.x.columnMeans()
        let centredSize = size.map { $0 - mean[0] }, centredAge = age.map { $0 - mean[3] }
        let z = experiment.z
        func panel(_ title: String, _ xs: [Double], _ ys: [Double], _ xLabel: String, _ yLabel: String, _ color: Int) -> Panel {
            // A square window on both axes, so the panel keeps its size and the raw data show as the
            // thin strip they are instead of squeezing the panel flat.
            let xMid = (xs.min()! + xs.max()!) / 2, yMid = (ys.min()! + ys.max()!) / 2
            let half = 0.55 * max(xs.max()! - xs.min()!, ys.max()! - ys.min()!)
            return Panel(title: title, xLabel: xLabel, yLabel: yLabel, xLimits: (xMid - half)...(xMid + half),
                  yLimits: (yMid - half)...(yMid + half), equalAspect: true, legend: .hidden,
                  marks: [.points(x: xs, y: ys, filled: false, color: Palette.color(color)),
                          .points([Point(0, 0)], marker: .plus, size: 16, color: .black)])
        }
        return Figure(width: 1100, height: 440, title: "Size and age of 99 houses, one unit on x as long as one on y",
                      rows: 1, columns: 3, panels: [
                          panel("raw", size, age, "size (sqft)", "age (years)", 0),
                          panel("mean-centred", centredSize, centredAge, "size − mean (sqft)", "age − mean (years)", 1),
                          panel("z-scored", z.column(0), z.column(3), "size (standard deviations)", "age (standard deviations)", 3),
                      ])
    }

    /// The four features before and after z-scoring, each with the normal density of its mean and
    /// standard deviation.
    func featureHistograms() throws -> Figure {
        var panels: [Panel] = []
        for (row, matrix) in [experiment.x, experiment.z].enumerated() {
            let means = matrix.columnMeans(), deviations = matrix.columnStandardDeviations()
            for column in 0..<matrix.columns {
                let values = matrix.column(column)
                let mean = means[column], deviation = deviations[column]
                let name = labels[column]
                panels.append(Panel(
                    title: row == 0 ? name : "\(name), z-scored",
                    xLabel: row == 0 ? name : "z = (x − μ) / σ",
                    yLabel: column == 0 ? "density" : nil,
                    legend: row == 0 && column == 0 ? .auto : .hidden,
                    marks: [
                        .histogram(values, density: true, color: Palette.color(row == 0 ? 0 : 3), label: "houses"),
                        .function({ Sampling.normalPDF($0, mean: mean, standardDeviation: deviation) },
                                  x: (mean - 3.5 * deviation)...(mean + 3.5 * deviation),
                                  color: Palette.color(4), label: "normal density"),
                    ]))
            }
        }
        return Figure(width: 1200, height: 640, title: "The four features before (top) and after (bottom) z-scoring",
                      rows: 2, columns: 4, panels: panels)
    }

    /// Contours of J over (w0, w1), the other parameters at their optimum, with a descent on those
    /// two weights: raw features beside z-scored ones, each on equal axes.
    func contours() -> Figure {
        func panel(title: String, x: Matrix, optimum: LinearModel, descent: HouseScalingExperiment.PairDescent,
                   halfWidth: Double, xLabel: String, yLabel: String) -> Panel {
            let centre = Point(optimum.weights[0] / 2, optimum.weights[1] / 2)
            let path = descent.path.map { Point($0.0, $0.1) }
            let y = experiment.y
            let contour = CostContourFigure(
                xLabel: xLabel, yLabel: yLabel,
                x: (centre.x - halfWidth)...(centre.x + halfWidth), y: (centre.y - halfWidth)...(centre.y + halfWidth),
                paths: [.init(label: "\(path.count - 1) steps, α = \(Self.scientific(descent.rate))", points: path)],
                minimum: Point(optimum.weights[0], optimum.weights[1]), title: title, equalAspect: true,
                resolution: 160) { w0, w1 in
                    // The shapes are fixed by the experiment, so the cost cannot fail here.
                    (try? HouseScalingExperiment.cost(x, y, optimum: optimum, w0: w0, w1: w1)) ?? .nan
                }
            var panel = contour.panel
            let end = path[path.count - 1]
            let xRange = contour.xRange, yRange = contour.yRange
            panel.legend = .bottomLeft
            panel.marks.append(.text(
                "after \(path.count - 1) steps: w₁ = \(TableNumber.significant(end.x, digits: 3)), "
                    + "w₂ = \(TableNumber.significant(end.y, digits: 3))",
                at: Point(xRange.lowerBound + 0.04 * (xRange.upperBound - xRange.lowerBound),
                          yRange.upperBound - 0.05 * (yRange.upperBound - yRange.lowerBound)),
                anchor: .leading, box: Color(hex: 0xFFFFFF).opacity(0.85)))
            return panel
        }
        let raw = panel(title: "raw features", x: experiment.x, optimum: experiment.rawOptimum,
                        descent: experiment.rawPairDescent, halfWidth: 45,
                        xLabel: "w₁ (k$ per sqft)", yLabel: "w₂ (k$ per bedroom)")
        let scaled = panel(title: "z-scored features", x: experiment.z, optimum: experiment.scaledOptimum,
                           descent: experiment.scaledPairDescent, halfWidth: 90,
                           xLabel: "w₁ (k$ per std of size)", yLabel: "w₂ (k$ per std of bedrooms)")
        return Figure(width: 1100, height: 540, title: "Cost J(w₁, w₂), the other parameters at their optimum",
                      rows: 1, columns: 2, panels: [raw, scaled])
    }

    /// Cost against iteration on log axes: the best raw learning rate against z-scoring, with the
    /// target cost of the iterations table.
    func iterationsToConverge(targetCost: Double) -> Figure {
        func curve(_ costs: [Double]) -> [Point] {
            costs.enumerated().dropFirst().map { Point(Double($0.offset), $0.element) }
        }
        let raw = experiment.rawComparison, scaled = experiment.scaledFit
        return Figure(width: 820, height: 480, panel: Panel(
            title: "Cost against iteration, raw and z-scored features", xLabel: "iteration", yLabel: "cost J (k$²)",
            xScale: .log, yScale: .log, legend: .topRight,
            marks: [
                .line(curve(raw.history.costs), color: Palette.color(0),
                      label: "raw, α = \(Self.scientific(experiment.settings.comparisonRawRate))"),
                .line(curve(scaled.history.costs), color: Palette.color(3),
                      label: "z-scored, α = \(TableNumber.significant(experiment.settings.scaledRate, digits: 6))"),
                .horizontalRule(y: targetCost, color: Palette.color(4), style: .dashed,
                                label: "1.01 × least-squares cost"),
            ]))
    }

    /// Target and prediction of the z-scored model against each original feature.
    func scaledTargetVsPrediction() throws -> Figure {
        let predictions = try experiment.scaledFit.predict(experiment.z)
        let panels = (0..<experiment.x.columns).map { column in
            Panel(title: labels[column], xLabel: labels[column], yLabel: column == 0 ? "price (k$)" : nil,
                  legend: column == 0 ? .topLeft : .hidden,
                  marks: [
                      .points(x: experiment.x.column(column), y: experiment.y, filled: false, color: Palette.color(0),
                              label: "target"),
                      .points(x: experiment.x.column(column), y: predictions, marker: .cross, color: Palette.color(1),
                              label: "prediction"),
                  ])
        }
        return Figure(width: 1200, height: 380, title: "Prices and predictions of the z-scored model",
                      rows: 1, columns: 4, panels: panels)
    }

    /// `9.9 × 10⁻⁷` for 9.9e-7; plain decimals for ordinary magnitudes.
    static func scientific(_ value: Double) -> String {
        guard value != 0, value.isFinite, abs(value) < 1e-3 else { return TableNumber.significant(value, digits: 6) }
        let exponent = Int(floor(log10(abs(value))))
        let mantissa = value / pow(10, Double(exponent))
        let superscripts: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                                    "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        let power = String(String(exponent).map { superscripts[$0] ?? $0 })
        let lead = TableNumber.significant(mantissa, digits: 3)
        return lead == "1" ? "10\(power)" : "\(lead) × 10\(power)"
    }
}
