import Foundation
import Models
import Plot

/// Chapter 9: k-nearest neighbours. No training, a vote of the k closest points; how k trades
/// memorising for smoothing; why unscaled features ruin the distance.
///
/// Iris uses the scikit-learn fixture's split, so our accuracies sit beside sklearn's; wine uses a
/// stratified split drawn with the run's seed.
struct KNearestNeighboursChapter: Chapter {
    let id = "k-nearest-neighbours"
    let number = 9
    let title = "k-nearest neighbours"
    let summary = "Classify by a vote of the closest training points; choose k, and scale the features first."
    /// Grid points per axis of the decision-region figures (tests use fewer, for speed).
    var gridResolution = 200

    /// The two iris features the 2-D figures use.
    static let planeFeatures = ["petal_length_cm", "petal_width_cm"]
    static let planeAxisLabels = (x: "petal length (cm)", y: "petal width (cm)")
    static let speciesNames = ["setosa", "versicolor", "virginica"]
    /// The k values whose decision regions are compared.
    static let regionKs = [1, 5, 15]
    /// The k range of the accuracy curve.
    static let curveKs = Array(1...40)
    /// The query point of the neighbours figure (cm), in the versicolor/virginica overlap.
    static let query = Point(4.85, 1.6)
    static let queryK = 5
    /// The k of the scaling comparison on wine.
    static let wineK = 5
    /// The k values of the vote-ties table.
    static let tieKs = Array(1...8)
    /// The wine features of the 2-D scaling figure: one in the thousands, one near 1.
    static let wineFeatures = ["proline", "hue"]

    func build(_ context: ChapterContext) throws -> ChapterPage {
        let reference = try NeighboursTreesReference.shared().experiments.irisKnn
        let iris = try ClassificationSplit(.iris, features: reference.features, target: reference.target,
                                           split: reference.split)
        let irisPlane = try ClassificationSplit(.iris, features: Self.planeFeatures, target: reference.target,
                                                split: reference.split)
        let wine = try WineScalingExperiment(seed: context.seed, k: Self.wineK, planeFeatures: Self.wineFeatures)

        let figures = [
            try queryNeighboursFigure(irisPlane),
            try regionsByKFigure(irisPlane),
            try accuracyByKFigure(iris, reference: reference),
            try wine.regionsFigure(resolution: gridResolution),
        ]
        return ChapterPage(
            figures: figures,
            tables: [try irisReferenceTable(iris, reference: reference), try wine.accuracyTable(), try voteTiesTable(iris)],
            code: [try context.excerpt("knn-vote")],
            thumbnail: "regions-by-k")
    }

    // MARK: Figures

    /// Training points of each class as separate labelled marks, in the colours and markers of the
    /// decision-region figures.
    static func classPoints(_ x: Matrix, _ y: [Int], names: [String], size: Double) throws -> [Mark] {
        var figure = try regions(x, y, names: names, xLabel: "", yLabel: "", xRange: 0...1, yRange: 0...1, title: nil,
                                 legend: .auto)
        figure.markerSize = size
        return figure.pointMarks()
    }

    /// The decision-region builder for training points `x` (two columns) of classes `y`.
    static func regions(
        _ x: Matrix, _ y: [Int], names: [String], xLabel: String, yLabel: String,
        xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, title: String?, legend: LegendPlacement,
        resolution: Int = 200
    ) throws -> DecisionRegionsFigure {
        try DecisionRegionsFigure(
            x: x.column(0), y: x.column(1), labels: y, classNames: names, xLabel: xLabel, yLabel: yLabel,
            title: title, resolution: resolution, xLimits: xRange, yLimits: yRange, legend: legend, markerSize: 7)
    }

    func queryNeighboursFigure(_ data: ClassificationSplit) throws -> ChapterFigure {
        let model = try KNeighborsClassifier(k: Self.queryK).fit(data.trainX, data.trainY)
        let queryMatrix = Matrix([[Self.query.x, Self.query.y]])
        let neighbours = try model.kneighbors(of: queryMatrix)
        let rows = neighbours.indices(ofQuery: 0)
        let radius = neighbours.distances(ofQuery: 0).last ?? 0
        let predicted = try model.predict(queryMatrix)[0]
        let votes = rows.map { data.trainY[$0] }
        let circle = (0...120).map { i -> Point in
            let angle = Double(i) / 120 * 2 * Double.pi
            return Point(Self.query.x + radius * cos(angle), Self.query.y + radius * sin(angle))
        }
        let highlight = Palette.color(4)
        var marks = try Self.classPoints(data.trainX, data.trainY, names: Self.speciesNames, size: 10)
        marks.append(.line(circle, color: highlight, style: .dashed, width: 1.2,
                           label: "distance to the \(Self.queryK)th neighbour"))
        marks.append(.points(x: rows.map { data.trainX[$0, 0] }, y: rows.map { data.trainX[$0, 1] }, marker: .circle,
                             filled: false, size: 24, color: highlight, label: "the \(Self.queryK) nearest"))
        // Iris is measured to 0.1 cm, so several flowers can share a spot: say how many were circled there.
        var atSpot: [Point: Int] = [:]
        for row in rows { atSpot[Point(data.trainX[row, 0], data.trainX[row, 1]), default: 0] += 1 }
        for (spot, count) in atSpot.sorted(by: { ($0.key.x, $0.key.y) < ($1.key.x, $1.key.y) }) where count > 1 {
            // Dark text beside the ring, so the label cannot be mistaken for the query's cross.
            marks.append(.text("\(count) flowers", at: spot, anchor: .center, offset: (0, -24),
                               color: Color(hex: 0x333333), size: 12, bold: true))
        }
        marks.append(.points([Self.query], marker: .cross, size: 14, color: highlight, label: "query"))
        let voteText = Self.speciesNames.indices.map { c in "\(votes.filter { $0 == c }.count) \(Self.speciesNames[c])" }
            .filter { !$0.hasPrefix("0 ") }.joined(separator: ", ")
        let panel = Panel(
            title: "Votes: \(voteText) → \(Self.speciesNames[predicted])",
            xLabel: Self.planeAxisLabels.x, yLabel: Self.planeAxisLabels.y,
            xLimits: 4.3...5.5, yLimits: 1.15...1.95, equalAspect: true, legend: .outsideRight, marks: marks)
        return ChapterFigure(
            stem: "query-neighbours",
            caption: "The \(Self.queryK) training flowers nearest to the query (cross) vote; the majority class is the prediction. Nothing was learned beforehand: the search happens when the question is asked. Iris is measured to a millimetre, so flowers can share a spot (\"2 flowers\") or sit at exactly the same distance; the lower training index then counts as nearer.",
            altText: "Iris training flowers by petal length and width around a query point at \(Self.query.x) cm by \(Self.query.y) cm; its \(Self.queryK) nearest neighbours are circled inside a dashed circle whose radius is the distance to the farthest of them.",
            figure: Figure(width: 880, height: 430, panel: panel))
    }

    func regionsByKFigure(_ data: ClassificationSplit) throws -> ChapterFigure {
        let panels = try Self.regionKs.map { k -> Panel in
            let model = try KNeighborsClassifier(k: k).fit(data.trainX, data.trainY)
            let accuracy = try model.score(data.testX, data.testY)
            return try Self.regions(
                data.trainX, data.trainY, names: Self.speciesNames, xLabel: Self.planeAxisLabels.x,
                yLabel: Self.planeAxisLabels.y, xRange: 0.5...7.5, yRange: -0.2...3.7,
                title: "k = \(k) (test accuracy \(TableNumber.percent(accuracy)))",
                legend: k == Self.regionKs.last ? .topRight : .hidden, resolution: gridResolution
            ).panel { grid in .init(classes: try model.predict(grid)) }
        }
        return ChapterFigure(
            stem: "regions-by-k",
            caption: "With $k = 1$ every training flower claims the space nearest to it, so a lone versicolor among the virginicas pulls a tongue of versicolor into their region; with larger $k$ the vote smooths the boundary.",
            altText: "Three panels of iris decision regions over petal length and width for k = 1, 5 and 15, with the training flowers on top; the boundary between versicolor and virginica becomes smoother as k grows.",
            figure: Figure(width: 1000, height: 420, rows: 1, columns: 3, theme: Self.compactLegendTheme, panels: panels))
    }

    func accuracyByKFigure(_ data: ClassificationSplit, reference: NeighboursTreesReference.NeighboursExperiment) throws -> ChapterFigure {
        let sklearn = reference.fits.filter { $0.metric == "euclidean" && $0.weights == "uniform" }.map {
            AccuracyBySettingPanel.ReferencePoint(setting: $0.k, trainAccuracy: $0.trainAccuracy, testAccuracy: $0.testAccuracy)
        }
        let panel = try AccuracyBySettingPanel(settings: Self.curveKs, data: data, reference: sklearn).panel(
            title: "Iris, all four features, uniform vote", xLabel: "k (neighbours)", yLimits: 0.85...1.01,
            legend: .bottomLeft) { k, x, y in try KNeighborsClassifier(k: k).fit(x, y) }
        return ChapterFigure(
            stem: "accuracy-vs-k",
            caption: "At $k = 1$ training accuracy is perfect because every training flower is its own nearest neighbour; only the test accuracy says how well the model generalises. A very large $k$ lets distant flowers of other species vote, and the test accuracy falls again.",
            altText: "Training and test accuracy of k-NN on iris for k from 1 to \(Self.curveKs.last!); training accuracy starts at 1 and falls, test accuracy stays high for moderate k; scikit-learn's values at k = 1, 3, 5, 7 and 15 sit on our curves.",
            figure: Figure(width: 820, height: 460, panel: panel))
    }

    // MARK: Tables

    func irisReferenceTable(_ data: ClassificationSplit, reference: NeighboursTreesReference.NeighboursExperiment) throws -> ChapterTable {
        var rows: [[String]] = []
        for fit in reference.fits where fit.weights == "uniform" {
            guard let metric = DistanceMetric(rawValue: fit.metric) else { continue }
            let model = try KNeighborsClassifier(k: fit.k, metric: metric).fit(data.trainX, data.trainY)
            let train = try model.score(data.trainX, data.trainY), test = try model.score(data.testX, data.testY)
            let ties = fit.testRowsDependingOnDistanceTies.map(String.init).joined(separator: ", ")
            let tieText = ties.isEmpty ? "none" : (fit.testRowsDependingOnDistanceTies.count == 1 ? "row " : "rows ") + ties
            rows.append([fit.metric, "\(fit.k)", TableNumber.fixed(train, 3), TableNumber.fixed(fit.trainAccuracy, 3),
                         TableNumber.fixed(test, 3), TableNumber.fixed(fit.testAccuracy, 3), tieText])
        }
        return ChapterTable(
            name: "iris-accuracy",
            caption: "k-NN on iris (4 features, \(data.trainY.count) training and \(data.testY.count) test flowers, scikit-learn's split), uniform vote. The last column lists test rows (numbered from 0 in the data file) whose answer depends on which of several equally distant training flowers fill the last places; only there may the two implementations disagree.",
            header: ["metric", "k", "train (ours)", "train (scikit-learn)", "test (ours)", "test (scikit-learn)",
                     "rows decided by distance ties"],
            rows: rows, comparison: .init(ours: 4, reference: 5))
    }

    /// How many test flowers get a tied vote for each small k: the even-k pitfall, counted.
    func voteTiesTable(_ data: ClassificationSplit) throws -> ChapterTable {
        let rows = try Self.tieKs.map { k -> [String] in
            let model = try KNeighborsClassifier(k: k).fit(data.trainX, data.trainY)
            let shares = try model.predictProbabilities(data.testX)
            var tied = 0
            for q in 0..<shares.rows {
                let row = shares.row(q)
                let top = row.max() ?? 0
                if row.filter({ $0 == top }).count > 1 { tied += 1 }
            }
            return ["\(k)", "\(tied)", TableNumber.fixed(try model.score(data.testX, data.testY), 3)]
        }
        return ChapterTable(
            name: "vote-ties",
            caption: "Test flowers of iris (4 features, \(data.testY.count) in all) whose uniform vote ends in a tie, settled for the lowest class code, and the resulting test accuracy.",
            header: ["k", "tied votes", "test accuracy"], rows: rows)
    }

    /// The standard theme with a smaller legend, for narrow panels in a row.
    static var compactLegendTheme: Theme {
        var theme = Theme.standard
        theme.legendSize = 12
        return theme
    }

}
