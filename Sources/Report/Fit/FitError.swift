import Foundation
import Models

/// Why `report fit` stopped, with the message the user sees and the exit code scripts see.
///
/// Messages name the file, line and column wherever the problem has a place in a file.
enum FitError: Error, Equatable, CustomStringConvertible {
    /// The data or prediction file does not exist or cannot be read.
    case fileUnreadable(path: String, reason: String)
    /// A CSV file cannot be used as it is (ragged row, bad cell, missing value ...), with its place.
    case badFile(CSVError, hint: String?)
    /// A column named on the command line is not in the file.
    case unknownColumn(file: String, name: String, option: String, available: [String])
    /// The target is also listed as a feature, or no feature is left.
    case badColumnChoice(String)
    /// The data are valid CSV but cannot be fitted (one class, every feature constant, too few rows ...).
    case unusableData(String)
    /// The model refused the data or the settings (`ModelError`), rephrased for the command line.
    case fitFailed(String)
    /// The charts folder exists and holds files `report` did not write, or is a file.
    case chartsFolderRefused(path: String, reason: String)
    /// The predictions file exists (and `--overwrite` was not given), or is the data file itself.
    case predictionsFileRefused(path: String, reason: String)
    /// Writing a chart or the predictions failed; nothing was left behind.
    case writeFailed(path: String, reason: String)

    /// The process exit code (documented in `report fit --help`).
    var exitCode: Int32 {
        switch self {
        case .fileUnreadable: FitExitCode.inputMissing
        case .unknownColumn, .badColumnChoice: ReportExitCode.usage
        case .badFile, .unusableData, .fitFailed: FitExitCode.dataError
        case .chartsFolderRefused, .predictionsFileRefused: ReportExitCode.outputRefused
        case .writeFailed: ReportExitCode.ioError
        }
    }

    var description: String {
        switch self {
        case .fileUnreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .badFile(let error, let hint):
            return error.description + (hint.map { "; \($0)" } ?? "")
        case .unknownColumn(let file, let name, let option, let available):
            var text = "\(file): there is no column \"\(name)\" (given to \(option)); the columns are "
                + available.map { "\"\($0)\"" }.joined(separator: ", ")
            if let near = ChapterSelection.suggestion(for: name, among: available) {
                text += "; did you mean \"\(near)\"?"
            }
            return text
        case .badColumnChoice(let message), .unusableData(let message), .fitFailed(let message):
            return message
        case .chartsFolderRefused(let path, let reason):
            return "refusing to write charts into \(path): \(reason). Choose another --charts folder."
        case .predictionsFileRefused(let path, let reason):
            return "refusing to write predictions to \(path): \(reason)"
        case .writeFailed(let path, let reason):
            return "cannot write \(path): \(reason); nothing was written"
        }
    }

    /// A `CSVError` with a hint about what to do, where one helps.
    static func csv(_ error: CSVError) -> FitError {
        switch error.problem {
        case .unreadableFile(let reason):
            return .fileUnreadable(path: error.file ?? "the file", reason: reason)
        case .missingValue:
            return .badFile(error, hint: "fill it in, or pass --drop-missing to leave out rows with a missing value in the columns used")
        case .notNumeric(_, let text):
            let lowered = text.lowercased().trimmingCharacters(in: .whitespaces)
            if ["inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"].contains(lowered) {
                return .badFile(error, hint: "infinite values cannot be fitted")
            }
            return .badFile(error, hint: "features must be numbers (a decimal point, no thousands separators)")
        case .emptyFile:
            return .badFile(error, hint: nil)
        case .noDataRows:
            return .badFile(error, hint: "add rows of data under the header")
        default:
            return .badFile(error, hint: nil)
        }
    }

    /// A `ModelError` from fitting, in the command line's words.
    static func model(_ error: ModelError) -> FitError {
        switch error {
        case .singularMatrix(let why):
            return .fitFailed("the normal equation has no unique solution: \(why). Pass --l2 with a positive value (ridge), or fewer features / a lower --degree")
        case .invalidHyperparameter(let name, let value, let reason):
            let option = optionName(forHyperparameter: name)
            return .fitFailed("\(option) \(value): \(reason)")
        case .singleClass(let why):
            return .unusableData("the target has only one class in the training rows (\(why))")
        default:
            return .fitFailed(error.description)
        }
    }

    /// The command-line option that sets a model's hyperparameter.
    static func optionName(forHyperparameter name: String) -> String {
        switch name {
        case "k": "--neighbors"
        case "maxDepth": "--max-depth"
        case "learningRate": "--learning-rate"
        case "iterations": "--iterations"
        case "epochs": "--epochs"
        case "degree": "--degree"
        case "alpha", "regularization": "--l2"
        case "testFraction": "--test-fraction"
        case "mode.miniBatch(size:)": "--batch-size"
        default: name
        }
    }
}

/// Exit codes of `report fit` beyond those `report` shares (BSD sysexits values).
enum FitExitCode {
    /// The data cannot be used: a bad cell, one class, a singular system ...
    static let dataError: Int32 = 65
    /// The data or prediction file is missing or unreadable.
    static let inputMissing: Int32 = 66
}
