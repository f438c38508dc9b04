import Foundation
import Models
import Testing
@testable import Report

/// Chapter 10 with real values. Tolerances: the mushroom gains are checked against a hand
/// calculation to 1e-12; root gains against scikit-learn as printed (4 decimals). Known tie: on
/// iris, petal length and petal width isolate setosa equally well, so our root (first feature)
/// and sklearn's (random feature order) differ while their gains agree, and the deeper iris trees
/// may differ in shape (test accuracy within 1 of 45 rows). Breast-cancer trees deeper than 3 hit
/// exactly-equal gains further down (see KNeighborsTreeReferenceTests): leaves and training accuracy
/// still agree exactly, test accuracy within 3 of 143 rows.
@Suite struct DecisionTreesChapterTests {
    let chapter = DecisionTreesChapter()

    @Test func buildsPlacesAndRendersEveryItem() throws {
        #expect(ChapterRegistry.plannedIDs[chapter.number - 1] == chapter.id)
        #expect(ChapterRegistry.standard.chapter(withID: chapter.id) != nil)
        var coarse = chapter
        coarse.gridResolution = 40
        let (page, built) = try NeighboursTreesTestSupport.buildAndAssemble(coarse)
        #expect(page.figures.map(\.stem)
            == ["impurity-curves", "mushroom-gains", "tree-diagram", "regions-by-depth", "accuracy-vs-depth"])
        #expect(page.tables.map(\.name) == ["mushroom-gains", "root-splits", "depth-accuracy"])
        #expect(page.code.count == 2 && built.figures.count == 5)
        let files = try NeighboursTreesTestSupport.renderPNGs(page)
        for figure in page.figures {
            #expect(NeighboursTreesTestSupport.isPNG(try #require(files[figure.stem]), width: figure.width, height: figure.height), "\(figure.stem)")
        }
    }

    /// Entropy in bits of a node with `positives` of `count` examples, written out independently.
    static func bits(_ positives: Double, _ count: Double) -> Double {
        let p = positives / count
        return [p, 1 - p].filter { $0 > 0 }.reduce(0) { $0 - $1 * log2($1) }
    }

    @Test func mushroomGainsMatchAHandCalculation() throws {
        let splits = try CategoricalSplit.allColumns(of: DecisionTreesChapter.mushroomTable,
                                                     labels: DecisionTreesChapter.mushroomEdible)
        // brown cap: 4 of 7 edible vs 1 of 3; tapering stalk: 3 of 4 vs 2 of 6; solitary: 4 of 5 vs 1 of 5.
        let sides: [(Double, Double, Double, Double)] = [(4, 7, 1, 3), (3, 4, 2, 6), (4, 5, 1, 5)]
        for (split, side) in zip(splits, sides) {
            let expected = 1 - (side.1 / 10 * Self.bits(side.0, side.1) + side.3 / 10 * Self.bits(side.2, side.3))
            #expect(abs(split.gain - expected) < 1e-12)
        }
        let table = chapter.mushroomTable(splits)
        #expect(table.rows.map { $0[5] } == ["0.035", "0.125", "0.278"])
        #expect(table.rows.map { $0[1] } == ["4 of 7", "3 of 4", "4 of 5"])
        // The pitfall column: each side's entropy taken on the whole table makes every gain zero.
        #expect(table.rows.allSatisfy { $0[6] == "0.000" })
    }

    static func experiments() throws -> [(ClassificationSplit, NeighboursTreesReference.TreeClassifiers)] {
        let reference = try NeighboursTreesReference.shared()
        return try ["iris", "breast_cancer"].map { name in
            let entry = try reference.trees(on: name)
            let data = try ClassificationSplit(name == "iris" ? .iris : .breastCancer, features: entry.features,
                                               target: entry.target, split: entry.split)
            return (data, entry)
        }
    }

    @Test func rootSplitsAgreeWithScikitLearn() throws {
        let table = try chapter.rootSplitTable(try Self.experiments())
        #expect(table.rows.count == 4)
        for row in table.rows {
            #expect(row[4] == row[5], "gain \(row[0]) \(row[1])")
            if row[0] == "iris" {
                #expect(row[2] == "petal length (cm) ≤ 2.35" && row[3] == "petal width (cm) ≤ 0.8")
            } else {
                #expect(row[2] == row[3] && row[2] == "worst perimeter ≤ 106.1")
            }
        }
    }

    @Test func accuraciesByDepthAgreeWithScikitLearn() throws {
        let experiments = try Self.experiments()
        let table = try chapter.accuracyTable(experiments)
        #expect(table.rows.count == 12)
        for row in table.rows {
            let label = "\(row[0]) depth \(row[1])"
            #expect(row[2] == row[3], "leaves \(label)")
            #expect(row[4] == row[5], "train \(label)")
            let shallow = Int(row[1]).map { $0 <= 3 } ?? false
            let allowance = shallow ? 0 : (row[0] == "iris" ? 1.0 / 45 : 3.0 / 143) + 0.001
            #expect(abs(Double(row[6])! - Double(row[7])!) <= allowance, "test \(label)")
        }
        // Unlimited depth memorises: perfect training accuracy on both data sets.
        #expect(table.rows.filter { $0[1] == "unlimited" }.allSatisfy { $0[4] == "1.000" })
    }

    @Test func diagramShowsEachNodesQuestionAndCounts() throws {
        let iris = try Self.experiments()[0].0
        let tree = try DecisionTreeClassifier(maxDepth: DecisionTreesChapter.diagramDepth).fit(iris.trainX, iris.trainY).tree
        let diagram = TreeDiagramFigure(
            tree: tree, featureNames: DecisionTreesChapter.irisFeatureNames.map(DecisionTreesChapter.withoutUnit),
            unit: "cm", classNames: DecisionTreesChapter.speciesNames, impurityName: "gini")
        #expect(diagram.lines(for: tree.nodes[0]) == ["petal length ≤ 2.35 cm", "gini = 0.667", "samples = 105",
                                                      "counts = [35, 35, 35]", "class = setosa"])
        #expect(diagram.lines(for: tree.nodes[1]) == ["gini = 0", "samples = 35", "counts = [35, 0, 0]", "class = setosa"])
        let x = diagram.nodePositions()
        let leaves = tree.nodes.filter(\.isLeaf).map { x[$0.id] }
        #expect(leaves == (0..<tree.leafCount).map(Double.init))
        for node in tree.nodes where !node.isLeaf {
            #expect(x[node.id] == (x[node.left!] + x[node.right!]) / 2)
        }
        #expect(TreeDiagramFigure.format(2.3500000238418579) == "2.35" && TreeDiagramFigure.format(-0.00001) == "0")
    }
}
