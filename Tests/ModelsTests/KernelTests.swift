import Foundation
import Testing
@testable import Models

@Suite struct KernelTests {
    @Test func linearIsTheDotProduct() {
        #expect(KernelFunction.linear.value([1, 2, 3], [4, -5, 6]) == 12)
    }

    @Test func polynomialValue() {
        // (0.5 * (1*2 + 2*1) + 1)^3 = 3^3
        let k = KernelFunction.polynomial(degree: 3, gamma: 0.5, coef0: 1)
        #expect(k.value([1, 2], [2, 1]) == 27)
    }

    @Test(arguments: [0.1, 0.5, 2.0])
    func rbfValue(gamma: Double) {
        let k = KernelFunction.rbf(gamma: gamma)
        // ||(1, 2) - (3, 0)||^2 = 8
        #expect(abs(k.value([1, 2], [3, 0]) - exp(-8 * gamma)) < 1e-15)
        #expect(k.value([1, 2], [1, 2]) == 1)
    }

    @Test func scaleGammaIsOneOverFeaturesTimesVariance() throws {
        // Elements 0, 2, 4, 6: mean 3, population variance 5; two features.
        let x = Matrix([[0, 2], [4, 6]])
        #expect(abs(Kernel.scaleGamma(for: x) - 1.0 / 10) < 1e-15)
        #expect(try Kernel.rbf().resolved(for: x) == .rbf(gamma: 0.1))
        #expect(try Kernel.polynomial(degree: 2, coef0: 1).resolved(for: x) == .polynomial(degree: 2, gamma: 0.1, coef0: 1))
        // A constant matrix has no variance: gamma falls back to 1.
        #expect(Kernel.scaleGamma(for: Matrix([[3, 3], [3, 3]])) == 1)
    }

    @Test func invalidKernelParametersAreTypedErrors() {
        let x = Matrix([[0, 1], [1, 0]])
        #expect(throws: ModelError.self) { try Kernel.rbf(gamma: .value(0)).resolved(for: x) }
        #expect(throws: ModelError.self) { try Kernel.rbf(gamma: .value(-1)).resolved(for: x) }
        #expect(throws: ModelError.self) { try Kernel.polynomial(degree: 0).resolved(for: x) }
        #expect(throws: ModelError.self) { try Kernel.polynomial(coef0: .nan).resolved(for: x) }
    }

    @Test func cachedRowsEqualDirectEvaluation() {
        var rng = SeededGenerator(seed: 3)
        let n = 7, d = 3
        let points = (0..<(n * d)).map { _ in rng.nextGaussian() }
        let kernel = KernelFunction.rbf(gamma: 0.7)
        // A budget of two rows forces evictions.
        let cache = KernelRowCache(points: points, count: n, dimension: d, kernel: kernel, budgetBytes: 2 * n * 8)
        #expect(cache.capacity == 2)
        for t in [0, 3, 6, 3, 1, 0, 5] {
            let row = cache.row(t)
            for s in 0..<n {
                let direct = kernel.value(Array(points[(t * d)..<(t * d + d)]), Array(points[(s * d)..<(s * d + d)]))
                #expect(row[s] == direct)
            }
            #expect(cache.diagonal[t] == 1)
        }
    }
}
