import Foundation
import Models
import Plot

/// The figures of the logistic regression chapter, each built from the chapter's data and fits.
enum LogisticRegressionFigures {
    // MARK: The sigmoid and the loss

    static func sigmoid() -> ChapterFigure {
        let panel = Panel(
            xLabel: "z = w · x + b", yLabel: "g(z)", yLimits: -0.05...1.05,
            marks: [
                .function(Models.sigmoid, x: -8...8, samples: 400, color: Palette.color(0), width: 2.5,
                          label: "g(z) = 1 / (1 + e⁻ᶻ)"),
                .horizontalRule(y: 0.5, color: Palette.color(4), style: .dashed, label: "threshold 0.5"),
                .verticalRule(x: 0, color: .black, style: .dotted),
                .text("predict y = 1 where z ≥ 0", at: Point(0.4, 0.3), anchor: .leading),
                .text("predict y = 0 where z < 0", at: Point(-0.4, 0.7), anchor: .trailing),
            ])
        return ChapterFigure(
            stem: "sigmoid",
            caption: "The sigmoid squeezes any score into (0, 1); it crosses the 0.5 threshold exactly at $z = 0$, so predicting 1 when $g(z) \\ge 0.5$ is predicting 1 when $z \\ge 0$.",
            altText: "An S-shaped curve rising from 0 at z = −8 to 1 at z = 8, crossing a dashed horizontal line at 0.5 where z = 0.",
            figure: Figure(width: 720, height: 400, panel: panel))
    }

    static func lossCurves() -> ChapterFigure {
        let panel = Panel(
            xLabel: "f = predicted probability that y = 1", yLabel: "loss L(f, y)", yLimits: 0...5,
            marks: [
                .function({ -log($0) }, x: 0.005...0.999, samples: 400, color: Palette.color(0), width: 2.5,
                          label: "y = 1:  −log f"),
                .function({ -log(1 - $0) }, x: 0.001...0.995, samples: 400, color: Palette.color(1), style: .dashed,
                          width: 2.5, label: "y = 0:  −log(1 − f)"),
            ])
        return ChapterFigure(
            stem: "loss-curves",
            caption: "The log-loss is zero for a confident right answer and grows without bound for a confident wrong one: $-\\log f$ when $y = 1$, $-\\log(1 - f)$ when $y = 0$.",
            altText: "Two curves over f from 0 to 1: −log f falls from 5 to 0 as f rises; −log(1 − f) rises from 0 to 5 as f approaches 1.",
            figure: Figure(width: 720, height: 420, panel: panel))
    }

    // MARK: Squared error against log-loss on the tumour toy

    /// Tumour sizes 0...5 and whether each is malignant.
    static let tumourSizes: [Double] = [0, 1, 2, 3, 4, 5]
    static let tumourLabels = [0, 0, 0, 1, 1, 1]
    /// The bias at which the bottom panels slice both surfaces.
    static let sliceBias = -5.0

    /// The squared-error cost of a sigmoid model, `1/(2m) sum (g(w x + b) - y)^2`.
    static func squaredErrorCost(w: Double, b: Double) -> Double {
        var sum = 0.0
        for (x, y) in zip(tumourSizes, tumourLabels) {
            let error = Models.sigmoid(w * x + b) - Double(y)
            sum += error * error
        }
        return sum / (2 * Double(tumourSizes.count))
    }

    /// The log-loss cost, from the model's own cost function.
    static func logLossCost(w: Double, b: Double) throws -> Double {
        try LogisticRegression.cost(Matrix(rows: tumourSizes.count, columns: 1, storage: tumourSizes), tumourLabels,
                                    weights: [w], bias: b)
    }

    static func squaredErrorVersusLogLoss() throws -> ChapterFigure {
        let wRange = -3.0...6.0, bRange = -16.0...6.0
        let squared = Sampling.grid(x: wRange, y: bRange, nx: 121, ny: 121) { squaredErrorCost(w: $0, b: $1) }
        var logValues: [Double] = []
        for b in squared.ys { for w in squared.xs { logValues.append(try logLossCost(w: w, b: b)) } }
        let logLoss = Grid2D(xs: squared.xs, ys: squared.ys, values: logValues)
        let slice = Mark.horizontalRule(y: sliceBias, color: .white, style: .dashed, width: 1.5,
                                        label: "slice b = \(minus(sliceBias))")
        let top = [
            Panel(title: "squared error with a sigmoid", xLabel: "w", yLabel: "b", legend: .bottomRight,
                  marks: [.filledContour(squared, levels: .automatic(10), colorBar: "J(w, b)"), slice]),
            Panel(title: "log-loss", xLabel: "w", yLabel: "b", legend: .bottomRight,
                  marks: [.filledContour(logLoss, levels: .logarithmic(10), colorBar: "J(w, b)"), slice]),
        ]
        let ws = Sampling.linspace(wRange.lowerBound, wRange.upperBound, count: 300)
        let bottom = [
            Panel(title: "squared error along b = \(minus(sliceBias)): plateaus", xLabel: "w", yLabel: "J(w, b = \(minus(sliceBias)))",
                  marks: [.line(x: ws, y: ws.map { squaredErrorCost(w: $0, b: sliceBias) }, color: Palette.color(0), width: 2.5)]),
            Panel(title: "log-loss along b = \(minus(sliceBias)): convex", xLabel: "w", yLabel: "J(w, b = \(minus(sliceBias)))",
                  marks: [.line(x: ws, y: try ws.map { try logLossCost(w: $0, b: sliceBias) }, color: Palette.color(1), width: 2.5)]),
        ]
        let figure = Figure(width: 960, height: 760, rows: 2, columns: 2, panels: top + bottom)
        return ChapterFigure(
            stem: "squared-error-vs-log-loss",
            caption: "On the tumour toy ($x = 0 \\ldots 5$, $y = 0, 0, 0, 1, 1, 1$) squared error with a sigmoid model is flat over a wide plateau and bends the wrong way at its shoulders, so it is not convex; the log-loss surface is a convex valley. Bottom: both costs along the dashed line $b = -5$.",
            altText: "Four panels. Top left: filled contours of the squared-error cost over w from −3 to 6 and b from −16 to 6, mostly one flat colour with a narrow valley. Top right: log-loss contours forming a smooth valley. Bottom left: the squared-error cost along b = −5, flat at 0.25 for w below 1, dipping near w = 2 and levelling off again. Bottom right: the log-loss along b = −5, a single convex dip.",
            figure: figure)
    }

    // MARK: The six-point toy

    /// The six points of the 2-D toy and their classes.
    static let toyPoints: [(Double, Double)] = [(0.5, 1.5), (1, 1), (1.5, 0.5), (3, 0.5), (2, 2), (1, 2.5)]
    static let toyLabels = [0, 0, 0, 1, 1, 1]

    static func toyBoundaries() throws -> ChapterFigure {
        let other = Mark.line(x: [0.5, 4], y: [3.5, 0], color: Palette.color(4), style: .dashed, width: 2.5,
                              label: "b = −4:  x₁ + x₂ = 4")
        let regions = try DecisionRegionsFigure(
            x: toyPoints.map(\.0), y: toyPoints.map(\.1), labels: toyLabels, classNames: ["y = 0", "y = 1"],
            xLabel: "x₁", yLabel: "x₂", resolution: 200, xLimits: 0...4, yLimits: 0...3.5, equalAspect: true,
            boundaryLabel: "b = −3:  x₁ + x₂ = 3", overlays: [other], legend: .topRight, markerSize: 13)
        let panel = try regions.panel { points in
            let scores = (0..<points.rows).map { points[$0, 0] + points[$0, 1] - 3 }
            return .init(classes: scores.map { $0 >= 0 ? 1 : 0 },
                         scores: Matrix(rows: points.rows, columns: 2, storage: scores.flatMap { [0, $0] }))
        }
        return ChapterFigure(
            stem: "toy-boundaries",
            caption: "With $w_1 = w_2 = 1$ the boundary is $x_1 + x_2 = -b$: changing $b$ from $-3$ to $-4$ slides the line without turning it. The shading shows what $b = -3$ predicts.",
            altText: "Six points on axes x₁ from 0 to 4 and x₂ from 0 to 3.5: three class-0 circles near the origin and three class-1 triangles further out, a solid line x₁ + x₂ = 3 separating them and a parallel dashed line x₁ + x₂ = 4 further out.",
            figure: Figure(width: 640, height: 520, panel: panel))
    }

    // MARK: Exam scores

    static func examBoundary(_ lab: ExamScoresLab) throws -> ChapterFigure {
        let regions = try DecisionRegionsFigure(
            x: lab.scores.column(0), y: lab.scores.column(1), labels: lab.admitted,
            classNames: ["not admitted", "admitted"], xLabel: "exam 1 score (points)", yLabel: "exam 2 score (points)",
            resolution: 250, marginFraction: 0.05, equalAspect: true, probabilityLabel: "P(admitted)",
            boundaryLabel: "boundary P = 0.5", legend: .bottomLeft)
        let panel = try regions.panel { points in
            let probabilities = try lab.admissionProbability(points)
            return .init(classes: probabilities.map { $0 >= 0.5 ? 1 : 0 }, probabilities: probabilities)
        }
        return ChapterFigure(
            stem: "exam-boundary",
            caption: "The fitted model on the exam data: the shading is the probability of admission, the line is where it equals one half. The boundary is straight because $\\mathbf{w} \\cdot \\mathbf{x} + b = 0$ is a line.",
            altText: "Scatter of 100 applicants by exam 1 and exam 2 score (30 to 100 points): admitted applicants (triangles) upper right, rejected ones (circles) lower left, over a background shaded from blue to orange with a straight black boundary running from upper left to lower right.",
            figure: Figure(width: 720, height: 600, panel: panel))
    }

    static func costVersusIteration(_ lab: ExamScoresLab, referenceMinimum: Double) -> ChapterFigure {
        let costs = lab.scaledFit.history.costs
        let steps = (1..<costs.count).map(Double.init)
        let panel = Panel(
            xLabel: "iteration (log scale)", yLabel: "cost J(w, b)", xScale: .log,
            marks: [
                .line(x: steps, y: Array(costs.dropFirst()), color: Palette.color(0), width: 2.5,
                      label: "gradient descent, α = \(formatRate(ExamScoresLab.scaledLearningRate)), z-scored scores"),
                .horizontalRule(y: referenceMinimum, color: .black, style: .dashed, label: "scikit-learn's minimum"),
            ])
        return ChapterFigure(
            stem: "cost-vs-iteration",
            caption: "The mean log-loss falls fast in the first tens of iterations and settles on the minimum scikit-learn finds.",
            altText: "Cost against iteration on a logarithmic axis from 1 to 2000: the curve starts near 0.56 after the first step, falls steeply until about iteration 50 and flattens onto a dashed line near 0.2.",
            figure: Figure(width: 720, height: 420, panel: panel))
    }

    static func rawVersusScaled(_ lab: ExamScoresLab, reference: (weights: [Double], bias: Double),
                                referenceMinimum: Double) -> ChapterFigure {
        let raw = lab.rawFit.history.costs, scaled = lab.scaledFit.history.costs
        let rawLabel = "raw scores, α = \(formatRate(ExamScoresLab.rawLearningRate))"
        let scaledLabel = "z-scored, α = \(formatRate(ExamScoresLab.scaledLearningRate))"
        // 400 steps spread evenly on the log axis are plenty for the long raw run.
        var rawSteps: [Int] = []
        for step in Sampling.geomspace(1, Double(raw.count - 1), count: 400).map({ Int($0.rounded()) })
        where step != rawSteps.last { rawSteps.append(step) }
        let costPanel = Panel(
            title: "cost per iteration", xLabel: "iteration (log scale)", yLabel: "cost J(w, b)", xScale: .log,
            marks: [
                .line(x: rawSteps.map(Double.init), y: rawSteps.map { raw[$0] }, color: Palette.color(4), width: 2.5,
                      label: rawLabel),
                .line(x: (1..<scaled.count).map(Double.init), y: Array(scaled.dropFirst()), color: Palette.color(0),
                      width: 2.5, label: scaledLabel),
                .horizontalRule(y: referenceMinimum, color: .black, style: .dotted, label: "minimum"),
            ])
        let x1 = Sampling.linspace(25, 105, count: 2)
        let scaledRaw = lab.scaledFitInRawUnits
        let line = { (weights: [Double], bias: Double) in x1.map { ExamScoresLab.boundary(weights: weights, bias: bias, at: $0) } }
        var marks: [Mark] = [
            .line(x: x1, y: line(lab.rawFit.weights, lab.rawFit.bias), color: Palette.color(4), width: 2.5,
                  label: "raw, after \(grouped(lab.rawIterations)) steps"),
            .line(x: x1, y: line(scaledRaw.weights, scaledRaw.bias), color: Palette.color(0), width: 2.5,
                  label: "z-scored, after \(grouped(ExamScoresLab.scaledIterations)) steps"),
            .line(x: x1, y: line(reference.weights, reference.bias), color: .black, style: .dotted, width: 2,
                  label: "scikit-learn"),
        ]
        for k in 0...1 {
            let rows = lab.admitted.indices.filter { lab.admitted[$0] == k }
            marks.append(.points(x: rows.map { lab.scores[$0, 0] }, y: rows.map { lab.scores[$0, 1] },
                                 marker: DecisionRegionsFigure.classMarkers[k], size: 7,
                                 color: DecisionRegionsFigure.color(ofClass: k).opacity(0.6)))
        }
        let boundaryPanel = Panel(
            title: "decision boundaries", xLabel: "exam 1 score (points)", yLabel: "exam 2 score (points)",
            xLimits: 25...105, yLimits: 25...105, equalAspect: true, marks: marks)
        return ChapterFigure(
            stem: "raw-vs-scaled",
            caption: "On raw scores the largest stable learning rate is tiny and the intercept crawls: after \(grouped(lab.rawIterations)) steps the cost is still far above the minimum and the boundary is wrong. On z-scored scores a large rate reaches scikit-learn's boundary in a few hundred steps.",
            altText: "Left: cost against iteration on a log axis; the z-scored curve drops to the minimum within a few hundred steps, the raw curve is still well above it after \(grouped(lab.rawIterations)) steps. Right: the exam data with three boundary lines; the z-scored and scikit-learn lines coincide, the raw line lies apart.",
            figure: Figure(width: 1040, height: 540, rows: 1, columns: 2, panels: [costPanel, boundaryPanel]))
    }

    /// A whole number with thousands separated by commas (100,000).
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(abs(value)))
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return (value < 0 ? "-" : "") + text
    }

    /// A whole number with a true minus sign (−5).
    static func minus(_ value: Double) -> String {
        value < 0 ? "−\(Int(-value))" : "\(Int(value))"
    }

    /// A learning rate as written in the prose (0.001, 1).
    static func formatRate(_ rate: Double) -> String {
        rate == rate.rounded() ? String(Int(rate)) : "\(rate)"
    }
}
