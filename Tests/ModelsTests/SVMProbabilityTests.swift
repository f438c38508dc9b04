import Foundation
import Testing
@testable import Models

@Suite struct SVMProbabilityTests {
    /// Pairwise ratios made from a known distribution, r_ij = p_i / (p_i + p_j), are coupled back
    /// into exactly that distribution.
    @Test func couplingRecoversAConsistentDistribution() {
        let p = [0.5, 0.3, 0.15, 0.05]
        let r = (0..<4).map { i in (0..<4).map { j in i == j ? 0 : p[i] / (p[i] + p[j]) } }
        let coupled = PairwiseCoupling.couple(r)
        for k in 0..<4 { #expect(abs(coupled[k] - p[k]) < 1e-9) }
    }

    /// At the fitted (a, b) the derivative of Platt's cross-entropy vanishes.
    @Test func plattFitIsStationary() {
        var rng = SeededGenerator(seed: 13)
        var f: [Double] = [], positive: [Bool] = []
        for t in 0..<300 {
            let label = t % 2 == 0
            f.append((label ? 1.0 : -1.0) + 1.2 * rng.nextGaussian())
            positive.append(label)
        }
        let model = PlattScaling.fit(decisionValues: f, positive: positive)
        let nPlus = Double(positive.filter { $0 }.count), nMinus = Double(positive.count) - nPlus
        var ga = 0.0, gb = 0.0
        for k in f.indices {
            let target = positive[k] ? (nPlus + 1) / (nPlus + 2) : 1 / (nMinus + 2)
            let residual = target - model.probability(f[k])
            ga += f[k] * residual
            gb += residual
        }
        #expect(abs(ga) < 1e-4 && abs(gb) < 1e-4)
        #expect(model.a < 0)
        #expect(model.probability(2) > model.probability(0) && model.probability(0) > model.probability(-2))
    }

    @Test func binaryProbabilitiesFollowTheDecisionValue() throws {
        let (x, y) = gaussianBlobs(count: 200, shift: 1, seed: 3)
        let fitted = try SupportVectorClassifier(kernel: .rbf()).fit(x, y)
        let p = try fitted.predictProbabilities(x)
        let f = try fitted.decisionFunction(x)
        #expect(p.columns == 2)
        let order = f.indices.sorted { f[$0] < f[$1] }
        for (a, b) in zip(order, order.dropFirst()) { #expect(p[a, 1] <= p[b, 1]) }
        for r in 0..<x.rows { #expect(abs(p[r, 0] + p[r, 1] - 1) < 1e-12) }
        #expect(fitted.featureCount == 2 && fitted.classCount == 2)
    }

    @Test func multiclassProbabilitiesSumToOneAndFavourTheRightClass() throws {
        let sample = try {
            var generator = SeededGenerator(seed: 5)
            return try SyntheticData.blobs(count: 150, centers: [[0, 4], [-4, -2], [4, -2]], using: &generator)
        }()
        let fitted = try SupportVectorClassifier(kernel: .rbf()).fit(sample.x, sample.y)
        let p = try fitted.predictProbabilities(sample.x)
        #expect(p.columns == 3)
        var agree = 0
        for r in 0..<p.rows {
            #expect(abs(p[r, 0] + p[r, 1] + p[r, 2] - 1) < 1e-9)
            let best = (0..<3).max { p[r, $0] < p[r, $1] }!
            if best == sample.y[r] { agree += 1 }
        }
        #expect(Double(agree) / Double(p.rows) > 0.95)
    }
}
