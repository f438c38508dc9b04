import Foundation
import Models
import Plot

/// The figures of the "logistic regression, library style" chapter.
enum LogisticLibraryFigures {
    /// "0.1", "10": a penalty as written in titles and legends.
    static func lambdaText(_ lambda: Double) -> String {
        lambda == lambda.rounded() ? String(Int(lambda)) : "\(lambda)"
    }

    // MARK: Regularisation

    static func regularisationBoundaries(_ lab: LogisticLibraryLab) throws -> ChapterFigure {
        let panels = try lab.regularisedFits.map { fit -> Panel in
            let regions = try DecisionRegionsFigure(
                x: lab.moons.x.column(0), y: lab.moons.x.column(1), labels: lab.moons.y,
                classNames: ["class 0", "class 1"], xLabel: "x₁", yLabel: "x₂",
                title: "λ = \(lambdaText(fit.lambda)): training accuracy \(LogisticNumbers.fixed(100 * fit.trainingAccuracy, 0))%",
                resolution: 150, marginFraction: 0.1, equalAspect: true, probabilityLabel: "P(class 1)",
                boundaryLabel: "P = 0.5", legend: .hidden, markerSize: 7)
            return try regions.panel { points in
                let probabilities = try fit.model.predictPositiveProbabilities(try lab.polynomialFeatures(points))
                return .init(classes: probabilities.map { $0 >= 0.5 ? 1 : 0 }, probabilities: probabilities)
            }
        }
        let degree = LogisticLibraryLab.polynomialDegree
        return ChapterFigure(
            stem: "regularisation-boundaries",
            caption: "The same degree-\(degree) polynomial model for four penalties. Without a penalty the boundary bends around small groups of points; as $\\lambda$ grows the weights shrink, the boundary smooths and the probabilities soften towards one half.",
            altText: "Four panels of two interleaved half-moon point clouds (circles and triangles) over probability shading. With λ = 0 and 0.1 the black boundary bends into loops around small groups of points; with λ = 1 it is a smooth S-curve; with λ = 10 it is a gentle curve and the shading is paler.",
            figure: Figure(width: 960, height: 660, rows: 2, columns: 2, panels: panels))
    }

    static func regularisationWeights(_ lab: LogisticLibraryLab) throws -> ChapterFigure {
        let names = try lab.polynomial.featureNames(inputCount: 2, inputNames: ["x₁", "x₂"])
        let positions = names.indices.map(Double.init)
        var marks: [Mark] = []
        let markers: [Marker] = [.circle, .triangle, .square, .plus]
        for (k, fit) in lab.regularisedFits.enumerated() {
            // Palette colours without black (index 2), which reads as a grid line here.
            let color = Palette.color([0, 1, 3, 4][k % 4])
            marks.append(.line(x: positions, y: fit.model.weights.map { abs($0) }, color: color,
                               width: 1.8, marker: markers[k % markers.count], label: "λ = \(lambdaText(fit.lambda))"))
        }
        let panel = Panel(
            xLabel: "polynomial feature (z-scored)", yLabel: "|wⱼ| (log scale)", yScale: .log,
            xTicks: names.enumerated().map { AxisTick(Double($0.offset), $0.element) }, legend: .outsideRight,
            marks: marks)
        return ChapterFigure(
            stem: "regularisation-weights",
            caption: "Weight magnitudes per polynomial feature: each tenfold increase of $\\lambda$ pulls every weight down, the largest ones most.",
            altText: "Lines over \(names.count) polynomial features on a logarithmic axis: the λ = 0 line is highest with weights up to about 10, and each larger λ lies lower, λ = 10 below 0.3 everywhere.",
            figure: Figure(width: 960, height: 460, panel: panel))
    }

    // MARK: Softmax on iris

    static func irisRegions(_ lab: LogisticLibraryLab) throws -> ChapterFigure {
        let regions = try DecisionRegionsFigure(
            x: lab.petals.column(0), y: lab.petals.column(1), labels: lab.species,
            classNames: LogisticLibraryLab.irisClassNames, xLabel: "petal length (cm)", yLabel: "petal width (cm)",
            resolution: 300, marginFraction: 0.08, equalAspect: true, boundaryLabel: "class border",
            legend: .topLeft, markerSize: 8)
        let panel = try regions.panel { points in
            .init(classes: try lab.predictSpecies(points), scores: try lab.speciesScores(points))
        }
        return ChapterFigure(
            stem: "iris-regions",
            caption: "Softmax regression on iris petals ($\\lambda = \(lambdaText(LogisticLibraryLab.irisLambda))$, scikit-learn's $C = 1$): each region is where one species has the largest probability. Every border is straight, because it is where two classes' scores are equal, a linear equation.",
            altText: "Iris flowers by petal length (1 to 7 cm) and width (0 to 2.5 cm): setosa circles in a region at the lower left, versicolor triangles in the middle region and virginica squares at the upper right, separated by two straight borders.",
            figure: Figure(width: 760, height: 400, panel: panel))
    }

    // MARK: Breast cancer

    static func confusionMatrix(_ counts: [[Int]]) -> ChapterFigure {
        let names = LogisticLibraryLab.cancerClassNames
        let panel = Panel.matrix(counts.map { $0.map(Double.init) }, rowNames: names, columnNames: names,
                                 xLabel: "predicted", yLabel: "actual", colorBar: "test examples")
        return ChapterFigure(
            stem: "confusion-matrix",
            caption: "Counts on the held-out test set: the diagonal holds the right answers; off the diagonal, malignant tumours called benign (top right) and benign ones called malignant (bottom left).",
            altText: "A two-by-two grid of counts, actual class by row and predicted class by column: malignant predicted malignant \(counts[0][0]), malignant predicted benign \(counts[0][1]), benign predicted malignant \(counts[1][0]), benign predicted benign \(counts[1][1]).",
            figure: Figure(width: 560, height: 440, panel: panel))
    }

    static func rocCurve(_ roc: ROCCurve, referenceFPR: [Double], referenceTPR: [Double]) -> ChapterFigure {
        let panel = Panel(
            xLabel: "false positive rate (malignant called benign)", yLabel: "true positive rate (benign found)",
            xLimits: -0.02...1.02, yLimits: -0.02...1.02, equalAspect: true, legend: .bottomRight,
            marks: [
                .line(x: [0, 1], y: [0, 1], color: .black, style: .dotted, label: "chance (AUC 0.5)"),
                .line(x: roc.falsePositiveRates, y: roc.truePositiveRates, color: Palette.color(0), width: 2.5,
                      label: "ours, AUC = \(LogisticNumbers.fixed(roc.auc, 4))"),
                .points(x: referenceFPR, y: referenceTPR, marker: .circle, filled: false, size: 9,
                        color: Palette.color(4), label: "scikit-learn's ROC points"),
            ])
        return ChapterFigure(
            stem: "roc-curve",
            caption: "The ROC curve shows every threshold at once: lowering it finds more benign cases (up) at the cost of calling more malignant ones benign (right). A perfect model hugs the top-left corner; chance is the diagonal.",
            altText: "A curve rising almost vertically from (0, 0) to a true positive rate near 0.9, then bending to run along the top to (1, 1), far above the dotted diagonal; hollow markers from scikit-learn lie on the curve.",
            figure: Figure(width: 600, height: 560, panel: panel))
    }

    static func precisionRecall(_ lab: LogisticLibraryLab) throws -> ChapterFigure {
        let thresholds = Sampling.linspace(0.01, 0.99, count: 99)
        let (precision, recall) = try lab.precisionRecall(thresholds: thresholds)
        let panel = Panel(
            xLabel: "threshold on P(benign)", yLabel: "precision, recall (benign)", yLimits: 0.6...1.01,
            legend: .bottomLeft,
            marks: [
                .line(x: thresholds, y: precision, color: Palette.color(0), width: 2.5, label: "precision"),
                .line(x: thresholds, y: recall, color: Palette.color(1), style: .dashed, width: 2.5, label: "recall"),
                .verticalRule(x: 0.5, color: .black, style: .dotted, label: "default threshold 0.5"),
            ])
        return ChapterFigure(
            stem: "precision-recall",
            caption: "Raising the threshold makes a \"benign\" answer more trustworthy (precision rises) but misses more benign cases (recall falls). Where to set it depends on which mistake costs more.",
            altText: "Precision and recall against the threshold from 0 to 1: precision climbs from about 0.89 towards 1, recall stays near 1 and then falls, steeply above a threshold of about 0.9; the two cross near the dotted line at 0.5.",
            figure: Figure(width: 720, height: 420, panel: panel))
    }
}
