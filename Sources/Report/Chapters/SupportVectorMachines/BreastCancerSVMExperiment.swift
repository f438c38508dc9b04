import Foundation
import Models

/// RBF SVMs on breast cancer (30 features) on the fixture's split, z-scored with the training rows'
/// mean and population standard deviation as scikit-learn's `StandardScaler` does, and once without
/// scaling to show the pitfall.
struct BreastCancerSVMExperiment: Sendable {
    let trainX: Matrix
    let trainY: [Int]
    let testX: Matrix
    let testY: [Int]
    let scaledTrainX: Matrix
    let scaledTestX: Matrix

    init() throws {
        let reference = try SklearnReference.shared()
        let features = try SupportVectorData.strings(reference, "experiments", "svm_rbf_breast_cancer", "features")
        let table = try BundledDataset.breastCancer.load()
        let x = try table.matrix(columns: features)
        let y = try classCodes(from: table.numeric(try reference.string("experiments", "svm_rbf_breast_cancer", "target")))
        let (train, test) = try SupportVectorData.fixtureSplit("svm_rbf_breast_cancer", rowCount: x.rows)
        trainX = x.selectingRows(train)
        testX = x.selectingRows(test)
        trainY = train.map { y[$0] }
        testY = test.map { y[$0] }
        let scaler = try StandardScaler.fit(trainX)
        scaledTrainX = try scaler.transform(trainX)
        scaledTestX = try scaler.transform(testX)
    }

    /// One fit's numbers.
    struct Result: Sendable {
        let supportVectors: Int
        let trainAccuracy: Double
        let testAccuracy: Double
        /// Test rows whose predicted class differs from scikit-learn's (nil when not compared).
        let disagreements: Int?
    }

    /// The RBF SVM with `c` and `gamma` on z-scored (or raw) features.
    func run(c: Double, gamma: KernelGamma, scaled: Bool, referencePredictions: [Int]? = nil) throws -> Result {
        let (train, test) = scaled ? (scaledTrainX, scaledTestX) : (trainX, testX)
        let model = try SupportVectorClassifier(c: c, kernel: .rbf(gamma: gamma), tolerance: 1e-8).fit(train, trainY)
        let predictions = try model.predict(test)
        return Result(
            supportVectors: model.supportIndices.count, trainAccuracy: try model.score(train, trainY),
            testAccuracy: try accuracy(testY, predictions),
            disagreements: referencePredictions.map { reference in zip(reference, predictions).filter { $0 != $1 }.count })
    }

    func table() throws -> ChapterTable {
        let reference = try SklearnReference.shared()
        guard case .array(let fits) = try reference.value("experiments", "svm_rbf_breast_cancer", "fits") else {
            throw SklearnReferenceError.wrongKind(keyPath: "experiments.svm_rbf_breast_cancer.fits", expected: "an array")
        }
        let number = { (value: Double) in TableNumber.significant(value, digits: 4) }
        var rows: [[String]] = []
        for index in fits.indices {
            let key = ["experiments", "svm_rbf_breast_cancer", "fits", "\(index)"]
            let c = try reference.number(key + ["C"]), gamma = try reference.number(key + ["gamma"])
            let predictions = try reference.numbers(key + ["test_predictions"]).map { Int($0) }
            let ours = try run(c: c, gamma: .value(gamma), scaled: true, referencePredictions: predictions)
            rows.append(["z-scored, C = \(number(c)), γ = \(number(gamma))",
                         "\(ours.supportVectors)", "\(Int(try reference.number(key + ["n_support"])))",
                         number(ours.trainAccuracy), number(try reference.number(key + ["train_accuracy"])),
                         number(ours.testAccuracy), number(try reference.number(key + ["test_accuracy"])),
                         "\(ours.disagreements ?? 0)"])
        }
        // The pitfall: the same gamma rule on raw features, where a few columns in the hundreds
        // and thousands decide every distance.
        let rawGamma = Kernel.scaleGamma(for: trainX)
        let raw = try run(c: 1, gamma: .value(rawGamma), scaled: false)
        rows.append(["raw (pitfall), C = 1, γ = \(number(rawGamma))", "\(raw.supportVectors)", "—",
                     number(raw.trainAccuracy), "—", number(raw.testAccuracy), "—", "—"])
        return ChapterTable(
            name: "breast-cancer",
            caption: "RBF SVMs on breast cancer (30 features, \(trainY.count) training and \(testY.count) test tumours, scikit-learn's stratified split), ours beside `SVC` on the same z-scored features with $\\gamma = 1 / (30 \\cdot \\mathrm{Var})$ (scikit-learn's `gamma=\"scale\"`). The last row skips the scaling: the same rule then gives a tiny $\\gamma$ tuned to the largest columns, and the other features barely count.",
            header: ["features and settings", "SVs (ours)", "SVs (scikit-learn)", "train acc. (ours)",
                     "train acc. (scikit-learn)", "test acc. (ours)", "test acc. (scikit-learn)", "test predictions that differ"],
            rows: rows, comparison: .init(ours: 5, reference: 6))
    }
}
