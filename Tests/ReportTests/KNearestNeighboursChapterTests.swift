import Foundation
import Models
import Testing
@testable import Report

/// Chapter 9 with real values. Tolerances: accuracies are compared exactly as printed (3 decimals),
/// except on the fixture's "distance tie" rows (Manhattan k = 5: row 134; k = 15: row 123), where
/// sklearn kept a different one of several equally far training flowers; there the test accuracy
/// may differ by one row in 45.
@Suite struct KNearestNeighboursChapterTests {
    let chapter = KNearestNeighboursChapter()

    @Test func buildsPlacesAndRendersEveryItem() throws {
        #expect(ChapterRegistry.plannedIDs[chapter.number - 1] == chapter.id)
        #expect(ChapterRegistry.standard.chapter(withID: chapter.id) != nil)
        // A coarse grid keeps the test fast; the figures are otherwise those of the report.
        var coarse = chapter
        coarse.gridResolution = 40
        let (page, built) = try NeighboursTreesTestSupport.buildAndAssemble(coarse)
        #expect(page.figures.map(\.stem) == ["query-neighbours", "regions-by-k", "accuracy-vs-k", "scaling-effect"])
        #expect(page.tables.map(\.name) == ["iris-accuracy", "scaling-accuracy", "vote-ties"])
        #expect(built.figures.count == 4)
        let files = try NeighboursTreesTestSupport.renderPNGs(page)
        for figure in page.figures {
            #expect(NeighboursTreesTestSupport.isPNG(try #require(files[figure.stem]), width: figure.width, height: figure.height), "\(figure.stem)")
            #expect(!figure.altText.isEmpty && !figure.caption.isEmpty)
        }
    }

    @Test func irisTableAgreesWithScikitLearn() throws {
        let reference = try NeighboursTreesReference.shared().experiments.irisKnn
        let data = try ClassificationSplit(.iris, features: reference.features, target: reference.target,
                                           split: reference.split)
        #expect(data.trainY.count == 105 && data.testY.count == 45)
        let table = try chapter.irisReferenceTable(data, reference: reference)
        #expect(table.rows.count == 10)
        var tieRows: [String: String] = [:]
        for row in table.rows {
            let label = "\(row[0]) k=\(row[1])"
            #expect(row[2] == row[3], "train \(label)")
            if row[6] == "none" {
                #expect(row[4] == row[5], "test \(label)")
            } else {
                tieRows[label] = row[6]
                #expect(abs(Double(row[4])! - Double(row[5])!) <= 1.0 / 45 + 0.001, "test \(label)")
            }
        }
        #expect(tieRows == ["manhattan k=5": "row 134", "manhattan k=15": "row 123"])
        // k = 1 memorises: every training flower is its own nearest neighbour.
        #expect(table.rows.filter { $0[1] == "1" }.allSatisfy { $0[2] == "1.000" })
    }

    @Test func evenKTiesExplainTheDipAtTwo() throws {
        let reference = try NeighboursTreesReference.shared().experiments.irisKnn
        let data = try ClassificationSplit(.iris, features: reference.features, target: reference.target,
                                           split: reference.split)
        let rows = try chapter.voteTiesTable(data).rows
        #expect(rows.map { $0[0] } == (1...8).map(String.init))
        // k = 2: three test flowers tie 1-1 and go to the lower class; accuracy drops to 0.933.
        #expect(rows[1][1] == "3" && rows[1][2] == "0.933")
        #expect(rows.filter { Int($0[0])! % 2 == 1 }.allSatisfy { $0[1] == "0" })
    }

    @Test func queryNeighboursVoteAsDrawn() throws {
        let reference = try NeighboursTreesReference.shared().experiments.irisKnn
        let plane = try ClassificationSplit(.iris, features: KNearestNeighboursChapter.planeFeatures,
                                            target: reference.target, split: reference.split)
        let query = Matrix([[KNearestNeighboursChapter.query.x, KNearestNeighboursChapter.query.y]])
        var answers: [[Int]] = []
        for algorithm in [NeighborSearchAlgorithm.bruteForce, .kdTree] {
            let model = try KNeighborsClassifier(k: KNearestNeighboursChapter.queryK, algorithm: algorithm)
                .fit(plane.trainX, plane.trainY)
            let rows = try model.kneighbors(of: query).indices(ofQuery: 0)
            answers.append(rows)
            let votes = rows.map { plane.trainY[$0] }
            #expect(votes.filter { $0 == 1 }.count == 4 && votes.filter { $0 == 2 }.count == 1)
            #expect(try model.predict(query) == [1])
            // Two of the five share the spot (4.9 cm, 1.5 cm), hence the "2 flowers" label on the figure.
            #expect(rows.filter { plane.trainX[$0, 0] == 4.9 && plane.trainX[$0, 1] == 1.5 }.count == 2)
        }
        #expect(answers[0] == answers[1])
    }

    @Test func rawWineDistancesIgnoreHue() throws {
        let wine = try WineScalingExperiment(seed: 42, k: 5, planeFeatures: ["proline", "hue"])
        #expect(wine.all.trainX.columns == 13)
        let raw = try KNeighborsClassifier(k: 5).fit(wine.plane.trainX, wine.plane.trainY)
        let scaler = try StandardScaler.fit(wine.plane.trainX)
        let scaled = try KNeighborsClassifier(k: 5).fit(try scaler.transform(wine.plane.trainX), wine.plane.trainY)
        let prolines = stride(from: 300.0, through: 1700.0, by: 10.0).map { $0 + 0.5 }
        func changed(_ predict: (Matrix) throws -> [Int]) throws -> Int {
            let low = try predict(Matrix(prolines.map { [$0, 0.5] }))
            let high = try predict(Matrix(prolines.map { [$0, 1.7] }))
            return zip(low, high).filter { $0 != $1 }.count
        }
        // Raw: moving hue across its whole range changes a prediction only where two training
        // wines are almost equally far in proline (6 of 141 queries at seed 42); z-scored: most.
        let rawChanges = try changed { try raw.predict($0) }
        let scaledChanges = try changed { try scaled.predict(try scaler.transform($0)) }
        #expect(rawChanges * 10 < prolines.count && scaledChanges * 2 > prolines.count, "raw \(rawChanges), z-scored \(scaledChanges) of \(prolines.count)")
        let before = try wine.accuracies(wine.all, scaled: false), after = try wine.accuracies(wine.all, scaled: true)
        #expect(after.test - before.test > 0.15, "raw \(before.test), z-scored \(after.test)")
        #expect(after.train > before.train)
    }
}
