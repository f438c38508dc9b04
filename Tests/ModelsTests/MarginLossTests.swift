import Foundation
import Testing
@testable import Models

@Suite struct MarginLossTests {
    @Test(arguments: [(-1.0, 2.0), (0, 1), (0.25, 0.75), (1, 0), (3, 0)])
    func hinge(margin: Double, expected: Double) {
        #expect(MarginLoss.hinge(margin: margin) == expected)
    }

    @Test func logisticLossIsStableAndPassesThroughOneBitAtZero() {
        #expect(abs(MarginLoss.logistic(margin: 0) - log(2)) < 1e-15)
        #expect(abs(MarginLoss.logisticBits(margin: 0) - 1) < 1e-15)
        #expect(abs(MarginLoss.logistic(margin: 2) - log(1 + exp(-2))) < 1e-15)
        // Large margins: no overflow, the loss tends to 0 on one side and to -m on the other.
        #expect(MarginLoss.logistic(margin: 800) == 0)
        #expect(abs(MarginLoss.logistic(margin: -800) - 800) < 1e-9)
    }

    @Test func meanHingeAndItsErrors() throws {
        #expect(try MarginLoss.meanHinge(scores: [2, 0.5, -1], labels: [1, 1, 1]) == (0 + 0.5 + 2) / 3)
        #expect(throws: ModelError.self) { try MarginLoss.meanHinge(scores: [], labels: []) }
        #expect(throws: ModelError.self) { try MarginLoss.meanHinge(scores: [1], labels: [1, -1]) }
        #expect(throws: ModelError.self) { try MarginLoss.meanHinge(scores: [1], labels: [0]) }
    }
}
