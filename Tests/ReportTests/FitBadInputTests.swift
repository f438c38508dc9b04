import Foundation
import Testing
@testable import Report

/// One bad input for `report fit`: a data file (nil: none), the arguments (`DATA` stands for its
/// path), the exit code and the pieces the message must contain.
struct BadFitInput: CustomStringConvertible, Sendable {
    let description: String
    let csv: String?
    let arguments: [String]
    let exitCode: Int32
    let message: [String]
}

@Suite struct FitBadInputTests {
    static let line = "x,y\n1,2\n2,4.1\n3,5.9\n4,8.2\n5,9.8\n"

    /// Ten features and a target over six rows.
    static let wide: String = {
        var text = "a,b,c,d,e,f,g,h,i,j,y\n"
        for i in 0..<6 {
            let cells: [String] = (0..<11).map { j in String((j * 7 + i * 3) % 10) }
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }()

    static let cases: [BadFitInput] = [
        BadFitInput(description: "missing file", csv: nil, arguments: ["linear-regression", "--target", "y"],
                    exitCode: 66, message: ["data.csv", "no such file"]),
        BadFitInput(description: "empty file", csv: "", arguments: ["linear-regression", "--target", "y"],
                    exitCode: 65, message: ["data.csv: the file is empty"]),
        BadFitInput(description: "header only", csv: "x,y\n", arguments: ["linear-regression", "--target", "y"],
                    exitCode: 65, message: ["data.csv, line 2:", "no data rows"]),
        BadFitInput(description: "ragged row", csv: "x,y\n1,2\n3,4,5\n6,7\n", arguments: ["linear-regression", "--target", "y"],
                    exitCode: 65, message: ["data.csv, line 3, column 3:", "expected 2 fields"]),
        BadFitInput(description: "short row", csv: "x,y\n1,2\n3,4\n6\n", arguments: ["linear-regression", "--target", "y"],
                    exitCode: 65, message: ["data.csv, line 4, column 2:", "has 1"]),
        BadFitInput(description: "non-numeric feature cell", csv: "x,y\n1,2\n2,3\nabc,4\n5,6\n6,7\n",
                    arguments: ["linear-regression", "--target", "y", "--features", "x"],
                    exitCode: 65, message: ["data.csv, line 4, column 1:", "\"abc\""]),
        BadFitInput(description: "non-numeric target cell", csv: "x,y\n1,2\n2,3\n3,four\n5,6\n6,7\n",
                    arguments: ["linear-regression", "--target", "y"],
                    exitCode: 65, message: ["data.csv, line 4, column 2:", "\"four\"", "regression target"]),
        BadFitInput(description: "NaN cell", csv: "x,y\n1,2\n2,NaN\n3,4\n4,5\n5,6\n", arguments: ["linear-regression", "--target", "y"],
                    exitCode: 65, message: ["data.csv, line 3, column 2:", "missing value", "--drop-missing"]),
        BadFitInput(description: "empty cell", csv: "x,y\n1,2\n,3\n3,4\n4,5\n5,6\n",
                    arguments: ["linear-regression", "--target", "y", "--features", "x"],
                    exitCode: 65, message: ["data.csv, line 3, column 1:", "missing value"]),
        BadFitInput(description: "infinity", csv: "x,y\n1,2\ninf,3\n3,4\n4,5\n5,6\n",
                    arguments: ["linear-regression", "--target", "y", "--features", "x"],
                    exitCode: 65, message: ["data.csv, line 3, column 1:", "infinite"]),
        BadFitInput(description: "number too large to be finite", csv: "x,y\n1,2\n1e999,3\n3,4\n4,5\n5,6\n",
                    arguments: ["linear-regression", "--target", "y", "--features", "x"],
                    exitCode: 65, message: ["data.csv, line 3, column 1:", "1e999"]),
        BadFitInput(description: "unterminated quote", csv: "x,y\n1,2\n\"3,4\n5,6\n",
                    arguments: ["linear-regression", "--target", "y"],
                    exitCode: 65, message: ["data.csv, line 3", "never closed"]),
        BadFitInput(description: "unknown target", csv: line, arguments: ["linear-regression", "--target", "price"],
                    exitCode: 64, message: ["data.csv: there is no column \"price\" (given to --target)", "\"x\", \"y\""]),
        BadFitInput(description: "unknown feature", csv: line, arguments: ["linear-regression", "--target", "y", "--features", "x,z"],
                    exitCode: 64, message: ["no column \"z\"", "--features"]),
        BadFitInput(description: "target among the features", csv: line,
                    arguments: ["linear-regression", "--target", "y", "--features", "x,y"],
                    exitCode: 64, message: ["\"y\" is the target"]),
        BadFitInput(description: "one class", csv: "x,label\n1,a\n2,a\n3,a\n4,a\n5,a\n",
                    arguments: ["logistic-regression", "--target", "label"],
                    exitCode: 65, message: ["data.csv:", "single class (\"a\")"]),
        BadFitInput(description: "measurements as class labels", csv: "x,y\n1,0.5\n2,1\n3,1.5\n4,2\n5,2.5\n",
                    arguments: ["logistic-regression", "--target", "y"],
                    exitCode: 65, message: ["data.csv, line 2, column 2:", "class labels"]),
        BadFitInput(description: "more features than rows (normal equation)",
                    csv: "a,b,c,d,y\n1,2,3,4,5\n2,3,1,5,6\n3,1,2,2,7\n",
                    arguments: ["linear-regression", "--target", "y", "--solver", "normal", "--test-fraction", "0"],
                    exitCode: 65, message: ["normal equation", "--l2"]),
        BadFitInput(description: "degree that explodes the columns",
                    csv: wide,
                    arguments: ["linear-regression", "--target", "y", "--degree", "10"],
                    exitCode: 65, message: ["--degree 10"]),
        BadFitInput(description: "every feature constant", csv: "x,y\n1,2\n1,3\n1,4\n1,5\n1,6\n",
                    arguments: ["linear-regression", "--target", "y"],
                    exitCode: 65, message: ["every feature is constant"]),
        BadFitInput(description: "too few rows to split", csv: "x,y\n1,2\n2,3\n",
                    arguments: ["linear-regression", "--target", "y"],
                    exitCode: 65, message: ["--test-fraction 0.2", "--test-fraction 0"]),
        BadFitInput(description: "negative k", csv: line, arguments: ["knn", "--target", "y", "--neighbors=-3"],
                    exitCode: 64, message: ["--neighbors must be at least 1"]),
        BadFitInput(description: "k above the training rows", csv: line, arguments: ["knn", "--target", "y", "--neighbors", "50"],
                    exitCode: 65, message: ["--neighbors 50", "training row"]),
        BadFitInput(description: "degree 0", csv: line, arguments: ["linear-regression", "--target", "y", "--degree", "0"],
                    exitCode: 64, message: ["--degree must be between 1"]),
        BadFitInput(description: "negative learning rate", csv: line,
                    arguments: ["linear-regression", "--target", "y", "--learning-rate=-0.1"],
                    exitCode: 64, message: ["--learning-rate must be a positive number"]),
        BadFitInput(description: "zero iterations", csv: line, arguments: ["logistic-regression", "--target", "y", "--iterations", "0"],
                    exitCode: 64, message: ["--iterations must be between 1"]),
        BadFitInput(description: "test fraction 1", csv: line, arguments: ["knn", "--target", "y", "--test-fraction", "1"],
                    exitCode: 64, message: ["--test-fraction must be"]),
        BadFitInput(description: "max depth 0", csv: line, arguments: ["decision-tree", "--target", "y", "--max-depth", "0"],
                    exitCode: 64, message: ["--max-depth must be at least 1"]),
        BadFitInput(description: "negative l2", csv: line,
                    arguments: ["linear-regression", "--target", "y", "--solver", "normal", "--l2=-1"],
                    exitCode: 64, message: ["--l2 must be a number >= 0"]),
        BadFitInput(description: "option of another model", csv: line, arguments: ["linear-regression", "--target", "y", "--neighbors", "3"],
                    exitCode: 64, message: ["--neighbors does not apply to linear-regression", "knn"]),
        BadFitInput(description: "option of another solver", csv: line, arguments: ["linear-regression", "--target", "y", "--l2", "1"],
                    exitCode: 64, message: ["--l2 does not apply to linear-regression with --solver gd", "--solver normal"]),
        BadFitInput(description: "gamma with a linear kernel", csv: line,
                    arguments: ["svm", "--target", "y", "--kernel", "linear", "--gamma", "2"],
                    exitCode: 64, message: ["--gamma does not apply to svm with --kernel linear"]),
        BadFitInput(description: "C of zero", csv: line, arguments: ["svm", "--target", "y", "--c", "0"],
                    exitCode: 64, message: ["--c must be a positive number"]),
        BadFitInput(description: "empty hidden layer", csv: line, arguments: ["neural-network", "--target", "y", "--hidden", "8,0"],
                    exitCode: 64, message: ["--hidden takes 1 to 10 layer sizes"]),
        BadFitInput(description: "hidden layers that are not numbers", csv: line,
                    arguments: ["neural-network", "--target", "y", "--hidden", "wide"],
                    exitCode: 64, message: ["--hidden takes whole numbers"]),
        BadFitInput(description: "svm on measurements", csv: "x,y\n1,0.5\n2,1\n3,1.5\n4,2\n5,2.5\n",
                    arguments: ["svm", "--target", "y"],
                    exitCode: 65, message: ["data.csv, line 2, column 2:", "class labels"]),
        BadFitInput(description: "unknown model", csv: line, arguments: ["random-forest", "--target", "y"],
                    exitCode: 64, message: ["random-forest"]),
        BadFitInput(description: "chart scale 9", csv: line,
                    arguments: ["linear-regression", "--target", "y", "--chart-scale", "9"],
                    exitCode: 64, message: ["--chart-scale must be between 1 and 4"]),
        BadFitInput(description: "json and predictions on stdout", csv: line,
                    arguments: ["linear-regression", "--target", "y", "--json", "--predict", "DATA"],
                    exitCode: 64, message: ["--output-predictions"]),
    ]

    @Test(arguments: cases)
    func badInputFailsClearlyAndWritesNothing(_ input: BadFitInput) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let data = folder.path("data.csv")
        if let csv = input.csv { try folder.file("data.csv", csv) }
        let charts = folder.path("charts")
        var arguments = input.arguments.map { $0 == "DATA" ? data : $0 }
        arguments.insert(contentsOf: ["--data", data], at: 1)
        arguments += ["--charts", charts]
        let before = try folder.contents()
        let run = runFit(arguments)
        #expect(run.exitCode == input.exitCode, "\(run.stderr)")
        #expect(run.output.isEmpty, "nothing on stdout: \(run.stdout)")
        for piece in input.message {
            #expect(run.stderr.contains(piece), "'\(piece)' missing from: \(run.stderr)")
        }
        #expect(try folder.contents() == before, "no file or folder left behind")
    }

    @Test func predictionFileWithoutAFeatureColumnNamesIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let data = try folder.file("data.csv", Self.line)
        let new = try folder.file("new.csv", "z\n1\n")
        let out = folder.path("out.csv")
        let run = runFit(["linear-regression", "--data", data, "--target", "y", "--predict", new,
                          "--output-predictions", out, "--charts", folder.path("charts")])
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains("new.csv: there is no column \"x\""))
        #expect(try folder.contents() == ["data.csv", "new.csv"])
    }

    @Test func predictionFileWithABadCellNamesItsLineAndColumn() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let data = try folder.file("data.csv", Self.line)
        let new = try folder.file("new.csv", "id,x\na,1\nb,\nc,3\n")
        let run = runFit(["linear-regression", "--data", data, "--target", "y", "--predict", new,
                          "--output-predictions", folder.path("out.csv")])
        #expect(run.exitCode == 65)
        #expect(run.stderr.contains("new.csv, line 3, column 2: missing value in column \"x\"; every row to predict needs a value"))
        #expect(try folder.contents() == ["data.csv", "new.csv"])
    }

    @Test func constantFeatureIsLeftOutWithAWarning() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let data = try folder.file("data.csv", "x,c,y\n1,7,2\n2,7,4.1\n3,7,5.9\n4,7,8.2\n5,7,9.8\n6,7,12.1\n")
        for solver in ["normal", "gd"] {
            let run = runFit(["linear-regression", "--data", data, "--target", "y", "--solver", solver,
                              "--test-fraction", "0", "--json"])
            #expect(run.exitCode == 0, "\(run.stderr)")
            #expect(run.stderr.contains("warning: feature \"c\" is constant (every training row holds 7)"))
            let json = try run.json()
            #expect((json["data"] as? [String: Any])?["dropped_features"] as? [String] == ["c"])
            #expect(json["feature_names"] as? [String] == ["x"])
            let weights = try #require(numbers(json["weights"]))
            #expect(weights.count == 1 && weights.allSatisfy(\.isFinite))
        }
    }

    @Test func divergenceIsReportedWithTheHistorySoFar() throws {
        let run = runFit(["linear-regression", "--data", datasetPath("houses.csv"), "--target", "price_1000usd",
                          "--scale", "none", "--learning-rate", "0.01", "--json"])
        #expect(run.exitCode == 0)
        #expect(run.stderr.contains("warning: training diverged"))
        let json = try run.json()
        #expect(json["diverged"] as? Bool == true)
        let divergence = try #require(json["divergence"] as? [String: Any])
        #expect(divergence["step"] as? Int == 1)
        #expect(divergence["reason"] as? String == "cost_exploded")
        let history = try #require(json["cost_history"] as? [String: Any])
        let costs = try #require(numbers(history["costs"]))
        #expect(costs.count == 2 && costs[1] > 1000 * costs[0])
        #expect(json["iterations_run"] as? Int == 1)
        #expect((json["final_cost"] as? NSNumber)?.doubleValue == costs.last)
    }
}
