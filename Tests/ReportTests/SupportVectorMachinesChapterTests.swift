import Foundation
import Models
import Testing
@testable import Report

/// Chapter 11 with real values: the linear SVM on setosa vs. versicolor has scikit-learn's
/// support vectors, weights and margin; the RBF fits on the stored moons and on breast cancer
/// match scikit-learn's support-vector counts and accuracies; every figure renders.
@Suite struct SupportVectorMachinesChapterTests {
    let chapter = SupportVectorMachinesChapter()

    @Test func buildsPlacesAndRendersEveryItem() throws {
        #expect(ChapterRegistry.plannedIDs[chapter.number - 1] == chapter.id)
        #expect(ChapterRegistry.standard.chapter(withID: chapter.id) != nil)
        var coarse = chapter
        coarse.gridResolution = 40
        let (page, built) = try NeighboursTreesTestSupport.buildAndAssemble(coarse)
        #expect(page.figures.map(\.stem) == ["max-margin", "hinge-vs-log-loss", "effect-of-c", "rbf-gamma"])
        #expect(page.tables.map(\.name) == ["linear-iris", "rbf-moons", "breast-cancer"])
        #expect(built.figures.count == 4)
        let files = try NeighboursTreesTestSupport.renderPNGs(page)
        for figure in page.figures {
            #expect(NeighboursTreesTestSupport.isPNG(try #require(files[figure.stem]), width: figure.width, height: figure.height), "\(figure.stem)")
            #expect(!figure.altText.isEmpty && !figure.caption.isEmpty)
        }
    }

    @Test(arguments: [0, 1])
    func linearIrisMatchesScikitLearn(fit: Int) throws {
        let reference = try SklearnReference.shared()
        let key = ["experiments", "svm_linear_iris", "fits", "\(fit)"]
        let data = try SupportVectorData.irisSetosaVersicolor()
        #expect(data.y.count == 100)
        let c = try reference.number(key + ["C"])
        let machine = try SupportVectorMachinesChapter.binary(
            try SupportVectorClassifier(c: c, kernel: .linear, tolerance: 1e-8).fit(data.x, data.y))
        let w = try #require(machine.weights)
        let skW = try reference.numbers(key + ["w"])
        #expect(abs(w[0] - skW[0]) < 1e-5 && abs(w[1] - skW[1]) < 1e-5)
        #expect(abs(try #require(machine.marginWidth) - reference.number(key + ["margin_width"])) < 1e-5)
        let interval = try reference.numbers(key + ["b_interval"])
        #expect(machine.intercept >= interval[0] - 1e-6 && machine.intercept <= interval[1] + 1e-6)
        // Support vectors by coordinates (petal measurements repeat, so indices may differ).
        let ours = SupportVectorMachinesChapter.pointList(machine.supportVectors)
        let theirs = SupportVectorMachinesChapter.pointList(
            Matrix(try SupportVectorMachinesChapter.pointRows(reference, key + ["support_vectors"])))
        #expect(ours == theirs)
        #expect(ours == "(1.9, 0.4), (3, 1.1)")
    }

    @Test func moonsAndBreastCancerAgreeWithScikitLearn() throws {
        let moons = try chapter.moonsTable(try SupportVectorData.fixtureMoons())
        #expect(moons.rows.count == 5)
        for row in moons.rows {
            #expect(row[2] == row[3], "support vectors at C = \(row[0]), gamma = \(row[1])")
            #expect(row[4] == row[5], "train accuracy at C = \(row[0]), gamma = \(row[1])")
            #expect(abs(Double(row[6])! - Double(row[7])!) < 1e-3, "f(0, 0) at C = \(row[0]), gamma = \(row[1])")
        }
        let cancer = try BreastCancerSVMExperiment().table()
        #expect(cancer.rows.count == 3)
        for row in cancer.rows.prefix(2) {
            #expect(row[1] == row[2] && row[3] == row[4] && row[5] == row[6], "\(row[0])")
            #expect(row[7] == "0")
        }
        // The pitfall row: unscaled features do worse on the test set than z-scored ones.
        #expect(Double(cancer.rows[2][5])! < Double(cancer.rows[0][5])!)
    }

    @Test func largerCGivesANarrowerStreetWithFewerSupportVectors() throws {
        let data = try SupportVectorData.irisVersicolorVirginica()
        let machines = try SupportVectorMachinesChapter.overlapCs.map {
            try SupportVectorMachinesChapter.binary(try SupportVectorClassifier(c: $0, kernel: .linear).fit(data.x, data.y))
        }
        let widths = machines.compactMap(\.marginWidth), counts = machines.map(\.supportIndices.count)
        #expect(widths.count == 3 && widths[0] > widths[1] && widths[1] > widths[2])
        #expect(counts[0] > counts[1] && counts[1] > counts[2])
    }
}
