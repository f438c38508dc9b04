import Foundation

/// The scikit-learn reference values (`Tests/ModelsTests/Fixtures/sklearn_reference.json`, written
/// by `scripts/sklearn_reference.py`), read at run time so that chapter tables show the committed
/// numbers beside ours and never a number typed by hand.
///
///     let reference = try SklearnReference.packageFixture()
///     let r2 = try reference.number("experiments", "houses", "linear_zscored", "r2")
///     let coef = try reference.numbers("experiments", "houses", "linear_zscored", "coef")
struct SklearnReference: Sendable {
    /// Where the values were read from (for error messages).
    let path: String
    private let root: Value

    /// A JSON value, kept Sendable so chapters can share a loaded fixture.
    indirect enum Value: Sendable {
        case number(Double)
        case text(String)
        case bool(Bool)
        case null
        case array([Value])
        case object([String: Value])
    }

    /// One step of a path into the JSON: an object key or an array index.
    enum Key: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, CustomStringConvertible {
        case name(String)
        case index(Int)
        init(stringLiteral value: String) { self = .name(value) }
        init(integerLiteral value: Int) { self = .index(value) }
        var description: String {
            switch self {
            case .name(let name): name
            case .index(let index): "[\(index)]"
            }
        }
    }

    /// The fixture of this checkout, located from this file's path (like ``SourceExcerpts``).
    static func packageFixture() throws -> SklearnReference {
        // This file is Sources/Report/Chapters/SklearnReference.swift; the fixture is under Tests/.
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try SklearnReference(contentsOf: packageRoot
            .appendingPathComponent("Tests/ModelsTests/Fixtures/sklearn_reference.json"))
    }

    /// Reads the fixture at `url`.
    /// - Throws: ``SklearnReferenceError`` when the file is missing or is not JSON.
    init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SklearnReferenceError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        try self.init(data: data, path: url.path)
    }

    /// Parses fixture JSON; `path` names it in errors.
    init(data: Data, path: String) throws {
        self.path = path
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw SklearnReferenceError.unreadable(path: path, reason: "not valid JSON (\(error.localizedDescription))")
        }
        root = SklearnReference.convert(object)
    }

    private static func convert(_ object: Any) -> Value {
        switch object {
        case let dictionary as [String: Any]: return .object(dictionary.mapValues(convert))
        case let array as [Any]: return .array(array.map(convert))
        case let string as String: return .text(string)
        case let bool as Bool where type(of: object) == Bool.self: return .bool(bool)
        case let int as Int: return .number(Double(int))
        case let double as Double: return .number(double)
        case let number as NSNumber: return .number(number.doubleValue)
        default: return .null
        }
    }

    /// The value at `keys`.
    func value(_ keys: [Key]) throws -> Value {
        var current = root
        for (depth, key) in keys.enumerated() {
            switch (key, current) {
            case (.name(let name), .object(let object)) where object[name] != nil:
                current = object[name]!
            case (.index(let index), .array(let array)) where array.indices.contains(index):
                current = array[index]
            default:
                throw SklearnReferenceError.missing(path: path, keys: keys.prefix(depth + 1).map(\.description))
            }
        }
        return current
    }

    /// The number at `keys`.
    func number(_ keys: Key...) throws -> Double { try number(at: keys) }

    /// The array of numbers at `keys`.
    func numbers(_ keys: Key...) throws -> [Double] { try numbers(at: keys) }

    /// The number of elements of the array at `keys`.
    func count(_ keys: Key...) throws -> Int { try count(at: keys) }

    /// The number at the path `keys`.
    func number(at keys: [Key]) throws -> Double {
        guard case .number(let number) = try value(keys) else {
            throw SklearnReferenceError.wrongType(path: path, keys: keys.map(\.description), expected: "a number")
        }
        return number
    }

    /// The array of numbers at the path `keys`.
    func numbers(at keys: [Key]) throws -> [Double] {
        guard case .array(let array) = try value(keys) else {
            throw SklearnReferenceError.wrongType(path: path, keys: keys.map(\.description), expected: "an array of numbers")
        }
        return try array.map { element in
            guard case .number(let number) = element else {
                throw SklearnReferenceError.wrongType(path: path, keys: keys.map(\.description), expected: "an array of numbers")
            }
            return number
        }
    }

    /// The number of elements of the array at the path `keys`.
    func count(at keys: [Key]) throws -> Int {
        guard case .array(let array) = try value(keys) else {
            throw SklearnReferenceError.wrongType(path: path, keys: keys.map(\.description), expected: "an array")
        }
        return array.count
    }
}

/// Why a scikit-learn reference value could not be read.
enum SklearnReferenceError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case missing(path: String, keys: [String])
    case wrongType(path: String, keys: [String], expected: String)

    var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read the scikit-learn reference values at \(path): \(reason); run the report from a checkout "
                + "of the package (the fixture is regenerated by scripts/sklearn_reference.py)"
        case .missing(let path, let keys):
            "the scikit-learn reference \(path) has no value at \(keys.joined(separator: " > ")); regenerate it with scripts/sklearn_reference.py"
        case .wrongType(let path, let keys, let expected):
            "the scikit-learn reference value at \(keys.joined(separator: " > ")) in \(path) is not \(expected)"
        }
    }
}
