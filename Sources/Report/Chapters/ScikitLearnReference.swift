import Foundation

/// The scikit-learn reference values (`Tests/ModelsTests/Fixtures/sklearn_reference.json`, written
/// by `scripts/sklearn_reference.py`), read at run time so that a chapter's tables show the numbers
/// the script computed and none typed by hand.
///
/// Values are looked up by a dotted path; numeric components index arrays:
///
///     let reference = try ScikitLearnReference.packageFixture()
///     try reference.number("experiments.ex2data1.raw.intercept")        // -25.16...
///     try reference.numbers("experiments.ex2data1.raw.coef")            // [0.206, 0.201]
///     try reference.value("experiments.iris_logistic.fits.5.coef")      // the sixth fit's K x n weights
///
/// Like ``SourceExcerpts``, the file is found from this source file's path, so the report must run
/// from a checkout of the package.
struct ScikitLearnReference: Sendable {
    /// A JSON value.
    enum Value: Sendable, Equatable, Decodable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([Value])
        case object([String: Value])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let bool = try? container.decode(Bool.self) {
                self = .bool(bool)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let string = try? container.decode(String.self) {
                self = .string(string)
            } else if let array = try? container.decode([Value].self) {
                self = .array(array)
            } else {
                self = .object(try container.decode([String: Value].self))
            }
        }
    }

    /// The whole fixture.
    let root: Value

    /// Decodes fixture JSON.
    init(data: Data) throws {
        do {
            root = try JSONDecoder().decode(Value.self, from: data)
        } catch {
            throw ReferenceError.unreadable(path: "sklearn_reference.json", reason: "\(error)")
        }
    }

    /// The fixture's location in this checkout.
    static var packageFixtureURL: URL {
        // This file is Sources/Report/Chapters/ScikitLearnReference.swift.
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Tests/ModelsTests/Fixtures/sklearn_reference.json")
    }

    /// The package's fixture.
    ///
    /// - Throws: ``ReferenceError/unreadable(path:reason:)`` when the file is missing or not JSON.
    static func packageFixture() throws -> ScikitLearnReference {
        let url = packageFixtureURL
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReferenceError.unreadable(
                path: url.path, reason: "run the report from a checkout of the package (\(error.localizedDescription))")
        }
        return try ScikitLearnReference(data: data)
    }

    /// The value at a dotted `path` ("experiments.ex2data1.raw.coef", "fits.2.C").
    func value(_ path: String) throws -> Value {
        var current = root
        var walked: [Substring] = []
        for component in path.split(separator: ".") {
            walked.append(component)
            switch current {
            case .object(let members):
                guard let next = members[String(component)] else {
                    throw ReferenceError.missing(path: walked.joined(separator: "."))
                }
                current = next
            case .array(let elements):
                guard let index = Int(component), elements.indices.contains(index) else {
                    throw ReferenceError.missing(path: walked.joined(separator: "."))
                }
                current = elements[index]
            default:
                throw ReferenceError.missing(path: walked.joined(separator: "."))
            }
        }
        return current
    }

    /// The number at `path`.
    func number(_ path: String) throws -> Double {
        guard case .number(let number) = try value(path) else { throw ReferenceError.wrongType(path: path, expected: "a number") }
        return number
    }

    /// The number at `path`, or nil where the fixture writes `null` (an infinite C, a +inf threshold).
    func optionalNumber(_ path: String) throws -> Double? {
        switch try value(path) {
        case .null: return nil
        case .number(let number): return number
        default: throw ReferenceError.wrongType(path: path, expected: "a number or null")
        }
    }

    /// The array of numbers at `path`.
    func numbers(_ path: String) throws -> [Double] {
        guard case .array(let elements) = try value(path) else { throw ReferenceError.wrongType(path: path, expected: "an array") }
        return try elements.map { element in
            guard case .number(let number) = element else {
                throw ReferenceError.wrongType(path: path, expected: "an array of numbers")
            }
            return number
        }
    }

    /// The array of whole numbers at `path` (indices, counts).
    func integers(_ path: String) throws -> [Int] {
        try numbers(path).map { number in
            guard number == number.rounded(), abs(number) < 1e15 else {
                throw ReferenceError.wrongType(path: path, expected: "an array of whole numbers")
            }
            return Int(number)
        }
    }

    /// The array of arrays of numbers at `path` (a coefficient matrix, a confusion matrix).
    func rows(_ path: String) throws -> [[Double]] {
        guard case .array(let elements) = try value(path) else { throw ReferenceError.wrongType(path: path, expected: "an array") }
        return try elements.indices.map { try numbers("\(path).\($0)") }
    }

    /// The number of elements of the array at `path`.
    func count(_ path: String) throws -> Int {
        guard case .array(let elements) = try value(path) else { throw ReferenceError.wrongType(path: path, expected: "an array") }
        return elements.count
    }

    /// The index of the first element of the array at `path` whose fields equal `fields`
    /// (`["C": .number(1), "feature_set": .string("petal")]`).
    func index(in path: String, where fields: [String: Value]) throws -> Int {
        guard case .array(let elements) = try value(path) else { throw ReferenceError.wrongType(path: path, expected: "an array") }
        let found = elements.firstIndex { element in
            guard case .object(let members) = element else { return false }
            return fields.allSatisfy { members[$0.key] == $0.value }
        }
        guard let found else {
            let wanted = fields.keys.sorted().map { "\($0) = \(fields[$0]!)" }.joined(separator: ", ")
            throw ReferenceError.missing(path: "\(path)[\(wanted)]")
        }
        return found
    }
}

/// Why a reference value could not be read.
enum ReferenceError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case missing(path: String)
    case wrongType(path: String, expected: String)

    var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read the scikit-learn reference \(path): \(reason)"
        case .missing(let path): "the scikit-learn reference has no value at '\(path)'; regenerate it with scripts/sklearn_reference.py"
        case .wrongType(let path, let expected): "the scikit-learn reference value at '\(path)' is not \(expected)"
        }
    }
}
