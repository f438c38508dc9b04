import Foundation
import Plot

/// The figures of chapter 1, each built from the experiments' results.
enum LinearRegressionFigures {
    static let populationLabel = "population (10,000s of people)"
    static let profitLabel = "profit ($10,000s)"
    static let costLabel = "cost J(w, b)  (($10,000s)²)"
    /// w is $10,000s of profit per 10,000 people: dollars per person.
    static let weightLabel = "w ($ of profit per person)"

    /// The 97 cities and the learned line.
    static func dataAndFit(_ run: FoodTruckExperiment) -> Figure {
        let low = run.population.min() ?? 0, high = run.population.max() ?? 1
        let line = "f(x) = \(chartNumber(run.w, digits: 4)) x \(signed(run.b))"
        return Figure(width: 760, height: 480, panel: Panel(
            title: "Food-truck profit against city population", xLabel: populationLabel, yLabel: profitLabel,
            marks: [
                .points(x: run.population, y: run.profit, marker: .cross, color: Palette.color(0), label: "city (97)"),
                .function({ run.w * $0 + run.b }, x: (low - 0.5)...(high + 0.5), samples: 2,
                          color: Palette.color(4), width: 2.4, label: "learned line " + line),
            ]))
    }

    /// The cost per iteration, the steep start and the long tail in separate panels.
    static func costPerIteration(_ run: FoodTruckExperiment) -> Figure {
        CostCurveStartAndTailFigure(costs: run.descent.history.costs, split: 100, costLabel: costLabel,
                                    title: "Gradient descent on the food-truck data, α = \(FoodTruckExperiment.learningRate)")
            .figure(width: 1000, height: 440)
    }

    /// The cost over (w, b) with the path gradient descent took.
    static func costContour(_ run: FoodTruckExperiment) -> Figure {
        let contour = CostContourFigure(
            xLabel: weightLabel, yLabel: "b ($10,000s)",
            x: -0.5...2.0, y: -7...3,
            // The first steps bounce back and forth in w along almost the same line: number them.
            paths: [.init(label: "gradient descent, α = \(FoodTruckExperiment.learningRate)",
                          points: run.path.map { Point($0.w, $0.b) }, numberedSteps: 4)],
            minimum: Point(run.exact.weights[0], run.exact.bias), levelCount: 16, colorBarLabel: "J(w, b)",
            resolution: 160) { run.gridCost(w: $0, b: $1) }
        return contour.figure(width: 820, height: 540)
    }

    /// J against w at the learned b, with tangents whose slopes are the gradient.
    static func costAgainstWWithTangents(_ run: FoodTruckExperiment) throws -> Figure {
        let b = run.b
        // Tangents at a few w on both sides of the bottom and at the learned w itself (slope ~ 0).
        let tangentPoints = [-0.5, 0.4, run.w, 2.0, 2.8]
        let wRange = -1.0...3.4
        let curve = Sampling.linspace(wRange.lowerBound, wRange.upperBound, count: 200)
        let costs = curve.map { run.gridCost(w: $0, b: b) }
        let yTop = (costs.max() ?? 1) * 1.05
        var marks: [Mark] = [.line(x: curve, y: costs, color: Palette.color(0), width: 2.2,
                                   label: "J(w, b = \(chartNumber(b, digits: 4)))")]
        // Tangents drawn with the same on-screen length: the w extent shrinks as the slope grows.
        let xSpan = wRange.upperBound - wRange.lowerBound
        for (index, w) in tangentPoints.enumerated() {
            let j = run.cost(w: w, b: b)
            let slope = try run.slope(w: w, b: b)
            let halfWidth = 0.16 / ((1 / xSpan) * (1 / xSpan) + (slope / yTop) * (slope / yTop)).squareRoot()
            marks.append(.line(x: [w - halfWidth, w + halfWidth], y: [j - slope * halfWidth, j + slope * halfWidth],
                               color: Palette.color(4), width: 2,
                               label: index == 0 ? "tangent: slope = ∂J/∂w" : nil))
            marks.append(.points(x: [w], y: [j], marker: .circle, size: 8, color: Palette.color(4)))
            // Slopes within rounding of zero print as 0, not as floating-point dust (1e-6).
            let slopeText = abs(slope) < 0.05 ? "0" : chartNumber(slope, digits: 3)
            marks.append(.text("∂J/∂w = \(slopeText)", at: Point(w, j),
                               anchor: slope < -1 ? .leading : (slope > 1 ? .trailing : .above),
                               offset: slope < -1 ? (12, 6) : (slope > 1 ? (-12, 6) : (0, 10)),
                               size: 13))
        }
        return Figure(width: 820, height: 500, panel: Panel(
            title: "Cost against w with b fixed: the slope of each tangent is the gradient",
            xLabel: weightLabel, yLabel: costLabel,
            xLimits: wRange, yLimits: 0...yTop, marks: marks))
    }

    /// The toy with a too-large learning rate: the path leaps from wall to wall of the bowl and the
    /// cost grows every step.
    static func learningRateTooLarge(_ toy: TwoHouseToyExperiment) -> Figure {
        let history = toy.run.history
        let path = history.path.map { Point($0.weights[0], $0.bias) }
        let rate = TwoHouseToyExperiment.learningRate
        // The view holds the whole recorded path, so every jump (and the last, largest one) shows.
        let ws = path.map(\.x) + [200], bs = path.map(\.y) + [100]
        let padW = 0.08 * ((ws.max() ?? 1) - (ws.min() ?? 0)), padB = 0.08 * ((bs.max() ?? 1) - (bs.min() ?? 0))
        let contour = CostContourFigure(
            xLabel: "w (k$ per 1000 sqft)", yLabel: "b (k$)",
            x: ((ws.min() ?? 0) - padW)...((ws.max() ?? 1) + padW), y: ((bs.min() ?? 0) - padB)...((bs.max() ?? 1) + padB),
            // Every step numbered: they all lie on one line, so only the numbers show the back and forth.
            paths: [.init(label: "α = \(rate)", points: path, numberedSteps: path.count)], minimum: Point(200, 100),
            title: "The path jumps across the bowl", levelCount: 12, resolution: 150) { toy.cost(w: $0, b: $1) }
        let steps = history.costs.indices.map(Double.init)
        let cost = Panel(
            title: "The cost grows at every step", xLabel: "iteration", yLabel: "cost J(w, b)  ((k$)²)",
            yScale: .log, legend: .hidden,
            marks: [.line(x: steps, y: history.costs, color: Palette.color(4), width: 2, marker: .circle,
                          label: "α = \(rate)")])
        return Figure(width: 1100, height: 480, title: "Learning rate α = \(rate) on the two-house toy",
                      rows: 1, columns: 2, panels: [contour.panel, cost])
    }

    /// `value` with `digits` significant digits and a true minus sign, for chart text.
    static func chartNumber(_ value: Double, digits: Int) -> String {
        TableNumber.significant(value, digits: digits).replacingOccurrences(of: "-", with: "−")
    }

    /// "+ 3.2" or "− 3.9": an intercept written after a term.
    static func signed(_ value: Double) -> String {
        let text = chartNumber(abs(value), digits: 4)
        return value < 0 ? "− " + text : "+ " + text
    }
}
