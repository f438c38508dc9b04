import Foundation
import Testing
@testable import Report

/// The single reader of scikit-learn's fixture: dotted paths, whole numbers, rows, searches, typed decoding.
@Suite struct SklearnReferenceTests {
    static let json = #"""
    {"fits": [{"C": 1, "name": "a", "coef": [[1, 2], [3, 4.5]], "threshold": null, "rows_seen": [0, 3]},
          {"C": 10, "name": "b", "coef": [[5, 6]], "threshold": 0.25, "rows_seen": [1.5]}]}
    """#

    /// The small fixture above, read from a file (the reader keeps it in memory, so the file can go).
    func readFixture() throws -> SklearnReference {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("reference.json")
        try Data(Self.json.utf8).write(to: url)
        return try SklearnReference(contentsOf: url)
    }

    @Test func dottedPathsAndSeparateKeysReachTheSameValue() throws {
        let reference = try readFixture()
        #expect(try reference.number("fits.1.C") == 10)
        #expect(try reference.number("fits", "1", "C") == 10)
        #expect(try reference.number("fits.1", "C") == 10)
        #expect(throws: SklearnReferenceError.missingKey(keyPath: "fits.2", file: reference.path)) {
            try reference.number("fits.2.C")
        }
    }

    @Test func readsRowsIntegersCountsAndNulls() throws {
        let reference = try readFixture()
        #expect(try reference.rows("fits.0.coef") == [[1, 2], [3, 4.5]])
        #expect(try reference.integers("fits.0.rows_seen") == [0, 3])
        #expect(throws: SklearnReferenceError.self) { try reference.integers("fits.1.rows_seen") }
        #expect(try reference.count("fits") == 2)
        #expect(try reference.optionalNumber("fits.0.threshold") == nil)
        #expect(try reference.optionalNumber("fits.1.threshold") == 0.25)
        #expect(throws: SklearnReferenceError.self) { try reference.optionalNumber("fits.1.name") }
    }

    @Test func findsTheFitWithGivenFields() throws {
        let reference = try readFixture()
        #expect(try reference.index(in: "fits", where: ["C": .number(10), "name": .string("b")]) == 1)
        #expect(throws: SklearnReferenceError.self) { try reference.index(in: "fits", where: ["C": .number(3)]) }
    }

    struct Fits: Decodable { struct Fit: Decodable { let rowsSeen: [Double] }; let fits: [Fit] }

    @Test func decodesTypedValuesWithSnakeCaseKeys() throws {
        let reference = try readFixture()
        #expect(try reference.decoded(Fits.self).fits.map(\.rowsSeen) == [[0, 3], [1.5]])
        #expect(throws: SklearnReferenceError.self) { try reference.decoded([Int].self) }
    }

    @Test func sharedFixtureFeedsTheTypedReaderToo() throws {
        let first = try SklearnReference.shared(), second = try SklearnReference.shared()
        #expect(first.root == second.root)
        #expect(try NeighboursTreesReference.shared().experiments.irisKnn.fits.count > 0)
    }
}
