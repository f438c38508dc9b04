import Foundation
import Models

/// What a model learns to predict, for every row of the data.
enum FitTarget: Sendable, Equatable {
    /// Numbers (regression).
    case values([Double])
    /// Class codes `0..<classes.count` and the class names (classification).
    case classes(codes: [Int], names: [String])

    var task: FitTask {
        switch self {
        case .values: .regression
        case .classes: .classification
        }
    }
}

/// The user's CSV file turned into a design matrix, a target and a train/test split, with every
/// problem reported at its file, line and column.
///
/// Feature columns that are constant in the training rows are left out (with a warning): they
/// cannot help any model predict, and they would make the normal equation singular.
struct FitDataset: Sendable {
    /// The data file's name, as used in messages.
    let file: String
    /// The target column's name.
    let targetName: String
    /// The features the model uses, in the order given (constant ones removed).
    let featureNames: [String]
    /// Features left out because every training row has the same value.
    let droppedFeatures: [String]
    /// All rows, the used features only.
    let features: Matrix
    /// The target of every row.
    let target: FitTarget
    /// Rows used for training and for testing (indices into `features`), in a seeded order.
    let trainRows: [Int]
    let testRows: [Int]
    /// Things the user should know; printed on standard error.
    let warnings: [String]

    /// The most classes a classification target may have.
    static let maximumClasses = 1000
    /// `--task auto` treats a numeric target with at most this many distinct whole numbers as classes.
    static let autoClassLimit = 20

    /// Reads `path` and prepares it for `model`; see the type's documentation.
    static func load(path: String, targetName: String, featureNames requested: [String]?, task: FitTask,
                     model: FitModel, dropMissing: Bool, testFraction: Double, seed: UInt64) throws -> FitDataset {
        var table = try readTable(path: path)
        let file = table.file ?? URL(fileURLWithPath: path).lastPathComponent
        var warnings: [String] = []
        guard table.columnNames.contains(targetName) else {
            throw FitError.unknownColumn(file: file, name: targetName, option: "--target", available: table.columnNames)
        }
        let names = try chooseFeatures(table, file: file, target: targetName, requested: requested, warnings: &warnings)
        if dropMissing {
            let before = table.rowCount
            table = try table.droppingRowsWithMissingValues(in: names + [targetName])
            if table.rowCount < before {
                warnings.append("\(before - table.rowCount) of \(before) rows have a missing value in the columns used and were left out (--drop-missing)")
            }
            guard table.rowCount > 0 else {
                throw FitError.unusableData("\(file): every row has a missing value in the columns used, so no rows are left")
            }
        }
        let features = try csv { try table.matrix(columns: names) }
        let resolvedTask = try resolveTask(task, model: model, table: table, targetName: targetName)
        let target = try readTarget(table, name: targetName, task: resolvedTask, file: file)
        if case .classes(let codes, let classNames) = target, Set(codes).count < 2 {
            throw FitError.unusableData("\(file): the target \"\(targetName)\" has a single class (\"\(classNames.first ?? "")\") in all \(codes.count) rows; a classifier needs at least two classes")
        }
        let (train, test) = try split(target, rows: table.rowCount, testFraction: testFraction, seed: seed, warnings: &warnings)
        // Constant in the training rows: no information for any model, and a singular normal equation.
        let trainMatrix = features.selectingRows(train)
        let minimums = trainMatrix.columnMinimums(), maximums = trainMatrix.columnMaximums()
        let constant = names.indices.filter { minimums[$0] == maximums[$0] }
        for j in constant {
            warnings.append("feature \"\(names[j])\" is constant (every training row holds \(formatNumber(minimums[j]))), so it cannot help predict; it is left out")
        }
        guard constant.count < names.count else {
            throw FitError.unusableData("\(file): every feature is constant in the training rows (\(names.map { "\"\($0)\"" }.joined(separator: ", "))), so there is nothing to learn from")
        }
        let kept = names.indices.filter { !constant.contains($0) }
        return FitDataset(
            file: file, targetName: targetName, featureNames: kept.map { names[$0] },
            droppedFeatures: constant.map { names[$0] },
            features: constant.isEmpty ? features : features.selectingColumns(kept),
            target: target, trainRows: train, testRows: test, warnings: warnings)
    }

    /// Reads a CSV file, keeping missing cells so only the columns used are checked.
    static func readTable(path: String) throws -> DataTable {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FitError.fileUnreadable(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw FitError.fileUnreadable(path: path, reason: "it is a folder, not a CSV file")
        }
        return try csv { try CSVReader.read(path: path, options: CSVReader.Options(missingValues: .keep)) }
    }

    /// Runs `body`, turning a `CSVError` into a `FitError` with a hint.
    static func csv<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CSVError {
            throw FitError.csv(error)
        }
    }

    /// The feature columns: those named by `--features`, or every numeric column but the target.
    static func chooseFeatures(_ table: DataTable, file: String, target: String, requested: [String]?,
                               warnings: inout [String]) throws -> [String] {
        if let requested {
            var seen = Set<String>()
            for name in requested {
                guard table.columnNames.contains(name) else {
                    throw FitError.unknownColumn(file: file, name: name, option: "--features", available: table.columnNames)
                }
                guard name != target else {
                    throw FitError.badColumnChoice("\"\(name)\" is the target; it cannot also be a feature (remove it from --features)")
                }
                guard seen.insert(name).inserted else {
                    throw FitError.badColumnChoice("--features names \"\(name)\" twice")
                }
            }
            return requested
        }
        var names: [String] = []
        for name in table.columnNames where name != target {
            if (try? table.isNumeric(name)) == true {
                names.append(name)
            } else if table.rowCount > 0 {
                // Say where the first non-number is, in case it is a typo in a numeric column.
                var place = ""
                do { _ = try table.numeric(name) } catch { place = " (\(error))" }
                warnings.append("column \"\(name)\" holds text, so it is not used as a feature\(place)")
            }
        }
        guard !names.isEmpty else {
            throw FitError.badColumnChoice("\(file) has no numeric column besides the target \"\(target)\"; name the features with --features")
        }
        return names
    }

    /// The task to fit: the one asked for, or (auto) the model's only task, or for models that do
    /// both, classification when the target is text or holds at most 20 distinct whole numbers.
    static func resolveTask(_ task: FitTask, model: FitModel, table: DataTable, targetName: String) throws -> FitTask {
        if task != .auto { return task }
        if model.supportedTasks.count == 1 { return model.supportedTasks[0] }
        guard let values = try? table.numeric(targetName) else { return .classification }
        let distinct = Set(values)
        let whole = values.allSatisfy { $0 == $0.rounded() }
        return whole && distinct.count <= autoClassLimit ? .classification : .regression
    }

    /// The target column read for `task`, with a clear message when it cannot be.
    static func readTarget(_ table: DataTable, name: String, task: FitTask, file: String) throws -> FitTarget {
        let column = (try? table.index(of: name)).map { $0 + 1 }
        switch task {
        case .regression, .auto:
            do {
                return .values(try table.numeric(name))
            } catch let error as CSVError {
                if case .notNumeric = error.problem {
                    throw FitError.badFile(error, hint: "a regression target must hold numbers; for class labels use a classifier (logistic-regression, knn or decision-tree with --task classification)")
                }
                throw FitError.csv(error)
            }
        case .classification:
            if (try? table.isNumeric(name)) == true {
                let values = try csv { try table.numeric(name) }
                if let row = values.firstIndex(where: { $0 != $0.rounded() }) {
                    throw FitError.badFile(
                        CSVError(.notNumeric(column: name, text: formatNumber(values[row])), file: file,
                                 line: table.sourceLines[row], column: column),
                        hint: "a classifier needs class labels (whole numbers or text), not measurements; use a regression model")
                }
            }
            let (codes, classes) = try csv { try table.labels(name) }
            guard classes.count <= maximumClasses else {
                throw FitError.unusableData("\(file): the target \"\(name)\" has \(classes.count) distinct values; a classifier here takes at most \(maximumClasses) classes (did you mean a regression?)")
            }
            return .classes(codes: codes, names: classes)
        }
    }

    /// A seeded split (stratified for classes when every class is big enough); a zero fraction
    /// trains on every row.
    static func split(_ target: FitTarget, rows: Int, testFraction: Double, seed: UInt64,
                      warnings: inout [String]) throws -> (train: [Int], test: [Int]) {
        if testFraction == 0 { return (Array(0..<rows), []) }
        var generator = SeededGenerator(seed: seed)
        do {
            let split: TrainTestSplit
            switch target {
            case .values: split = try TrainTestSplit.random(count: rows, testFraction: testFraction, using: &generator)
            case .classes(let codes, _):
                do {
                    split = try TrainTestSplit.stratified(labels: codes, testFraction: testFraction, using: &generator)
                } catch ModelError.invalidHyperparameter {
                    // Classes too small to give each a share of the test rows: split the rows as they come.
                    var fallback = SeededGenerator(seed: seed)
                    split = try TrainTestSplit.random(count: rows, testFraction: testFraction, using: &fallback)
                    warnings.append("some classes are too small to keep their share in both sets, so the rows were split at random (not stratified)")
                }
            }
            return (split.trainIndices, split.testIndices)
        } catch let error as ModelError {
            if case .invalidHyperparameter(_, let value, let reason) = error {
                throw FitError.unusableData("--test-fraction \(value): \(reason) (pass --test-fraction 0 to train on every row)")
            }
            throw FitError.model(error)
        }
    }
}

/// A number as a person writes it: `3` for a whole number, the shortest exact form otherwise.
func formatNumber(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
}
