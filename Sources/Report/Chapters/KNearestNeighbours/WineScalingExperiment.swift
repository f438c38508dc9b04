import Foundation
import Models
import Plot

/// k-NN on the wine data with raw and z-scored features: proline (hundreds to thousands) drowns
/// every other feature in the raw distances.
struct WineScalingExperiment: Sendable {
    let k: Int
    let planeFeatures: [String]
    let names = ["cultivar 1", "cultivar 2", "cultivar 3"]
    let all: ClassificationSplit
    let plane: ClassificationSplit

    init(seed: UInt64, k: Int, planeFeatures: [String]) throws {
        let table = try BundledDataset.wine.load()
        let target = BundledDataset.wine.targetColumn
        let labels = try classCodes(from: table.numeric(target))
        var generator = SeededGenerator(seed: seed)
        let split = try TrainTestSplit.stratified(labels: labels, testFraction: 0.3, using: &generator)
        let features = table.columnNames.filter { $0 != target }
        let train = split.trainIndices.sorted(), test = split.testIndices.sorted()
        all = try ClassificationSplit(.wine, features: features, target: target, train: train, test: test)
        plane = try ClassificationSplit(.wine, features: planeFeatures, target: target, train: train, test: test)
        self.k = k
        self.planeFeatures = planeFeatures
    }

    /// Train and test accuracy of k-NN on `data`, raw or z-scored with a scaler fitted on the training rows.
    func accuracies(_ data: ClassificationSplit, scaled: Bool) throws -> (train: Double, test: Double) {
        var trainX = data.trainX, testX = data.testX
        if scaled {
            let scaler = try StandardScaler.fit(trainX)
            trainX = try scaler.transform(trainX)
            testX = try scaler.transform(testX)
        }
        let model = try KNeighborsClassifier(k: k).fit(trainX, data.trainY)
        return (try model.score(trainX, data.trainY), try model.score(testX, data.testY))
    }

    func accuracyTable() throws -> ChapterTable {
        var rows: [[String]] = []
        for (label, data) in [("all \(all.trainX.columns) features", all), (planeFeatures.joined(separator: " and "), plane)] {
            let raw = try accuracies(data, scaled: false), scaled = try accuracies(data, scaled: true)
            rows.append([label, KNearestNeighboursChapter.decimals(raw.train), KNearestNeighboursChapter.decimals(scaled.train),
                         KNearestNeighboursChapter.decimals(raw.test), KNearestNeighboursChapter.decimals(scaled.test)])
        }
        return ChapterTable(
            name: "scaling-accuracy",
            caption: "k-NN ($k = \(k)$) on wine (\(all.trainY.count) training and \(all.testY.count) test wines, stratified split from the run's seed), before and after z-scoring with the training rows' mean and standard deviation.",
            header: ["features", "train (raw)", "train (z-scored)", "test (raw)", "test (z-scored)"],
            rows: rows)
    }

    func regionsFigure(resolution: Int) throws -> ChapterFigure {
        let rawModel = try KNeighborsClassifier(k: k).fit(plane.trainX, plane.trainY)
        let scaler = try StandardScaler.fit(plane.trainX)
        let scaledModel = try KNeighborsClassifier(k: k).fit(try scaler.transform(plane.trainX), plane.trainY)
        let xLabel = "proline (mg/L)", yLabel = "hue (ratio)"
        let xRange = 200.0...1800.0, yRange = 0.4...2.25
        let raw = try KNearestNeighboursChapter.regions(
            plane.trainX, plane.trainY, names: names, xLabel: xLabel, yLabel: yLabel, xRange: xRange, yRange: yRange,
            title: "Raw features: only proline counts", legend: .hidden, resolution: resolution
        ).panel { grid in .init(classes: try rawModel.predict(grid)) }
        let scaled = try KNearestNeighboursChapter.regions(
            plane.trainX, plane.trainY, names: names, xLabel: xLabel, yLabel: yLabel, xRange: xRange, yRange: yRange,
            title: "z-scored features: both count", legend: .topRight, resolution: resolution
        ).panel { grid in .init(classes: try scaledModel.predict(try scaler.transform(grid))) }
        return ChapterFigure(
            stem: "scaling-effect",
            caption: "On raw wine features a difference of 0.1 in hue weighs as much as 0.1 mg/L of proline, so the boundaries run almost straight up and down: hue is all but ignored. After z-scoring both features matter and the regions follow the classes.",
            altText: "Two panels of k-NN decision regions on wine over proline and hue, drawn in the original units. Left, trained on raw values: vertical stripes that depend almost only on proline. Right, trained on z-scored values: regions that separate the three cultivars using both features.",
            figure: Figure(width: 960, height: 430, rows: 1, columns: 2, panels: [raw, scaled]))
    }
}
