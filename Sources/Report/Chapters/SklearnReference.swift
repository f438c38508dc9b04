import Foundation

/// scikit-learn's reference numbers, read at run time from the committed fixture
/// `Tests/ModelsTests/Fixtures/sklearn_reference.json` (written by `scripts/sklearn_reference.py`),
/// so a chapter's table shows scikit-learn's values without anyone typing them in.
///
/// The fixture is found from this file's own path (`#filePath`), like the code excerpts, so the
/// report must run from a checkout of the package. Values are looked up by their JSON keys:
///
///     let reference = try SklearnReference.shared()
///     let weights = try reference.numbers("experiments", "houses", "linear_raw", "coef")
///     let r2 = try reference.number("experiments", "houses", "linear_raw", "r2")
struct SklearnReference: Sendable {
    /// One JSON value of the fixture.
    enum Value: Sendable, Equatable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([Value])
        case object([String: Value])

        /// Converts what `JSONSerialization` returns (much faster than a `Decodable` tree that
        /// tries each kind in turn).
        init(json: Any) throws {
            switch json {
            case is NSNull: self = .null
            case let number as NSNumber:
                // JSON booleans arrive as NSNumber too, with the C type "c" (char); JSON numbers
                // never do (they are "i", "q" or "d").
                if String(cString: number.objCType) == "c" {
                    self = .bool(number.boolValue)
                } else {
                    self = .number(number.doubleValue)
                }
            case let text as String: self = .string(text)
            case let items as [Any]: self = .array(try items.map(Value.init(json:)))
            case let members as [String: Any]: self = .object(try members.mapValues(Value.init(json:)))
            default:
                throw SklearnReferenceError.unreadable(path: "?", reason: "unexpected JSON value \(type(of: json))")
            }
        }
    }

    /// The whole fixture.
    let root: Value
    /// Where it was read from (for error messages).
    let path: String

    /// The fixture in this checkout, read and decoded once per process.
    static func shared() throws -> SklearnReference { try cached.get() }

    private static let cached = Result<SklearnReference, any Error> {
        // This file is Sources/Report/Chapters/SklearnReference.swift; the package root is 4 levels up.
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try SklearnReference(contentsOf: root.appendingPathComponent(
            "Tests/ModelsTests/Fixtures/sklearn_reference.json"))
    }

    /// Reads a fixture file.
    ///
    /// - Throws: ``SklearnReferenceError/unreadable(path:reason:)`` when the file is missing or is
    ///   not JSON.
    init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SklearnReferenceError.unreadable(
                path: url.path, reason: "the file is missing; the report reads scikit-learn's numbers from the package checkout")
        }
        do {
            root = try Value(json: JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
        } catch {
            throw SklearnReferenceError.unreadable(path: url.path, reason: "not valid JSON (\(error))")
        }
        path = url.path
    }

    /// The value at `keys` (object keys, or array indices written as decimal strings).
    func value(_ keys: String...) throws -> Value { try value(at: keys) }
    func value(_ keys: [String]) throws -> Value { try value(at: keys) }

    /// The number at `keys`.
    func number(_ keys: String...) throws -> Double { try number(keys) }
    func number(_ keys: [String]) throws -> Double {
        guard case .number(let number) = try value(at: keys) else {
            throw SklearnReferenceError.wrongKind(keyPath: keys.joined(separator: "."), expected: "a number")
        }
        return number
    }

    /// The array of numbers at `keys`.
    func numbers(_ keys: String...) throws -> [Double] { try numbers(keys) }
    func numbers(_ keys: [String]) throws -> [Double] {
        guard case .array(let items) = try value(at: keys) else {
            throw SklearnReferenceError.wrongKind(keyPath: keys.joined(separator: "."), expected: "an array of numbers")
        }
        return try items.map { item in
            guard case .number(let number) = item else {
                throw SklearnReferenceError.wrongKind(keyPath: keys.joined(separator: "."), expected: "an array of numbers")
            }
            return number
        }
    }

    /// The string at `keys`.
    func string(_ keys: String...) throws -> String { try string(keys) }
    func string(_ keys: [String]) throws -> String {
        guard case .string(let text) = try value(at: keys) else {
            throw SklearnReferenceError.wrongKind(keyPath: keys.joined(separator: "."), expected: "a string")
        }
        return text
    }

    private func value(at keys: [String]) throws -> Value {
        var current = root
        for (depth, key) in keys.enumerated() {
            let next: Value?
            switch current {
            case .object(let members): next = members[key]
            case .array(let items): next = Int(key).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default: next = nil
            }
            guard let next else {
                throw SklearnReferenceError.missingKey(keyPath: keys[...depth].joined(separator: "."), file: path)
            }
            current = next
        }
        return current
    }
}

/// Why a scikit-learn reference value could not be read.
enum SklearnReferenceError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// The fixture has no value at this key path (re-run `scripts/sklearn_reference.py`?).
    case missingKey(keyPath: String, file: String)
    case wrongKind(keyPath: String, expected: String)

    var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read scikit-learn's reference numbers at \(path): \(reason)"
        case .missingKey(let keyPath, let file):
            "scikit-learn's reference file \(file) has no value at '\(keyPath)'; regenerate it with scripts/sklearn_reference.py"
        case .wrongKind(let keyPath, let expected):
            "scikit-learn's reference value at '\(keyPath)' is not \(expected)"
        }
    }
}
