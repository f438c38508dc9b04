@testable import Models

/// Small seeded data sets shared by the model tests.
enum TestData {
    /// The two-house toy: size in 1000 sqft -> price in k$, exact answer w = 200, b = 100.
    static let housesX = Matrix([[1], [2]])
    static let housesY: [Double] = [300, 500]

    /// An `m x n` matrix of uniform values in [-scale, scale).
    static func uniformMatrix(rows: Int, columns: Int, seed: UInt64, scale: Double = 1) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns,
                      storage: (0..<(rows * columns)).map { _ in scale * (2 * generator.nextUnit() - 1) })
    }

    /// A noisy linear target `X w + b + noise`.
    static func linearTarget(_ X: Matrix, weights: [Double], bias: Double, noise: Double, seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        return (0..<X.rows).map { i in
            (0..<X.columns).reduce(bias) { $0 + weights[$1] * X[i, $1] } + noise * generator.nextGaussian()
        }
    }

    /// Labels 0/1 from a noisy linear score, so classes overlap.
    static func binaryLabels(_ X: Matrix, weights: [Double], bias: Double, seed: UInt64) -> [Int] {
        var generator = SeededGenerator(seed: seed)
        return (0..<X.rows).map { i in
            let z = (0..<X.columns).reduce(bias) { $0 + weights[$1] * X[i, $1] }
            return z + 0.5 * generator.nextGaussian() > 0 ? 1 : 0
        }
    }

    /// Three overlapping Gaussian blobs in 2-D with labels 0, 1, 2.
    static func blobs(perClass: Int, seed: UInt64) -> (Matrix, [Int]) {
        var generator = SeededGenerator(seed: seed)
        let centres: [(Double, Double)] = [(-2, 0), (2, 0), (0, 2.5)]
        var rows: [[Double]] = []
        var labels: [Int] = []
        for (label, centre) in centres.enumerated() {
            for _ in 0..<perClass {
                rows.append([centre.0 + generator.nextGaussian(), centre.1 + generator.nextGaussian()])
                labels.append(label)
            }
        }
        return (Matrix(rows), labels)
    }
}

/// True when `a` and `b` differ by at most `tolerance` relative to their size (absolute near 0).
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-9) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tolerance) }
}
