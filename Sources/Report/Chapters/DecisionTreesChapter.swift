import Foundation
import Models
import Plot

/// Chapter 10: decision trees. Impurity and information gain (worked on the ten-mushroom table),
/// growing a CART tree, drawing it, and how depth turns fitting into memorising.
///
/// Iris and breast cancer use the scikit-learn fixture's splits, so our trees sit beside sklearn's.
struct DecisionTreesChapter: Chapter {
    let id = "decision-trees"
    let number = 10
    let title = "Decision trees"
    let summary = "Ask the yes/no question that most reduces impurity, then ask again in each half."
    /// Grid points per axis of the decision-region figures (tests use fewer, for speed).
    var gridResolution = 200

    /// The mushroom table: brown cap, tapering stalk, solitary; edible (1) or poisonous (0).
    static let mushroomFeatures = ["brown cap", "tapering stalk", "solitary"]
    static let mushroomTable: [[Int]] = [
        [1, 1, 1], [1, 0, 1], [1, 0, 0], [1, 0, 0], [1, 1, 1],
        [0, 1, 1], [0, 0, 0], [1, 0, 1], [0, 1, 0], [1, 0, 0],
    ]
    static let mushroomEdible = [1, 1, 0, 0, 1, 0, 0, 1, 1, 0]

    static let irisFeatureNames = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]
    static let speciesNames = ["setosa", "versicolor", "virginica"]
    /// The depth of the tree drawn as a diagram.
    static let diagramDepth = 3
    /// The depths whose iris decision regions are compared.
    static let regionDepths = [1, 2, 3, 4]
    /// The depth range of the breast-cancer accuracy curve.
    static let curveDepths = Array(1...10)

    func build(_ context: ChapterContext) throws -> ChapterPage {
        let reference = try NeighboursTreesReference.shared()
        let irisReference = try reference.trees(on: "iris")
        let cancerReference = try reference.trees(on: "breast_cancer")
        let iris = try ClassificationSplit(.iris, features: irisReference.features, target: irisReference.target,
                                           split: irisReference.split)
        let cancer = try ClassificationSplit(.breastCancer, features: cancerReference.features,
                                             target: cancerReference.target, split: cancerReference.split)
        let splits = try CategoricalSplit.allColumns(of: Self.mushroomTable, labels: Self.mushroomEdible)

        return ChapterPage(
            figures: [
                impurityCurvesFigure(),
                mushroomGainsFigure(splits),
                try treeDiagramFigure(iris),
                try regionsByDepthFigure(iris),
                try accuracyByDepthFigure(cancer, reference: cancerReference),
            ],
            tables: [
                mushroomTable(splits),
                try rootSplitTable([(iris, irisReference), (cancer, cancerReference)]),
                try accuracyTable([(iris, irisReference), (cancer, cancerReference)]),
            ],
            code: [try context.excerpt("tree-information-gain"), try context.excerpt("tree-split-scan")],
            thumbnail: "tree-diagram")
    }

    // MARK: Impurity and information gain

    func impurityCurvesFigure() -> ChapterFigure {
        let panel = Panel(
            title: "Impurity of a two-class node", xLabel: "fraction p of the node in class 1",
            yLabel: "impurity", xLimits: 0...1, yLimits: 0...1.3, legend: .topRight,
            marks: [
                .function({ Models.entropy($0) }, x: 0...1, samples: 401, label: "entropy H(p) (bits)"),
                .function({ Models.gini($0) }, x: 0...1, samples: 401, style: .dashed, label: "Gini 1 − p² − (1 − p)²"),
                .verticalRule(x: 0.5, color: Color(hex: 0x999999), style: .dotted, width: 1),
            ])
        return ChapterFigure(
            stem: "impurity-curves",
            caption: "Both measures are zero for a pure node ($p = 0$ or $1$) and largest for an even mix ($p = 0.5$): one bit of entropy, a Gini impurity of one half.",
            altText: "Entropy and Gini impurity of a two-class node against the fraction p in class 1; both are zero at p = 0 and p = 1 and peak at p = 0.5, entropy at 1 and Gini at 0.5.",
            figure: Figure(width: 760, height: 440, panel: panel))
    }

    func mushroomGainsFigure(_ splits: [CategoricalSplit]) -> ChapterFigure {
        let xs = splits.indices.map(Double.init)
        let gains = splits.map(\.gain)
        let best = gains.indices.max { gains[$0] < gains[$1] } ?? 0
        var marks: [Mark] = [.bars(x: xs, heights: gains, width: 0.6, color: Palette.color(0))]
        marks.append(.bars(x: [xs[best]], heights: [gains[best]], width: 0.6, color: Palette.color(1),
                           label: "largest gain: the root split"))
        for (x, gain) in zip(xs, gains) {
            marks.append(.text(String(format: "%.3f bits", gain), at: Point(x, gain), anchor: .above, offset: (0, 4), size: 12))
        }
        let panel = Panel(
            title: "Information gain of each split at the root", yLabel: "information gain (bits)",
            yLimits: 0...(gains.max()! * 1.25), xTicks: xs.map { AxisTick($0, Self.mushroomFeatures[Int($0)]) },
            legend: .topRight, marks: marks)
        return ChapterFigure(
            stem: "mushroom-gains",
            caption: "Splitting the ten mushrooms on \(Self.mushroomFeatures[best]) lowers the entropy the most, so that is the question the tree asks first.",
            altText: "Bar chart of the information gain, in bits, of splitting the ten mushrooms on brown cap, tapering stalk and solitary; the \(Self.mushroomFeatures[best]) bar is highest and highlighted.",
            figure: Figure(width: 720, height: 420, panel: panel))
    }

    func mushroomTable(_ splits: [CategoricalSplit]) -> ChapterTable {
        let rows = zip(Self.mushroomFeatures, splits).map { name, split -> [String] in
            // The classic mistake: every child's entropy taken over the whole table.
            let wrongGain = split.parentImpurity
                - (split.leftWeight * split.parentImpurity + split.rightWeight * split.parentImpurity)
            return [name, "\(split.leftPositives) of \(split.leftCount)", "\(split.rightPositives) of \(split.rightCount)",
                    Self.decimals(split.leftImpurity), Self.decimals(split.rightImpurity), Self.decimals(split.gain),
                    Self.decimals(abs(wrongGain))]
        }
        return ChapterTable(
            name: "mushroom-gains",
            caption: "Each candidate split of the ten mushrooms (\(splits[0].parentPositives) edible, root entropy \(Self.decimals(splits[0].parentImpurity)) bits): edible mushrooms on each side, each side's own entropy in bits, and the gain. The last column repeats the classic mistake of measuring each side's entropy on the whole table: every split then gains nothing.",
            header: ["split on", "edible, feature = 1", "edible, feature = 0", "H(left)", "H(right)", "gain",
                     "gain, whole-table entropy (wrong)"],
            rows: rows)
    }

    // MARK: The fitted tree

    func treeDiagramFigure(_ iris: ClassificationSplit) throws -> ChapterFigure {
        let model = try DecisionTreeClassifier(maxDepth: Self.diagramDepth).fit(iris.trainX, iris.trainY)
        let diagram = TreeDiagramFigure(tree: model.tree, featureNames: Self.irisFeatureNames.map(Self.withoutUnit),
                                        unit: "cm", classNames: Self.speciesNames, impurityName: "gini")
        return ChapterFigure(
            stem: "tree-diagram",
            caption: "The iris tree of depth \(Self.diagramDepth) (Gini). Each box shows its question, its impurity, how many training flowers reach it, their count per species (setosa, versicolor, virginica) and the majority species; the colour is the majority species, stronger for purer nodes. Go left when the answer is yes.",
            altText: "Diagram of a depth-\(Self.diagramDepth) decision tree on the iris training set with \(model.tree.nodes.count) nodes; each box lists the split feature and threshold, the Gini impurity, the number of samples and the class counts with the majority class.",
            figure: diagram.figure(title: "Decision tree for iris (max depth \(Self.diagramDepth), Gini)", width: 780, height: 520))
    }

    func regionsByDepthFigure(_ iris: ClassificationSplit) throws -> ChapterFigure {
        // The two petal features, so the regions can be drawn in the plane.
        let columns = [2, 3]
        let trainX = iris.trainX.selectingColumns(columns), testX = iris.testX.selectingColumns(columns)
        let panels = try Self.regionDepths.map { depth -> Panel in
            let model = try DecisionTreeClassifier(maxDepth: depth).fit(trainX, iris.trainY)
            let accuracy = try model.score(testX, iris.testY)
            return try KNearestNeighboursChapter.regions(
                trainX, iris.trainY, names: Self.speciesNames, xLabel: Self.irisFeatureNames[2],
                yLabel: Self.irisFeatureNames[3], xRange: 0.5...7.5, yRange: -0.2...4.0,
                title: "max depth \(depth): \(model.tree.leafCount) leaves, test accuracy \(Self.percent(accuracy))",
                legend: depth == Self.regionDepths.first ? .topRight : .hidden, resolution: gridResolution
            ).panel { grid in .init(classes: try model.predict(grid)) }
        }
        return ChapterFigure(
            stem: "regions-by-depth",
            caption: "Every split cuts the plane with a line parallel to an axis, so the regions are rectangles. Each extra level can only cut an existing rectangle in two; some cuts change no prediction at all, and the later ones carve thin strips around a few training flowers.",
            altText: "Four panels of decision regions of trees of maximum depth 1 to 4 on iris petal length and width, with the training flowers; the regions are axis-aligned rectangles that become finer with depth.",
            figure: Figure(width: 900, height: 800, rows: 2, columns: 2, theme: KNearestNeighboursChapter.compactLegendTheme,
                           panels: panels))
    }

    func accuracyByDepthFigure(_ data: ClassificationSplit, reference: NeighboursTreesReference.TreeClassifiers) throws -> ChapterFigure {
        var train: [Double] = [], test: [Double] = []
        for depth in Self.curveDepths {
            let model = try DecisionTreeClassifier(maxDepth: depth).fit(data.trainX, data.trainY)
            train.append(try model.score(data.trainX, data.trainY))
            test.append(try model.score(data.testX, data.testY))
        }
        let depths = Self.curveDepths.map(Double.init)
        let sklearn = reference.fits.filter { $0.criterion == "gini" && $0.maxDepth != nil }
        let panel = Panel(
            title: "Breast cancer, Gini", xLabel: "maximum depth", yLabel: "accuracy",
            yLimits: 0.8...1.01, xTicks: depths.map { AxisTick($0, String(Int($0))) }, legend: .bottomRight,
            marks: [
                .line(x: depths, y: train, marker: .circle, label: "training (ours)"),
                .line(x: depths, y: test, style: .dashed, marker: .square, label: "test (ours)"),
                .points(x: sklearn.map { Double($0.maxDepth!) }, y: sklearn.map(\.trainAccuracy), marker: .circle,
                        filled: false, size: 15, color: .black, label: "training (scikit-learn)"),
                .points(x: sklearn.map { Double($0.maxDepth!) }, y: sklearn.map(\.testAccuracy), marker: .square,
                        filled: false, size: 15, color: Color(hex: 0x777777), label: "test (scikit-learn)"),
            ])
        return ChapterFigure(
            stem: "accuracy-vs-depth",
            caption: "Training accuracy climbs to 100% as the tree deepens, because the leaves end up holding single patients; test accuracy stops improving after the first few levels. The extra depth memorises noise.",
            altText: "Training and test accuracy of decision trees on the breast cancer data for maximum depth 1 to \(Self.curveDepths.last!); training accuracy rises to 1 while test accuracy levels off; scikit-learn's values for depths 1 to 5 are drawn as hollow markers.",
            figure: Figure(width: 820, height: 460, panel: panel))
    }

    // MARK: Tables against scikit-learn

    /// "petal length" from "petal length (cm)".
    static func withoutUnit(_ name: String) -> String {
        name.replacingOccurrences(of: " (cm)", with: "")
    }

    /// A split as a reader says it: "petal length (cm) ≤ 2.35" from the column "petal_length_cm".
    static func splitText(feature: String, threshold: Double) -> String {
        var name = feature
        if name.hasSuffix("_cm") { name = String(name.dropLast(3)) + " (cm)" }
        return "\(name.replacingOccurrences(of: "_", with: " ")) ≤ \(TreeDiagramFigure.format(threshold, places: 4))"
    }

    func rootSplitTable(_ experiments: [(ClassificationSplit, NeighboursTreesReference.TreeClassifiers)]) throws -> ChapterTable {
        var rows: [[String]] = []
        for (data, reference) in experiments {
            for criterion in SplitCriterion.allCases {
                guard let fit = reference.fits.first(where: { $0.criterion == criterion.rawValue && $0.maxDepth == nil }) else { continue }
                let model = try DecisionTreeClassifier(criterion: criterion).fit(data.trainX, data.trainY)
                let root = model.tree.nodes[0]
                guard let feature = root.feature, let threshold = root.threshold else { continue }
                rows.append([reference.dataset.replacingOccurrences(of: "_", with: " "), criterion.rawValue,
                             Self.splitText(feature: reference.features[feature], threshold: threshold),
                             Self.splitText(feature: fit.rootFeatureName, threshold: fit.rootThreshold),
                             Self.decimals(root.impurityDecrease, 4), Self.decimals(fit.rootImpurityDecrease, 4)])
            }
        }
        return ChapterTable(
            name: "root-splits",
            caption: "The root question of each fully grown tree. On iris, petal length and petal width separate setosa equally well (equal gain): we keep the first feature, scikit-learn picks one by its random feature order. Its thresholds are float32 midpoints, hence the extra digits.",
            header: ["data", "criterion", "root split (ours)", "root split (scikit-learn)", "gain (ours)", "gain (scikit-learn)"],
            rows: rows, comparison: .init(ours: 4, reference: 5))
    }

    func accuracyTable(_ experiments: [(ClassificationSplit, NeighboursTreesReference.TreeClassifiers)]) throws -> ChapterTable {
        var rows: [[String]] = []
        for (data, reference) in experiments {
            for fit in reference.fits where fit.criterion == "gini" {
                let model = try DecisionTreeClassifier(maxDepth: fit.maxDepth).fit(data.trainX, data.trainY)
                rows.append([reference.dataset.replacingOccurrences(of: "_", with: " "),
                             fit.maxDepth.map(String.init) ?? "unlimited",
                             "\(model.tree.leafCount)", "\(fit.nLeaves)",
                             Self.decimals(try model.score(data.trainX, data.trainY)), Self.decimals(fit.trainAccuracy),
                             Self.decimals(try model.score(data.testX, data.testY)), Self.decimals(fit.testAccuracy)])
            }
        }
        return ChapterTable(
            name: "depth-accuracy",
            caption: "Gini trees on scikit-learn's splits (iris: \(experiments[0].0.trainY.count) training and \(experiments[0].0.testY.count) test flowers; breast cancer: \(experiments[1].0.trainY.count) and \(experiments[1].0.testY.count) patients). Where two splits gain exactly the same, the two libraries may choose differently (see above), so deeper trees can differ slightly in shape and test accuracy.",
            header: ["data", "max depth", "leaves (ours)", "leaves (scikit-learn)", "train (ours)", "train (scikit-learn)",
                     "test (ours)", "test (scikit-learn)"],
            rows: rows, comparison: .init(ours: 6, reference: 7))
    }

    static func decimals(_ value: Double, _ places: Int = 3) -> String { String(format: "%.\(places)f", value) }
    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}
