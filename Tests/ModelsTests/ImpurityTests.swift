import Foundation
import Testing
@testable import Models

@Suite struct ImpurityTests {
    @Test func entropyKnownValues() {
        #expect(entropy(0.5) == 1)
        #expect(entropy(0) == 0)
        #expect(entropy(1) == 0)
        let quarter = -(0.25 * log2(0.25) + 0.75 * log2(0.75))
        #expect(abs(entropy(0.25) - quarter) < 1e-15)
        #expect(abs(entropy(0.25) - 0.8112781244591328) < 1e-15)
        #expect(abs(entropy(0.3) - entropy(0.7)) < 1e-15)
    }

    @Test func giniKnownValues() {
        #expect(gini(0.5) == 0.5)
        #expect(gini(0) == 0 && gini(1) == 0)
        #expect(abs(gini(0.25) - 0.375) < 1e-15)
        #expect(abs(gini(counts: [1, 1, 1]) - 2.0 / 3.0) < 1e-15)
        #expect(abs(entropy(counts: [2, 2, 2, 2]) - 2) < 1e-15)
        #expect(gini(counts: [5, 0]) == 0)
    }

    /// The chapter's mushroom table: brown cap, tapering stalk, solitary; edible label.
    static let mushrooms: [[Int]] = [
        [1, 1, 1], [1, 0, 1], [1, 0, 0], [1, 0, 0], [1, 1, 1],
        [0, 1, 1], [0, 0, 0], [1, 0, 1], [0, 1, 0], [1, 0, 0],
    ]
    static let edible = [1, 1, 0, 0, 1, 0, 0, 1, 1, 0]

    /// Binary entropy written out here, independently of the library.
    static func h(_ p: Double) -> Double {
        p == 0 || p == 1 ? 0 : -p * log2(p) - (1 - p) * log2(1 - p)
    }

    @Test func mushroomInformationGainsByHand() throws {
        let splits = try CategoricalSplit.allColumns(of: Self.mushrooms, labels: Self.edible)
        // Counted by hand from the table: (examples with feature = 1, edible among them), and the rest.
        // Brown cap: 7 with 4 edible | 3 with 1 edible.
        let brown = 1 - (7.0 / 10 * Self.h(4.0 / 7) + 3.0 / 10 * Self.h(1.0 / 3))
        // Tapering stalk: 4 with 3 edible | 6 with 2 edible.
        let tapering = 1 - (4.0 / 10 * Self.h(3.0 / 4) + 6.0 / 10 * Self.h(2.0 / 6))
        // Solitary: 5 with 4 edible | 5 with 1 edible.
        let solitary = 1 - (5.0 / 10 * Self.h(4.0 / 5) + 5.0 / 10 * Self.h(1.0 / 5))
        #expect(abs(splits[0].gain - brown) < 1e-15)
        #expect(abs(splits[1].gain - tapering) < 1e-15)
        #expect(abs(splits[2].gain - solitary) < 1e-15)
        // The values the chapter quotes, to four decimals.
        #expect(abs(splits[0].gain - 0.0349) < 5e-5)
        #expect(abs(splits[1].gain - 0.1245) < 5e-5)
        #expect(abs(splits[2].gain - 0.2781) < 5e-5)
        // Intermediate numbers for the figure.
        #expect(splits[0].leftCount == 7 && splits[0].leftPositives == 4)
        #expect(splits[0].rightCount == 3 && splits[0].rightPositives == 1)
        #expect(splits[2].parentImpurity == 1)
        #expect(abs(splits[2].leftWeight - 0.5) < 1e-15)
    }

    @Test func giniGainOfAPerfectSplit() throws {
        let split = try CategoricalSplit(feature: [1, 1, 0, 0], labels: [1, 1, 0, 0], criterion: .gini)
        #expect(split.gain == 0.5)
        #expect(split.leftImpurity == 0 && split.rightImpurity == 0)
    }

    @Test func categoricalSplitErrors() {
        #expect(throws: ModelError.self) { try CategoricalSplit(feature: [], labels: []) }
        #expect(throws: ModelError.self) { try CategoricalSplit(feature: [1, 0], labels: [1]) }
        #expect(throws: ModelError.self) { try CategoricalSplit(feature: [2, 0], labels: [1, 0]) }
        #expect(throws: ModelError.self) { try CategoricalSplit.allColumns(of: [[1, 0], [1]], labels: [1, 0]) }
    }
}
