/// A seeded split of row indices into a training set and a test set.
///
/// The test set gets `testFraction * count` rows rounded to the nearest integer; the stratified
/// version does this per class, so each class keeps its share in both sets. Both sets are in a
/// shuffled order, and the same seed always gives the same split.
///
/// ```swift
/// var generator = SeededGenerator(seed: 42)
/// let split = try TrainTestSplit.stratified(labels: y, testFraction: 0.2, using: &generator)
/// let (xTrain, xTest) = (split.train(x), split.test(x))
/// ```
public struct TrainTestSplit: Sendable, Equatable {
    /// Indices of the training rows, in shuffled order.
    public let trainIndices: [Int]
    /// Indices of the test rows, in shuffled order.
    public let testIndices: [Int]

    /// A random split of `count` rows.
    /// - Throws: `ModelError.emptyInput` for no rows; `ModelError.invalidHyperparameter` if
    ///   `testFraction` is not strictly between 0 and 1 or leaves either set empty.
    public static func random(count: Int, testFraction: Double,
                              using generator: inout SeededGenerator) throws -> TrainTestSplit {
        guard count > 0 else { throw ModelError.emptyInput("cannot split 0 rows") }
        try validate(testFraction)
        let testCount = Int((testFraction * Double(count)).rounded())
        guard testCount > 0, testCount < count else {
            throw ModelError.invalidHyperparameter(
                name: "testFraction", value: "\(testFraction)",
                reason: "with \(count) rows it gives \(testCount) test rows; both sets need at least one row")
        }
        var order = Array(0..<count)
        order.shuffle(using: &generator)
        return TrainTestSplit(trainIndices: Array(order[testCount...]), testIndices: Array(order[..<testCount]))
    }

    /// A stratified split: each class contributes `testFraction` of its rows (rounded) to the test set.
    /// - Parameter labels: the class of each row (any integers).
    /// - Throws: as `random`, and also when a class would get no training row.
    public static func stratified(labels: [Int], testFraction: Double,
                                  using generator: inout SeededGenerator) throws -> TrainTestSplit {
        guard !labels.isEmpty else { throw ModelError.emptyInput("cannot split 0 rows") }
        try validate(testFraction)
        var rowsOfClass: [Int: [Int]] = [:]
        for (row, label) in labels.enumerated() { rowsOfClass[label, default: []].append(row) }
        var train: [Int] = [], test: [Int] = []
        // Classes in sorted order so the generator is consumed the same way every time.
        for label in rowsOfClass.keys.sorted() {
            var rows = rowsOfClass[label]!
            rows.shuffle(using: &generator)
            let testCount = Int((testFraction * Double(rows.count)).rounded())
            guard testCount < rows.count else {
                throw ModelError.invalidHyperparameter(
                    name: "testFraction", value: "\(testFraction)",
                    reason: "class \(label) has \(rows.count) rows and would have none left for training")
            }
            test += rows[..<testCount]
            train += rows[testCount...]
        }
        guard !test.isEmpty else {
            throw ModelError.invalidHyperparameter(
                name: "testFraction", value: "\(testFraction)", reason: "it gives no test rows for \(labels.count) rows")
        }
        train.shuffle(using: &generator)
        test.shuffle(using: &generator)
        return TrainTestSplit(trainIndices: train, testIndices: test)
    }

    /// The training rows of `x`.
    public func train(_ x: Matrix) -> Matrix { x.selectingRows(trainIndices) }
    /// The test rows of `x`.
    public func test(_ x: Matrix) -> Matrix { x.selectingRows(testIndices) }
    /// The training entries of `values` (targets or labels).
    public func train<Element>(_ values: [Element]) -> [Element] { trainIndices.map { values[$0] } }
    /// The test entries of `values` (targets or labels).
    public func test<Element>(_ values: [Element]) -> [Element] { testIndices.map { values[$0] } }

    private static func validate(_ testFraction: Double) throws {
        guard testFraction > 0, testFraction < 1 else {
            throw ModelError.invalidHyperparameter(name: "testFraction", value: "\(testFraction)",
                                                   reason: "must be strictly between 0 and 1")
        }
    }
}
