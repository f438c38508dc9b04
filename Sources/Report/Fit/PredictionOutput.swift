import Foundation
import Models

/// Predictions for the rows of a new CSV file (`--predict`), as CSV text: every column of that file
/// as it was, then `predicted_<target>`, then for classifiers one `probability_<class>` column per
/// class. The pipeline fitted on the training rows (polynomial terms, scaler) is applied unchanged.
enum PredictionOutput {
    /// The CSV text and the number of rows predicted.
    static func make(_ outcome: FitOutcome, path: String) throws -> (csv: String, rows: Int) {
        let table = try FitDataset.readTable(path: path)
        let file = table.file ?? URL(fileURLWithPath: path).lastPathComponent
        let dataset = outcome.dataset
        for name in dataset.featureNames where !table.columnNames.contains(name) {
            throw FitError.unknownColumn(file: file, name: name, option: "--predict: the model's features are "
                                         + dataset.featureNames.map { "\"\($0)\"" }.joined(separator: ", "),
                                         available: table.columnNames)
        }
        let raw: Matrix
        do {
            raw = try table.matrix(columns: dataset.featureNames)
        } catch let error as CSVError {
            if case .missingValue = error.problem {
                throw FitError.badFile(error, hint: "every row to predict needs a value for each feature")
            }
            throw FitError.csv(error)
        }
        let x = try FitRunner.model { try outcome.pipeline.transform(raw) }
        let predictions = try FitRunner.predictions(outcome.model, x)
        var header = table.columnNames
        let predictedName = uniqueName("predicted_\(dataset.targetName)", avoiding: header)
        header.append(predictedName)
        var extra: [[String]] = Array(repeating: [], count: table.rowCount)
        switch predictions {
        case .values(let values):
            for (i, value) in values.enumerated() { extra[i].append(formatNumber(value)) }
        case .classes(let codes, let probabilities):
            let classes = outcome.classNames ?? []
            for name in classes { header.append(uniqueName("probability_\(name)", avoiding: header)) }
            for (i, code) in codes.enumerated() {
                extra[i].append(classes[code])
                for c in 0..<probabilities.columns { extra[i].append(formatNumber(probabilities[i, c])) }
            }
        }
        var lines = [header.map(csvField).joined(separator: ",")]
        lines.reserveCapacity(table.rowCount + 1)
        for row in 0..<table.rowCount {
            let cells = table.columns.map { column -> String in
                switch column {
                case .numeric(let values): values[row].isNaN ? "" : formatNumber(values[row])
                case .text(let values): values[row] ?? ""
                }
            }
            lines.append((cells + extra[row]).map(csvField).joined(separator: ","))
        }
        return (lines.joined(separator: "\n") + "\n", table.rowCount)
    }

    /// `name`, or `name_2`, `name_3` ... if the file already has a column called that.
    static func uniqueName(_ name: String, avoiding taken: [String]) -> String {
        guard taken.contains(name) else { return name }
        var suffix = 2
        while taken.contains("\(name)_\(suffix)") { suffix += 1 }
        return "\(name)_\(suffix)"
    }

    /// A CSV field, quoted when it holds a comma, a quote, a line end or surrounding spaces.
    static func csvField(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
