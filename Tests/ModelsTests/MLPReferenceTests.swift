import Foundation
import Testing
@testable import Models

/// Our network classifier against scikit-learn's `MLPClassifier` with the same settings
/// (`Fixtures/sklearn_reference.json`). Initial weights and shuffling cannot match, so the check is
/// a band: sklearn's range of accuracies over its five recorded seeds, widened by `slack` on both
/// sides (one or two digits of the test set).
@Suite struct MLPReferenceTests {
    let reference: ReferenceFixture.Experiments
    static let slack = 0.02

    init() throws {
        reference = try ReferenceFixture.shared().experiments
    }

    static func network(_ settings: ReferenceFixture.MLPSettings, seed: UInt64) throws -> NeuralNetworkClassifier {
        #expect(settings.solver == "adam" && settings.shuffle && !settings.earlyStopping)
        let activation = try #require(Activation(rawValue: settings.activation))
        return NeuralNetworkClassifier(
            hiddenLayers: settings.hiddenLayerSizes, activation: activation,
            optimizer: .adam(learningRate: settings.learningRateInit), l2: settings.alpha,
            epochs: settings.maxIter, batchSize: settings.batchSize, seed: seed,
            earlyStopping: EarlyStopping(tolerance: settings.tol, patience: settings.nIterNoChange))
    }

    /// (16, 16) tanh on the stored 200 moons: training accuracy.
    @Test(arguments: [0, 1] as [UInt64])
    func moonsTrainingAccuracyInBand(seed: UInt64) throws {
        let moons = reference.mlpMoons
        let x = Matrix(reference.svmRbfMoons.data.x)
        let y = reference.svmRbfMoons.data.y
        let fitted = try Self.network(moons.settings, seed: seed).fit(x, y)
        let accuracy = try fitted.score(x, y)
        #expect(accuracy >= moons.trainAccuracyMin - Self.slack && accuracy <= moons.trainAccuracyMax + Self.slack,
                "accuracy \(accuracy) vs sklearn \(moons.trainAccuracyMin)...\(moons.trainAccuracyMax)")
    }

    /// Digits (pixels / 16), every recorded configuration, test accuracy on sklearn's split.
    /// 200 epochs on 1,347 rows take about a second optimised but most of a minute in a debug
    /// build, so this runs in optimised builds (`swift test -c release`) or when
    /// `MODELS_SLOW_TESTS=1` is set.
    @Test(.enabled(if: MLPReferenceTests.slowTestsEnabled, "slow in debug builds: use -c release or MODELS_SLOW_TESTS=1"))
    func digitsTestAccuracyInBand() throws {
        let digits = reference.mlpDigits
        let table = try BundledDataset.digits.load()
        var pixels = try table.matrix(columns: table.numericColumnNames.filter { $0 != "digit" })
        for index in pixels.storage.indices { pixels.storage[index] /= 16 }
        let labels = try classCodes(from: table.numeric("digit"))
        let train = digits.split.trainIndices, test = digits.split.testIndices
        let xTrain = pixels.selectingRows(train), xTest = pixels.selectingRows(test)
        let yTrain = train.map { labels[$0] }, yTest = test.map { labels[$0] }
        for configuration in digits.configurations {
            let fitted = try Self.network(configuration.settings, seed: 0).fit(xTrain, yTrain)
            let accuracy = try fitted.score(xTest, yTest)
            #expect(
                accuracy >= configuration.testAccuracyMin - Self.slack && accuracy <= configuration.testAccuracyMax + Self.slack,
                "\(configuration.settings.hiddenLayerSizes): accuracy \(accuracy) vs sklearn \(configuration.testAccuracyMin)...\(configuration.testAccuracyMax)")
        }
    }

    static var slowTestsEnabled: Bool {
        #if DEBUG
        return ProcessInfo.processInfo.environment["MODELS_SLOW_TESTS"] == "1"
        #else
        return true
        #endif
    }
}
