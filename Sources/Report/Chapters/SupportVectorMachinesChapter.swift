import Foundation
import Models
import Plot

/// Chapter 11: support vector machines. The widest street between two classes, decided by a few
/// support vectors; the soft margin and C; the hinge loss; kernels (RBF and its gamma); SMO.
///
/// Iris, the moons and breast cancer come from the scikit-learn fixture (same rows, same split),
/// so every table puts scikit-learn's numbers beside ours.
struct SupportVectorMachinesChapter: Chapter {
    let id = "support-vector-machines"
    let number = 11
    let title = "Support vector machines"
    let summary = "The widest street between two classes, set by a few support vectors; C softens it, kernels bend it."
    /// Grid points per axis of the decision-region figures (tests use fewer, for speed).
    var gridResolution = 200

    static let petalLabels = (x: "petal length (cm)", y: "petal width (cm)")
    /// The C values compared on overlapping classes.
    static let overlapCs: [Double] = [0.01, 1, 100]
    /// The gammas of the RBF figure, all at C = 1.
    static let rbfGammas: [Double] = [0.5, 2, 10, 50]
    /// The C of the hard-margin fit (large enough that no point may sit inside the street).
    static let hardMarginC = 1e6

    func build(_ context: ChapterContext) throws -> ChapterPage {
        let separable = try SupportVectorData.irisSetosaVersicolor()
        let overlapping = try SupportVectorData.irisVersicolorVirginica()
        let moons = try SupportVectorData.fixtureMoons()
        let cancer = try BreastCancerSVMExperiment()
        return ChapterPage(
            figures: [
                try maxMarginFigure(separable),
                hingeVersusLogLossFigure(),
                try effectOfCFigure(overlapping),
                try rbfGammaFigure(moons),
            ],
            tables: [try linearIrisTable(separable), try moonsTable(moons), try cancer.table()],
            code: [try context.excerpt("svm-smo-step")],
            thumbnail: "max-margin")
    }

    // MARK: Figures

    /// Separating line, margin lines (dashed) and circled support vectors of a linear machine.
    static func marginOverlays(_ machine: BinarySupportVectorMachine, xRange: ClosedRange<Double>,
                               circleSize: Double = 20) throws -> [Mark] {
        guard let w = machine.weights, abs(w[1]) > 1e-12 else {
            throw ModelError.shapeMismatch("the margin lines need a linear machine with a non-zero second weight")
        }
        let b = machine.intercept
        let line = { (level: Double) -> [Point] in
            [xRange.lowerBound, xRange.upperBound].map { x in Point(x, (level - b - w[0] * x) / w[1]) }
        }
        let sv = machine.supportVectors
        return [
            .line(line(1), color: .black, style: .dashed, width: 1.2, label: "margin, f(x) = ±1"),
            .line(line(-1), color: .black, style: .dashed, width: 1.2),
            .points(x: sv.column(0), y: sv.column(1), marker: .circle, filled: false, size: circleSize, color: .black,
                    label: "support vectors"),
        ]
    }

    /// The decision regions of a two-class SVM, borders traced where its decision value is 0.
    static func regions(_ model: FittedSupportVectorClassifier, _ data: SupportVectorData.Plane, names: [String],
                        xLabel: String, yLabel: String, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                        title: String?, overlays: [Mark], legend: LegendPlacement, equalAspect: Bool,
                        resolution: Int) throws -> Panel {
        let figure = try DecisionRegionsFigure(
            x: data.x.column(0), y: data.x.column(1), labels: data.y, classNames: names, xLabel: xLabel, yLabel: yLabel,
            title: title, resolution: resolution, xLimits: xRange, yLimits: yRange, equalAspect: equalAspect,
            boundaryLabel: "boundary, f(x) = 0", overlays: overlays, legend: legend, markerSize: 7)
        return try figure.panel { grid in
            let f = try model.decisionFunction(grid)
            var scores = Matrix(rows: f.count, columns: 2)
            for (r, value) in f.enumerated() { scores[r, 0] = -value; scores[r, 1] = value }
            return .init(classes: f.map { $0 > 0 ? 1 : 0 }, scores: scores)
        }
    }

    func maxMarginFigure(_ data: SupportVectorData.Plane) throws -> ChapterFigure {
        let model = try SupportVectorClassifier(c: Self.hardMarginC, kernel: .linear).fit(data.x, data.y)
        let machine = try Self.binary(model)
        let xRange = 0.5...5.5, yRange = -0.4...2.2
        let panel = try Self.regions(
            model, data, names: ["setosa", "versicolor"], xLabel: Self.petalLabels.x, yLabel: Self.petalLabels.y,
            xRange: xRange, yRange: yRange,
            title: "Street width 2/‖w‖ = \(TableNumber.significant(machine.marginWidth ?? .nan, digits: 3)) cm, \(machine.supportIndices.count) support vectors",
            overlays: try Self.marginOverlays(machine, xRange: xRange), legend: .outsideRight, equalAspect: true,
            resolution: gridResolution)
        return ChapterFigure(
            stem: "max-margin",
            caption: "Of all the lines that separate setosa from versicolor, the SVM picks the one with the widest empty street around it. Only the circled flowers on the street's edges (the support vectors) fix it; moving any other flower, without crossing the street, changes nothing.",
            altText: "Iris setosa and versicolor flowers by petal length and width (cm); a solid separating line runs diagonally between the two clusters with a dashed margin line on each side, and the \(machine.supportIndices.count) flowers touching the margin lines are circled.",
            figure: Figure(width: 900, height: 470, panel: panel))
    }

    func hingeVersusLogLossFigure() -> ChapterFigure {
        let margins = Sampling.linspace(-2.5, 3.5, count: 241)
        let panel = Panel(
            xLabel: "margin y·f(x) (positive: right side)", yLabel: "loss", xLimits: -2.5...3.5, yLimits: -0.1...3.6,
            legend: .topRight,
            marks: [
                .line(x: margins, y: margins.map { $0 < 0 ? 1 : 0 }, color: Color(hex: 0x666666), width: 1.5,
                      label: "0-1 loss (mistake or not)"),
                .line(x: margins, y: margins.map { MarginLoss.hinge(margin: $0) }, color: Palette.color(0), width: 2.5,
                      label: "hinge max(0, 1 − m)"),
                .line(x: margins, y: margins.map { MarginLoss.logisticBits(margin: $0) }, color: Palette.color(1),
                      style: .dashed, width: 2.5, label: "log-loss log₂(1 + e^−m)"),
                .verticalRule(x: 1, color: .black, style: .dotted, label: nil),
            ])
        return ChapterFigure(
            stem: "hinge-vs-log-loss",
            caption: "The hinge loss is exactly zero once a point is beyond the margin ($y f(x) \\ge 1$), so such points drop out of the solution; the logistic loss of logistic regression never quite reaches zero, so every point keeps a small say. Both are convex stand-ins for the 0-1 loss.",
            altText: "Three losses against the margin y times f(x) from −2.5 to 3.5: a dotted step from 1 to 0 at margin 0, the hinge loss falling linearly to 0 at margin 1 and flat after, and the log-loss in bits, a smooth curve through 1 at margin 0 that approaches 0 without reaching it.",
            figure: Figure(width: 760, height: 440, panel: panel))
    }

    func effectOfCFigure(_ data: SupportVectorData.Plane) throws -> ChapterFigure {
        let xRange = 2.7...7.2, yRange = 0.8...2.7
        let panels = try Self.overlapCs.enumerated().map { index, c -> Panel in
            let model = try SupportVectorClassifier(c: c, kernel: .linear).fit(data.x, data.y)
            let machine = try Self.binary(model)
            return try Self.regions(
                model, data, names: ["versicolor", "virginica"], xLabel: Self.petalLabels.x, yLabel: Self.petalLabels.y,
                xRange: xRange, yRange: yRange,
                title: "C = \(TableNumber.significant(c, digits: 3)): \(machine.supportIndices.count) SVs, street \(TableNumber.significant(machine.marginWidth ?? .nan, digits: 2)) cm wide",
                overlays: try Self.marginOverlays(machine, xRange: xRange, circleSize: 13),
                legend: index == Self.overlapCs.count - 1 ? .topLeft : .hidden, equalAspect: false,
                resolution: gridResolution)
        }
        return ChapterFigure(
            stem: "effect-of-c",
            caption: "Versicolor and virginica overlap, so no street is empty. A small $C$ makes violations cheap: a wide street with many flowers inside it, all of them support vectors. A large $C$ makes them expensive: a narrow street, fewer support vectors, and a line that bends to each awkward flower.",
            altText: "Three panels of versicolor and virginica by petal length and width with a linear SVM boundary and dashed margin lines for C = 0.01, 1 and 100; the street narrows and the number of circled support vectors falls as C grows.",
            figure: Figure(width: 1200, height: 440, rows: 1, columns: 3, theme: Self.compactTheme, panels: panels))
    }

    func rbfGammaFigure(_ data: SupportVectorData.Plane) throws -> ChapterFigure {
        let xRange = -1.9...2.9, yRange = -2.3...1.9
        let panels = try Self.rbfGammas.enumerated().map { index, gamma -> Panel in
            let model = try SupportVectorClassifier(c: 1, kernel: .rbf(gamma: .value(gamma))).fit(data.x, data.y)
            let machine = try Self.binary(model)
            let sv = machine.supportVectors
            return try Self.regions(
                model, data, names: ["class 0", "class 1"], xLabel: "x₁", yLabel: "x₂", xRange: xRange, yRange: yRange,
                title: "γ = \(TableNumber.significant(gamma, digits: 3)): \(machine.supportIndices.count) SVs, train acc. \(TableNumber.significant(try model.score(data.x, data.y), digits: 3))",
                overlays: [.points(x: sv.column(0), y: sv.column(1), marker: .circle, filled: false, size: 13,
                                   color: Color(hex: 0x555555), label: "support vectors")],
                legend: index == Self.rbfGammas.count - 1 ? .bottomLeft : .hidden, equalAspect: false,
                resolution: gridResolution)
        }
        return ChapterFigure(
            stem: "rbf-gamma",
            caption: "The RBF kernel bends the boundary around the moons. $\\gamma$ sets how far a support vector's influence reaches: a small $\\gamma$ gives a smooth, almost straight boundary; a large one gives each support vector a small bubble, and the model starts to memorise the noise (all at $C = 1$).",
            altText: "Four panels of the 200 noisy moons with RBF SVM regions for gamma = 0.5, 2, 10 and 50 at C = 1; the boundary goes from a gentle curve to a wiggly outline with islands around single points, with support vectors circled.",
            figure: Figure(width: 1100, height: 860, rows: 2, columns: 2, theme: Self.compactTheme, panels: panels))
    }

    // MARK: Tables

    /// Our linear machine on setosa vs. versicolor beside scikit-learn's: w, b, margin, support vectors.
    func linearIrisTable(_ data: SupportVectorData.Plane) throws -> ChapterTable {
        let reference = try SklearnReference.shared()
        var rows: [[String]] = []
        for index in 0..<2 {
            let key = ["experiments", "svm_linear_iris", "fits", "\(index)"]
            let c = try reference.number(key + ["C"])
            let machine = try Self.binary(try SupportVectorClassifier(c: c, kernel: .linear, tolerance: 1e-8).fit(data.x, data.y))
            let w = machine.weights ?? [.nan, .nan]
            let skW = try reference.numbers(key + ["w"])
            let skInterval = try reference.numbers(key + ["b_interval"])
            let cText = TableNumber.significant(c, digits: 3)
            let number = { (value: Double) in TableNumber.significant(value, digits: 5) }
            rows.append([cText, "w₁ (petal length)", number(w[0]), number(skW[0])])
            rows.append([cText, "w₂ (petal width)", number(w[1]), number(skW[1])])
            // Say when the KKT conditions leave b a range rather than a point.
            let skB = number(try reference.number(key + ["b"]))
            let bRange = skInterval[1] - skInterval[0] > 1e-4 ? " (any of \(number(skInterval[0]))…\(number(skInterval[1])))" : ""
            rows.append([cText, "b", number(machine.intercept), skB + bRange])
            rows.append([cText, "street width 2/‖w‖ (cm)", number(machine.marginWidth ?? .nan),
                         number(try reference.number(key + ["margin_width"]))])
            rows.append([cText, "support vectors (cm)", Self.pointList(machine.supportVectors),
                         try Self.pointList(Matrix(Self.pointRows(reference, key + ["support_vectors"])))])
        }
        return ChapterTable(
            name: "linear-iris",
            caption: "Linear SVM on setosa vs. versicolor ($\(data.y.count)$ flowers, petal features in cm), ours beside scikit-learn's `SVC(kernel=\"linear\")`. With $C = 1$ both support vectors sit at $\\alpha = C$, so the KKT conditions only bound $b$; both libraries take the middle of the allowed range.",
            header: ["C", "quantity", "ours", "scikit-learn"], rows: rows, comparison: .init(ours: 2, reference: 3))
    }

    /// RBF machines on the stored moons: support-vector counts, training accuracy and the decision
    /// value at the origin, ours beside scikit-learn's, for each of the fixture's (C, gamma).
    func moonsTable(_ data: SupportVectorData.Plane) throws -> ChapterTable {
        let reference = try SklearnReference.shared()
        guard case .array(let fits) = try reference.value("experiments", "svm_rbf_moons", "fits") else {
            throw SklearnReferenceError.wrongKind(keyPath: "experiments.svm_rbf_moons.fits", expected: "an array")
        }
        let probe = try reference.numbers("experiments", "svm_rbf_moons", "probes", "0")
        let rows = try fits.indices.map { index -> [String] in
            let key = ["experiments", "svm_rbf_moons", "fits", "\(index)"]
            let c = try reference.number(key + ["C"]), gamma = try reference.number(key + ["gamma"])
            let model = try SupportVectorClassifier(c: c, kernel: .rbf(gamma: .value(gamma)), tolerance: 1e-8).fit(data.x, data.y)
            let f0 = try model.decisionFunction(Matrix([probe]))[0]
            return [TableNumber.significant(c, digits: 4), TableNumber.significant(gamma, digits: 3),
                    "\(model.supportIndices.count)", "\(Int(try reference.number(key + ["n_support"])))",
                    TableNumber.significant(try model.score(data.x, data.y), digits: 3),
                    TableNumber.significant(try reference.number(key + ["train_accuracy"]), digits: 3),
                    TableNumber.significant(f0, digits: 5),
                    TableNumber.significant(try reference.number(key + ["decision_at_probes", "0"]), digits: 5)]
        }
        return ChapterTable(
            name: "rbf-moons",
            caption: "RBF SVMs on the \(data.y.count) moons scikit-learn generated, ours beside `SVC(kernel=\"rbf\")` (tolerance $10^{-8}$). $f(0, 0)$ is the decision value at the origin: the same dual solution gives the same number.",
            header: ["C", "γ", "SVs (ours)", "SVs (scikit-learn)", "train acc. (ours)", "train acc. (scikit-learn)",
                     "f(0, 0) (ours)", "f(0, 0) (scikit-learn)"],
            rows: rows)
    }

    // MARK: Helpers

    /// The only machine of a two-class model.
    static func binary(_ model: FittedSupportVectorClassifier) throws -> BinarySupportVectorMachine {
        guard let machine = model.binaryMachine else {
            throw ModelError.shapeMismatch("expected a two-class SVM, got \(model.classCount) classes")
        }
        return machine
    }

    /// Points as "(1.9, 0.4), (3, 1.1)", sorted so both libraries list them alike.
    static func pointList(_ points: Matrix) -> String {
        (0..<points.rows).map { points.row($0) }.sorted { $0.lexicographicallyPrecedes($1) }
            .map { "(" + $0.map { TableNumber.significant($0, digits: 3) }.joined(separator: ", ") + ")" }
            .joined(separator: ", ")
    }

    static func pointRows(_ reference: SklearnReference, _ keys: [String]) throws -> [[Double]] {
        guard case .array(let items) = try reference.value(keys) else {
            throw SklearnReferenceError.wrongKind(keyPath: keys.joined(separator: "."), expected: "an array of points")
        }
        return try items.indices.map { try reference.numbers(keys + ["\($0)"]) }
    }

    /// The standard theme with smaller titles and legend, for panels side by side.
    static var compactTheme: Theme {
        var theme = Theme.standard
        theme.legendSize = 12
        return theme
    }
}
