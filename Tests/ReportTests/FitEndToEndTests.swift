import Foundation
import Testing
@testable import Report

/// `report fit` from data to charts and predictions, and the rules that protect the user's files.
@Suite struct FitEndToEndTests {
    /// Width and height from a PNG's IHDR chunk, or nil if the bytes are not a PNG.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        guard bytes.count > 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else { return nil }
        func integer(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (integer(16), integer(20))
    }

    @Test func fitsWritesChartsAndPredicts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let new = try folder.file("new.csv", "name,petal_length_cm,petal_width_cm\n\"small, pale\",1.4,0.2\nmid,4.5,1.4\nbig,6.1,2.3\n")
        let charts = folder.path("charts"), out = folder.path("predicted.csv")
        let run = runFit(["logistic-regression", "--data", datasetPath("iris.csv"), "--target", "species",
                          "--features", "petal_length_cm,petal_width_cm", "--charts", charts, "--format", "png,svg",
                          "--chart-scale", "2", "--predict", new, "--output-predictions", out])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let stems = ["cost", "decision-regions", "confusion-matrix"]
        let files = try FileManager.default.contentsOfDirectory(atPath: charts).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == stems.flatMap { ["\($0).png", "\($0).svg"] }.sorted())
        for stem in stems {
            let png = try Data(contentsOf: URL(fileURLWithPath: charts).appendingPathComponent("\(stem).png"))
            let size = try #require(Self.pngSize(png), "\(stem).png is a PNG")
            #expect(size.width >= 1000 && size.height >= 900, "2x scale: \(size)")
            let svg = try String(contentsOfFile: charts + "/\(stem).svg", encoding: .utf8)
            #expect(svg.contains("<svg"))
        }
        #expect(run.stdout.contains("chart: \(charts)/decision-regions.png"))
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.first == "name,petal_length_cm,petal_width_cm,predicted_species,probability_0,probability_1,probability_2")
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("\"small, pale\",1.4,0.2,0,"))
        #expect(lines[2].hasPrefix("mid,4.5,1.4,1,"))
        #expect(lines[3].hasPrefix("big,6.1,2.3,2,"))
        let probabilities = lines[1].split(separator: ",").suffix(3).compactMap { Double($0) }
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-9)
        #expect(try folder.contents() == ["charts", "new.csv", "predicted.csv"], "no staging folder or temporary file left")
    }

    @Test func predictionsGoToStdoutAndTheSummaryToStderr() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let new = try folder.file("new.csv", "size_sqft,bedrooms,floors,age_years\n1244,3,1,64\n")
        let run = runFit(["linear-regression", "--data", datasetPath("houses.csv"), "--target", "price_1000usd",
                          "--solver", "normal", "--test-fraction", "0", "--predict", new])
        #expect(run.exitCode == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        #expect(lines[0] == "size_sqft,bedrooms,floors,age_years,predicted_price_1000usd")
        // sklearn's prediction for the first house of the file (the fixture's first of five).
        let predicted = try #require(Double(lines[1].split(separator: ",").last.map(String.init) ?? ""))
        #expect(abs(predicted - 295.17615301448836) < 1e-6)
        #expect(run.stderr.contains("linear-regression on houses.csv"))
    }

    @Test func aFolderOfTheUsersFilesIsNeverReplaced() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let notes = folder.url.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try Data("my lecture".utf8).write(to: notes.appendingPathComponent("lecture.md"))
        let run = runFit(["knn", "--data", datasetPath("iris.csv"), "--target", "species", "--charts", notes.path])
        #expect(run.exitCode == 73)
        #expect(run.stderr.contains("refusing to write charts into \(notes.path)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path) == ["lecture.md"])
        #expect(try folder.contents() == ["notes"], "no staging folder left beside it")
    }

    @Test func aChartsFolderWrittenBeforeIsReplacedWhole() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let charts = folder.path("charts")
        let regression = runFit(["linear-regression", "--data", datasetPath("ex1data1.csv"), "--target", "profit_10k_usd",
                                 "--charts", charts])
        #expect(regression.exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: charts + "/fit.png"))
        let tree = runFit(["decision-tree", "--data", datasetPath("iris.csv"), "--target", "species", "--charts", charts])
        #expect(tree.exitCode == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: charts).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == ["confusion-matrix.png", "feature-importances.png"], "the previous run's charts are gone")
    }

    @Test func anExistingPredictionsFileNeedsOverwrite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = try folder.file("out.csv", "keep me\n")
        let new = try folder.file("new.csv", "population_10k\n7\n")
        let base = ["linear-regression", "--data", datasetPath("ex1data1.csv"), "--target", "profit_10k_usd",
                    "--predict", new, "--output-predictions", out]
        let refused = runFit(base)
        #expect(refused.exitCode == 73 && refused.stderr.contains("--overwrite"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep me\n")
        let replaced = runFit(base + ["--overwrite"])
        #expect(replaced.exitCode == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("population_10k,predicted_profit_10k_usd\n7,"))
        let input = runFit(["linear-regression", "--data", datasetPath("ex1data1.csv"), "--target", "profit_10k_usd",
                            "--predict", new, "--output-predictions", new, "--overwrite"])
        #expect(input.exitCode == 73 && input.stderr.contains("it is an input file"))
    }
}

/// Which charts each kind of fit draws.
@Suite struct FitChartSetTests {
    static let cases: [(arguments: [String], stems: [String])] = [
        (["linear-regression", "--data", datasetPath("ex1data1.csv"), "--target", "profit_10k_usd"],
         ["cost", "fit", "residuals"]),
        (["linear-regression", "--data", datasetPath("houses.csv"), "--target", "price_1000usd", "--solver", "normal"],
         ["predicted-vs-actual", "residuals", "weights"]),
        (["logistic-regression", "--data", datasetPath("ex2data1.csv"), "--target", "admitted", "--features", "exam1_score"],
         ["cost", "probability", "confusion-matrix"]),
        (["knn", "--data", datasetPath("iris.csv"), "--target", "species", "--features", "sepal_length_cm,sepal_width_cm"],
         ["decision-regions", "confusion-matrix"]),
        (["decision-tree", "--data", datasetPath("wine.csv"), "--target", "cultivar", "--max-depth", "2"],
         ["confusion-matrix", "feature-importances"]),
        (["svm", "--data", datasetPath("iris.csv"), "--target", "species", "--features", "petal_length_cm,petal_width_cm"],
         ["decision-regions", "confusion-matrix"]),
        (["neural-network", "--data", datasetPath("ex1data1.csv"), "--target", "profit_10k_usd", "--hidden", "8",
          "--epochs", "30", "--learning-rate", "0.05", "--batch-size", "16"],
         ["cost", "fit", "residuals"]),
    ]

    @Test(arguments: cases)
    func chartsForTheFit(arguments: [String], stems: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let charts = folder.path("charts")
        let run = runFit(arguments + ["--charts", charts])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: charts).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == stems.map { "\($0).png" }.sorted())
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: charts).appendingPathComponent(file))
            #expect(FitEndToEndTests.pngSize(data) != nil, "\(file) is a PNG")
        }
    }
}
