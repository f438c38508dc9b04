import Foundation
import Models

/// The data sets of the SVM chapter, taken from the scikit-learn fixture so that our fits sit
/// beside scikit-learn's: iris setosa vs. versicolor (rows 0-99), the stored moons, and breast
/// cancer z-scored on the fixture's split.
struct SupportVectorData: Sendable {
    /// Two labelled features in centimetres (class codes 0 and 1).
    struct Plane: Sendable {
        let x: Matrix
        let y: [Int]
    }

    /// Iris setosa (0) and versicolor (1), petal length and width (cm), the rows the fixture used.
    static func irisSetosaVersicolor() throws -> Plane {
        let reference = try SklearnReference.shared()
        let rows = try reference.numbers("experiments", "svm_linear_iris", "row_indices").map { Int($0) }
        let features = try strings(reference, "experiments", "svm_linear_iris", "features")
        return try irisPlane(rows: rows, features: features, relabel: [0: 0, 1: 1])
    }

    /// Iris versicolor (0) and virginica (1) on the same petal features: classes that overlap.
    static func irisVersicolorVirginica() throws -> Plane {
        let reference = try SklearnReference.shared()
        let features = try strings(reference, "experiments", "svm_linear_iris", "features")
        let species = try BundledDataset.iris.load().numeric(BundledDataset.iris.targetColumn)
        let rows = species.indices.filter { species[$0] == 1 || species[$0] == 2 }
        return try irisPlane(rows: rows, features: features, relabel: [1: 0, 2: 1])
    }

    private static func irisPlane(rows: [Int], features: [String], relabel: [Int: Int]) throws -> Plane {
        let table = try BundledDataset.iris.load()
        let x = try table.matrix(columns: features).selectingRows(rows)
        let species = try classCodes(from: table.numeric(BundledDataset.iris.targetColumn))
        let y = try rows.map { row -> Int in
            guard let code = relabel[species[row]] else {
                throw SklearnReferenceError.wrongKind(keyPath: "iris row \(row)", expected: "one of the two chosen species")
            }
            return code
        }
        return Plane(x: x, y: y)
    }

    /// The 200 moons scikit-learn generated (`make_moons(noise=0.25, random_state=0)`), as stored in
    /// the fixture, so both libraries train on the very same points.
    static func fixtureMoons() throws -> Plane {
        let reference = try SklearnReference.shared()
        guard case .array(let points) = try reference.value("experiments", "svm_rbf_moons", "data", "x") else {
            throw SklearnReferenceError.wrongKind(keyPath: "experiments.svm_rbf_moons.data.x", expected: "an array of points")
        }
        let rows = try points.indices.map { try reference.numbers("experiments", "svm_rbf_moons", "data", "x", "\($0)") }
        let y = try reference.numbers("experiments", "svm_rbf_moons", "data", "y").map { Int($0) }
        return Plane(x: Matrix(rows), y: y)
    }

    /// The strings at `keys`.
    static func strings(_ reference: SklearnReference, _ keys: String...) throws -> [String] {
        guard case .array(let items) = try reference.value(keys) else {
            throw SklearnReferenceError.wrongKind(keyPath: keys.joined(separator: "."), expected: "an array of strings")
        }
        return try items.map { item in
            guard case .string(let text) = item else {
                throw SklearnReferenceError.wrongKind(keyPath: keys.joined(separator: "."), expected: "an array of strings")
            }
            return text
        }
    }

    /// The training and test rows of a fixture split: the stored test indices, and every other row
    /// ascending for training (the fixture's rule).
    static func fixtureSplit(_ experiment: String, rowCount: Int) throws -> (train: [Int], test: [Int]) {
        let reference = try SklearnReference.shared()
        let test = try reference.numbers("experiments", experiment, "split", "test_indices").map { Int($0) }
        let testSet = Set(test)
        return ((0..<rowCount).filter { !testSet.contains($0) }, test)
    }
}
