import Testing
@testable import Models

/// The k-d tree must return exactly what brute force returns, ties included, and both must follow
/// the documented order: ascending distance, lower training index first among equal distances.
@Suite struct NeighborSearchTests {
    /// Integer coordinates on a small grid plus exact duplicates, so equal distances are common.
    static func tiedData(seed: UInt64, rows: Int, columns: Int) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        var storage: [Double] = []
        for i in 0..<rows {
            if i >= 10 && i % 7 == 0 {
                // Duplicate an earlier row exactly.
                let source = Int(generator.next() % UInt64(i))
                storage.append(contentsOf: storage[(source * columns)..<((source + 1) * columns)])
            } else {
                for _ in 0..<columns { storage.append(Double(generator.next() % 10)) }
            }
        }
        return Matrix(rows: rows, columns: columns, storage: storage)
    }

    /// Reference written independently of the library: sort every (distance, index) pair.
    static func naiveNeighbours(_ training: Matrix, query: [Double], k: Int, metric: DistanceMetric) -> [Int] {
        let pairs = (0..<training.rows).map { i -> (Double, Int) in
            let row = training.row(i)
            var sum = 0.0
            for j in 0..<row.count {
                let difference = row[j] - query[j]
                sum += metric == .euclidean ? difference * difference : abs(difference)
            }
            return (sum, i)
        }
        return pairs.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }.prefix(k).map(\.1)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5], [DistanceMetric.euclidean, .manhattan])
    func kdTreeEqualsBruteForceWithTies(seed: UInt64, metric: DistanceMetric) throws {
        for columns in [2, 3, 5] {
            let training = Self.tiedData(seed: seed, rows: 400, columns: columns)
            let queries = Self.tiedData(seed: seed + 100, rows: 150, columns: columns)
            let labels = (0..<400).map { $0 % 3 }
            for k in [1, 4, 17] {
                let brute = try KNeighborsClassifier(k: k, metric: metric, algorithm: .bruteForce).fit(training, labels)
                let tree = try KNeighborsClassifier(k: k, metric: metric, algorithm: .kdTree).fit(training, labels)
                #expect(brute.algorithm == .bruteForce && tree.algorithm == .kdTree)
                let a = try brute.kneighbors(of: queries)
                let b = try tree.kneighbors(of: queries)
                #expect(a == b)
                #expect(try brute.predict(queries) == tree.predict(queries))
                for q in stride(from: 0, to: queries.rows, by: 10) {
                    let expected = Self.naiveNeighbours(training, query: queries.row(q), k: k, metric: metric)
                    #expect(Array(b.indices(ofQuery: q)) == expected)
                }
            }
        }
    }

    @Test func continuousRandomDataAgreesAcrossAlgorithms() throws {
        var generator = SeededGenerator(seed: 99)
        let training = Matrix(rows: 1000, columns: 2, storage: (0..<2000).map { _ in generator.nextGaussian() })
        let queries = Matrix(rows: 3000, columns: 2, storage: (0..<6000).map { _ in 3 * generator.nextGaussian() })
        let y = (0..<1000).map { Double($0 % 5) }
        for metric in DistanceMetric.allCases {
            let brute = try KNeighborsRegressor(k: 5, metric: metric, weights: .distance, algorithm: .bruteForce).fit(training, y)
            let tree = try KNeighborsRegressor(k: 5, metric: metric, weights: .distance, algorithm: .kdTree).fit(training, y)
            #expect(try brute.kneighbors(of: queries) == tree.kneighbors(of: queries))
            #expect(try brute.predict(queries) == tree.predict(queries))
        }
    }

    @Test func duplicatesOfTheQueryComeOutInIndexOrder() throws {
        // Five copies of the same point, then points farther away.
        let training = Matrix([[1, 1], [5, 5], [1, 1], [1, 1], [9, 9], [1, 1], [1, 1]])
        for algorithm in [NeighborSearchAlgorithm.bruteForce, .kdTree] {
            let model = try KNeighborsClassifier(k: 4, algorithm: algorithm).fit(training, [0, 1, 0, 0, 1, 0, 0])
            let neighbours = try model.kneighbors(of: Matrix([[1, 1]]))
            #expect(neighbours.indices == [0, 2, 3, 5])
            #expect(neighbours.distances == [0, 0, 0, 0])
        }
    }

    @Test func kneighborsReportsTrueDistancesNearestFirst() throws {
        let training = Matrix([[0, 0], [3, 4], [1, 0], [0, 2]])
        let euclidean = try KNeighborsClassifier(k: 3).fit(training, [0, 1, 0, 1])
        let nearest = try euclidean.kneighbors(of: Matrix([[0, 0], [3, 3]]))
        #expect(nearest.k == 3 && nearest.queryCount == 2)
        #expect(Array(nearest.indices(ofQuery: 0)) == [0, 2, 3])
        #expect(Array(nearest.distances(ofQuery: 0)) == [0, 1, 2])
        #expect(Array(nearest.indices(ofQuery: 1)) == [1, 3, 2])
        #expect(nearest.distances(ofQuery: 1)[1] == (9.0 + 1.0).squareRoot())
        let manhattan = try KNeighborsClassifier(k: 4, metric: .manhattan).fit(training, [0, 1, 0, 1])
        #expect(try manhattan.kneighbors(of: Matrix([[0, 0]])).distances == [0, 1, 2, 7])
        // Another k than the fitted one.
        #expect(try euclidean.kneighbors(of: Matrix([[0, 0]]), k: 1).indices == [0])
    }

    @Test func metricDistances() {
        #expect(DistanceMetric.euclidean.distance([0, 0], [3, 4]) == 5)
        #expect(DistanceMetric.manhattan.distance([0, 0], [3, -4]) == 7)
    }

    @Test func autoPicksTheTreeOnlyWhenItPays() throws {
        let small = Matrix(rows: 20, columns: 2, storage: (0..<40).map(Double.init))
        #expect(try KNeighborsClassifier(k: 3).fit(small, (0..<20).map { $0 % 2 }).algorithm == .bruteForce)
        let large = Self.tiedData(seed: 1, rows: 200, columns: 2)
        #expect(try KNeighborsClassifier(k: 3).fit(large, (0..<200).map { $0 % 2 }).algorithm == .kdTree)
        let wide = Self.tiedData(seed: 1, rows: 200, columns: 20)
        #expect(try KNeighborsClassifier(k: 3).fit(wide, (0..<200).map { $0 % 2 }).algorithm == .bruteForce)
    }

    @Test func resultsDoNotDependOnParallelChunks() throws {
        // A batch spanning many parallel chunks equals the same queries asked one at a time.
        let training = Self.tiedData(seed: 7, rows: 300, columns: 2)
        let queries = Self.tiedData(seed: 8, rows: 1500, columns: 2)
        let model = try KNeighborsClassifier(k: 6, algorithm: .kdTree).fit(training, (0..<300).map { $0 % 4 })
        let batch = try model.kneighbors(of: queries)
        for q in stride(from: 0, to: 1500, by: 97) {
            let single = try model.kneighbors(of: Matrix(rows: 1, columns: 2, storage: queries.row(q)))
            #expect(single.indices == Array(batch.indices(ofQuery: q)))
        }
        #expect(try model.kneighbors(of: queries) == batch)
    }
}
