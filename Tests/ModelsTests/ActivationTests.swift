import Foundation
import Testing
@testable import Models

@Suite struct ActivationTests {
    @Test func knownValues() {
        #expect(Activation.sigmoid.value(0) == 0.5)
        #expect(abs(Activation.sigmoid.value(2) - 1 / (1 + exp(-2))) < 1e-15)
        #expect(Activation.sigmoid.value(-800) == 0 && Activation.sigmoid.value(800) == 1)
        #expect(Activation.tanh.value(0.5) == tanh(0.5))
        #expect(Activation.relu.value(-3) == 0 && Activation.relu.value(2.5) == 2.5)
        #expect(Activation.identity.value(-1.5) == -1.5)
        #expect(Activation.sigmoid.derivative(0) == 0.25)
        #expect(Activation.tanh.derivative(0) == 1)
        #expect(Activation.relu.derivative(-1) == 0 && Activation.relu.derivative(1) == 1)
    }

    @Test(arguments: Activation.allCases)
    func derivativeMatchesFiniteDifferences(activation: Activation) {
        let h = 1e-6
        for z in [-2.3, -0.7, 0.4, 1.9] {
            let numeric = (activation.value(z + h) - activation.value(z - h)) / (2 * h)
            #expect(abs(numeric - activation.derivative(z)) < 1e-8)
        }
    }
}
