import Foundation
import Testing
@testable import Models

@Suite struct NeuralNetworkRegressorTests {
    @Test func fitsASineCurve() throws {
        let n = 200
        let xs = (0..<n).map { -3 + 6 * Double($0) / Double(n - 1) }
        let x = Matrix(rows: n, columns: 1, storage: xs)
        let y = xs.map { sin($0) }
        let fitted = try NeuralNetworkRegressor(
            hiddenLayers: [20], activation: .tanh, optimizer: .adam(learningRate: 0.02), l2: 0, epochs: 400,
            batchSize: 20, seed: 7
        ).fit(x, y, validation: (x, y))
        #expect(try fitted.score(x, y) > 0.98)
        #expect(fitted.history.trainingAccuracy.isEmpty)
        #expect(fitted.history.validationLoss.count == 400)
        // The validation loss is the mean of 1/2 (prediction - y)^2.
        let predicted = try fitted.predict(x)
        let loss = zip(predicted, y).map { 0.5 * ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(n)
        #expect(abs(fitted.history.validationLoss.last! - loss) < 1e-12)
    }
}
