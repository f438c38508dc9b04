import Foundation
import Testing
@testable import Models

@Suite struct NeuralNetworkClassifierTests {
    static let xorX = Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])
    static let xorY = [0, 1, 1, 0]

    @Test(arguments: [OutputActivation.softmax, .sigmoid])
    func learnsXOR(output: OutputActivation) throws {
        let mlp = NeuralNetworkClassifier(
            hiddenLayers: [8], activation: .tanh, output: output, optimizer: .adam(learningRate: 0.05), l2: 0,
            epochs: 400, batchSize: 4, seed: 3)
        let fitted = try mlp.fit(Self.xorX, Self.xorY)
        #expect(try fitted.predict(Self.xorX) == Self.xorY)
        #expect(fitted.history.trainingLoss.last! < 0.05)
        #expect(fitted.history.trainingLoss.last! < fitted.history.trainingLoss.first! / 10)
        let p = try fitted.predictProbabilities(Self.xorX)
        #expect(p.columns == 2)
        for r in 0..<4 { #expect(abs(p[r, 0] + p[r, 1] - 1) < 1e-12 && p[r, Self.xorY[r]] > 0.9) }
    }

    @Test(arguments: [Optimizer.sgd(learningRate: 0.5), .momentum(learningRate: 0.2, momentum: 0.9), .adam(learningRate: 0.02)])
    func everyOptimiserLearnsBlobs(optimizer: Optimizer) throws {
        let (x, y) = gaussianBlobs(count: 200, shift: 1.5, seed: 6)
        let fitted = try NeuralNetworkClassifier(
            hiddenLayers: [6], activation: .sigmoid, optimizer: optimizer, epochs: 60, batchSize: 16, seed: 1
        ).fit(x, y)
        #expect(try fitted.score(x, y) > 0.95)
        #expect(fitted.history.trainingLoss.last! < fitted.history.trainingLoss.first!)
    }

    @Test func sameSeedSameNetworkOtherSeedOtherNetwork() throws {
        let (x, y) = gaussianBlobs(count: 300, shift: 1, seed: 12)
        // Batch 150 exercises the concurrent (two-slice) path.
        let mlp = NeuralNetworkClassifier(hiddenLayers: [16, 8], epochs: 15, batchSize: 150, seed: 42)
        let a = try mlp.fit(x, y), b = try mlp.fit(x, y)
        #expect(a.network == b.network)
        #expect(a.history == b.history)
        var other = mlp
        other.seed = 43
        #expect(try other.fit(x, y).network != a.network)
    }

    @Test func shardedBatchGradientEqualsWholeBatchGradient() throws {
        // One step of plain SGD from the same start: sharded (batch 100 in two slices) and whole (batch 100
        // but computed by NeuralNetwork.gradients) must agree to rounding.
        let (x, y) = gaussianBlobs(count: 100, shift: 1, seed: 30)
        let mlp = NeuralNetworkClassifier(
            hiddenLayers: [5], activation: .tanh, optimizer: .sgd(learningRate: 1), l2: 0.2, epochs: 1,
            batchSize: 100, shuffle: false, seed: 9, snapshots: .at([0]))
        let fitted = try mlp.fit(x, y)
        let start = fitted.snapshots[0].network
        var targets = Matrix(rows: 100, columns: 2)
        for r in 0..<100 { targets[r, y[r]] = 1 }
        let g = try start.gradients(x, targets, l2: 0.2)
        for k in g.indices { #expect(abs(fitted.network.parameters[k] - (start.parameters[k] - g[k])) < 1e-12) }
    }

    @Test func historyValidationAndSnapshots() throws {
        let (x, y) = gaussianBlobs(count: 200, shift: 1, seed: 1)
        let (vx, vy) = gaussianBlobs(count: 100, shift: 1, seed: 2)
        let fitted = try NeuralNetworkClassifier(
            hiddenLayers: [8], epochs: 30, batchSize: 32, seed: 5, snapshots: .every(10)
        ).fit(x, y, validation: (vx, vy))
        #expect(fitted.history.epochs == 30)
        #expect(fitted.history.validationLoss.count == 30 && fitted.history.validationAccuracy.count == 30)
        #expect(fitted.history.trainingAccuracy.count == 30)
        #expect(!fitted.history.diverged)
        #expect(fitted.snapshots.map(\.epoch) == [10, 20, 30])
        #expect(fitted.snapshots.last!.network == fitted.network)
        // The recorded validation numbers are those of the final network.
        #expect(abs(fitted.history.validationAccuracy.last! - (try fitted.score(vx, vy))) < 1e-12)
        let early = fitted.model(at: fitted.snapshots[0])
        #expect(try early.predict(vx).count == 100)
        let atStart = try NeuralNetworkClassifier(hiddenLayers: [4], epochs: 3, seed: 5, snapshots: .at([0, 2])).fit(x, y)
        #expect(atStart.snapshots.map(\.epoch) == [0, 2])
    }

    @Test func earlyStoppingEndsAPlateau() throws {
        let (x, y) = gaussianBlobs(count: 100, shift: 3, seed: 14)
        let patient = NeuralNetworkClassifier(
            hiddenLayers: [4], optimizer: .adam(learningRate: 0.05), epochs: 1000, batchSize: 100, seed: 2,
            earlyStopping: EarlyStopping(tolerance: 1e-3, patience: 5))
        let fitted = try patient.fit(x, y)
        #expect(fitted.history.stoppedEarly)
        #expect(fitted.history.epochs < 1000)
        // The last `patience` epochs each failed to beat the best earlier loss by the tolerance.
        let losses = fitted.history.trainingLoss
        for t in (losses.count - 5)..<losses.count {
            #expect(losses[t] > losses[..<t].min()! - 1e-3)
        }
        var invalid = patient
        invalid.earlyStopping = EarlyStopping(patience: 0)
        #expect(throws: ModelError.self) { try invalid.fit(x, y) }
    }

    @Test func zeroInitialisationKeepsHiddenUnitsIdentical() throws {
        let (x, y) = gaussianBlobs(count: 100, shift: 1, seed: 4)
        let fitted = try NeuralNetworkClassifier(
            hiddenLayers: [4], activation: .tanh, optimizer: .sgd(learningRate: 0.5), epochs: 20, batchSize: 10,
            initialization: .zeros, seed: 1
        ).fit(x, y)
        // Every hidden unit has the same incoming weights, whatever training did.
        let w = fitted.network.weights(layer: 0)
        for input in 0..<2 { for unit in 1..<4 { #expect(w[input, unit] == w[input, 0]) } }
    }

    @Test func tooLargeLearningRateDivergesAndSaysSo() throws {
        var rng = SeededGenerator(seed: 8)
        let x = Matrix(rows: 50, columns: 1, storage: (0..<50).map { _ in 10 * rng.nextGaussian() })
        let y = x.storage.map { 3 * $0 }
        let fitted = try NeuralNetworkRegressor(
            hiddenLayers: [4], activation: .relu, optimizer: .sgd(learningRate: 5), epochs: 100, batchSize: 50, seed: 1
        ).fit(x, y)
        #expect(fitted.history.diverged)
        #expect(fitted.history.epochs < 100)
    }

    @Test func typedErrors() {
        let x = Matrix([[0, 0], [1, 1], [2, 2]])
        let y = [0, 1, 2]
        #expect(throws: ModelError.invalidHyperparameter(
            name: "hiddenLayers", value: "[]", reason: "a multilayer perceptron needs at least one hidden layer")) {
            try NeuralNetworkClassifier(hiddenLayers: []).fit(x, y)
        }
        #expect(throws: ModelError.self) { try NeuralNetworkClassifier(hiddenLayers: [3, 0]).fit(x, y) }
        #expect(throws: ModelError.self) { try NeuralNetworkClassifier(optimizer: .sgd(learningRate: 0)).fit(x, y) }
        #expect(throws: ModelError.self) { try NeuralNetworkClassifier(optimizer: .adam(beta1: 1)).fit(x, y) }
        #expect(throws: ModelError.self) { try NeuralNetworkClassifier(epochs: 0).fit(x, y) }
        #expect(throws: ModelError.self) { try NeuralNetworkClassifier(batchSize: 0).fit(x, y) }
        #expect(throws: ModelError.self) { try NeuralNetworkClassifier(l2: -1).fit(x, y) }
        #expect(throws: ModelError.self) { try NeuralNetworkClassifier(output: .sigmoid).fit(x, y) }
        #expect(throws: ModelError.self) { try NeuralNetworkClassifier(output: .identity).fit(x, y) }
        #expect(throws: ModelError.singleClass("NeuralNetworkClassifier.fit: every label is 0; a classifier needs at least two classes")) {
            try NeuralNetworkClassifier().fit(x, [0, 0, 0])
        }
        #expect(throws: ModelError.nonFinite(row: 2, column: 1)) {
            try NeuralNetworkClassifier().fit(Matrix([[0, 0], [1, 1], [2, .nan]]), y)
        }
        #expect(throws: ModelError.self) { try NeuralNetworkClassifier().fit(x, [0, 1]) }
        #expect(throws: ModelError.self) {
            try NeuralNetworkClassifier(epochs: 1).fit(x, y, validation: (Matrix([[0, 0]]), [5]))
        }
        #expect(throws: ModelError.self) { try NeuralNetworkRegressor().fit(x, [1, .nan, 2]) }
    }
}
