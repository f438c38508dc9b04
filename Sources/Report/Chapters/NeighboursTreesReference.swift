import Foundation
import Models

/// The scikit-learn reference numbers the k-NN and decision-tree chapters show beside their own:
/// the `iris_knn` and `decision_trees` experiments of `Tests/ModelsTests/Fixtures/sklearn_reference.json`
/// (written by `scripts/sklearn_reference.py`, never by hand).
///
/// The fixture is read at run time from the package checkout (``ScikitLearnReference`` gives its
/// path), so no reference number is ever typed into the report. Where ``ScikitLearnReference``
/// looks values up by dotted path, this decodes the two experiments into typed values once.
struct NeighboursTreesReference: Decodable, Sendable {
    let experiments: Experiments

    struct Experiments: Decodable, Sendable {
        let irisKnn: NeighboursExperiment
        let decisionTrees: TreesExperiment
    }

    /// A train/test split: the sorted test rows; training rows are all the others, ascending.
    struct Split: Decodable, Sendable {
        let nRows: Int
        let testIndices: [Int]

        /// Every row not in the test set, ascending (the order sklearn fitted them in).
        var trainIndices: [Int] {
            let test = Set(testIndices)
            return (0..<nRows).filter { !test.contains($0) }
        }
    }

    /// k-NN on iris for several k, weightings and metrics.
    struct NeighboursExperiment: Decodable, Sendable {
        let features: [String]
        let target: String
        let split: Split
        let fits: [NeighboursFit]
    }

    struct NeighboursFit: Decodable, Sendable {
        let k: Int
        let metric: String
        let weights: String
        let trainAccuracy: Double
        let testAccuracy: Double
        /// Test rows (dataset row numbers) whose answer depends on which of several equally far
        /// training rows sklearn kept for the last places.
        let testRowsDependingOnDistanceTies: [Int]
    }

    /// Classification trees on iris and breast cancer.
    struct TreesExperiment: Decodable, Sendable {
        let classifiers: [TreeClassifiers]
    }

    struct TreeClassifiers: Decodable, Sendable {
        let dataset: String
        let features: [String]
        let target: String
        let split: Split
        let fits: [TreeFit]
    }

    struct TreeFit: Decodable, Sendable {
        let criterion: String
        /// nil for unlimited depth.
        let maxDepth: Int?
        let depth: Int
        let nLeaves: Int
        let rootFeatureName: String
        let rootThreshold: Double
        let rootImpurityDecrease: Double
        let trainAccuracy: Double
        let testAccuracy: Double
    }

    /// Reads the fixture once per process (from the checkout, like ``ScikitLearnReference``).
    private static let cached = Result<NeighboursTreesReference, any Error> {
        try read(ScikitLearnReference.packageFixtureURL)
    }

    /// The decoded reference, or a clear error when the report runs outside a checkout.
    static func shared() throws -> NeighboursTreesReference { try cached.get() }

    /// Decodes the parts of the fixture at `url` that the k-NN and tree chapters use.
    static func read(_ url: URL) throws -> NeighboursTreesReference {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ReferenceError.unreadable(
                path: url.path, reason: "run the report from a checkout of the package (\(error.localizedDescription))")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do { return try decoder.decode(NeighboursTreesReference.self, from: data) } catch {
            throw ReferenceError.unreadable(path: url.path, reason: "\(error)")
        }
    }

    /// The tree experiment on `dataset` ("iris" or "breast_cancer").
    func trees(on dataset: String) throws -> TreeClassifiers {
        guard let entry = experiments.decisionTrees.classifiers.first(where: { $0.dataset == dataset }) else {
            throw ReferenceError.missing(path: "experiments.decision_trees.classifiers[dataset = \(dataset)]")
        }
        return entry
    }
}

/// A labelled dataset cut into training and test rows, ready for a classifier.
struct ClassificationSplit: Sendable {
    let trainX: Matrix
    let trainY: [Int]
    let testX: Matrix
    let testY: [Int]

    /// The rows of `dataset` in `split`, with `features` as columns and the class codes of `target`.
    init(_ dataset: BundledDataset, features: [String], target: String, train: [Int], test: [Int]) throws {
        let table = try dataset.load()
        let x = try table.matrix(columns: features)
        let y = try classCodes(from: table.numeric(target))
        trainX = x.selectingRows(train)
        testX = x.selectingRows(test)
        trainY = train.map { y[$0] }
        testY = test.map { y[$0] }
    }

    /// The rows the scikit-learn fixture split `dataset` into.
    init(_ dataset: BundledDataset, features: [String], target: String,
         split: NeighboursTreesReference.Split) throws {
        try self.init(dataset, features: features, target: target, train: split.trainIndices, test: split.testIndices)
    }
}
