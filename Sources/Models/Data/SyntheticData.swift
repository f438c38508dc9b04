/// Features and a numeric target, e.g. points around a line.
public struct RegressionSample: Sendable, Equatable {
    /// One row per example.
    public let x: Matrix
    /// The target of each row.
    public let y: [Double]
}

/// Features and class labels `0..<classCount`.
public struct ClassificationSample: Sendable, Equatable {
    /// One row per example.
    public let x: Matrix
    /// The class of each row, in `0..<classCount`.
    public let y: [Int]
    /// How many classes there are.
    public let classCount: Int
}

/// Seeded synthetic datasets for teaching: every generator takes a `SeededGenerator`, so the same
/// seed always gives the same points. Classification samples cycle through the classes
/// (row `i` has class `i % classCount`), so classes are balanced to within one row and mixed
/// in order. Invalid arguments throw `ModelError.invalidHyperparameter`.
public enum SyntheticData {
    /// `count` points `y = intercept + slope * x + noise`, `x` uniform in `xRange`, noise normal
    /// with standard deviation `noise`.
    public static func noisyLine(count: Int, slope: Double, intercept: Double, noise: Double,
                                 xRange: ClosedRange<Double> = 0...10,
                                 using generator: inout SeededGenerator) throws -> RegressionSample {
        try noisyPolynomial(count: count, coefficients: [intercept, slope], noise: noise, xRange: xRange, using: &generator)
    }

    /// `count` points `y = c0 + c1 x + c2 x^2 + ... + noise`, `x` uniform in `xRange`;
    /// `coefficients` are in increasing power.
    public static func noisyPolynomial(count: Int, coefficients: [Double], noise: Double,
                                       xRange: ClosedRange<Double> = -3...3,
                                       using generator: inout SeededGenerator) throws -> RegressionSample {
        try requirePositive(count, "count")
        try requireNonNegative(noise, "noise")
        guard !coefficients.isEmpty else {
            throw ModelError.invalidHyperparameter(name: "coefficients", value: "[]", reason: "give at least the constant term")
        }
        guard xRange.lowerBound.isFinite, xRange.upperBound.isFinite else {
            throw ModelError.invalidHyperparameter(name: "xRange", value: "\(xRange)", reason: "bounds must be finite")
        }
        var xs = [Double](), ys = [Double]()
        xs.reserveCapacity(count)
        ys.reserveCapacity(count)
        let width = xRange.upperBound - xRange.lowerBound
        for _ in 0..<count {
            let x = xRange.lowerBound + width * generator.nextUnit()
            // Horner's rule, highest power first.
            let clean = coefficients.reversed().reduce(0) { $0 * x + $1 }
            xs.append(x)
            ys.append(clean + noise * generator.nextGaussian())
        }
        return RegressionSample(x: Matrix(column: xs), y: ys)
    }

    /// Gaussian blobs: row `i` belongs to `centers[i % k]` and is drawn from a normal distribution
    /// around it with standard deviation `spread` in every coordinate.
    public static func blobs(count: Int, centers: [[Double]], spread: Double = 1,
                             using generator: inout SeededGenerator) throws -> ClassificationSample {
        guard let dimension = centers.first?.count, dimension > 0 else {
            throw ModelError.invalidHyperparameter(name: "centers", value: "\(centers)", reason: "give at least one centre with at least one coordinate")
        }
        guard centers.allSatisfy({ $0.count == dimension && $0.allSatisfy(\.isFinite) }) else {
            throw ModelError.invalidHyperparameter(name: "centers", value: "\(centers)", reason: "all centres need the same number of finite coordinates")
        }
        try requireAtLeast(count, centers.count, "count")
        try requireNonNegative(spread, "spread")
        var x = Matrix(rows: count, columns: dimension)
        var y = [Int](repeating: 0, count: count)
        for i in 0..<count {
            let label = i % centers.count
            y[i] = label
            for j in 0..<dimension { x[i, j] = centers[label][j] + spread * generator.nextGaussian() }
        }
        return ClassificationSample(x: x, y: y, classCount: centers.count)
    }

    /// Gaussian blobs around `classCount` random centres drawn uniformly in `centerBox` (each coordinate).
    public static func blobs(count: Int, classCount: Int, dimensions: Int = 2, spread: Double = 1,
                             centerBox: ClosedRange<Double> = -10...10,
                             using generator: inout SeededGenerator) throws -> ClassificationSample {
        try requirePositive(classCount, "classCount")
        try requirePositive(dimensions, "dimensions")
        let width = centerBox.upperBound - centerBox.lowerBound
        let centers = (0..<classCount).map { _ in
            (0..<dimensions).map { _ in centerBox.lowerBound + width * generator.nextUnit() }
        }
        return try blobs(count: count, centers: centers, spread: spread, using: &generator)
    }

    /// Two interleaving half circles: class 0 on the upper unit half circle around (0, 0), class 1
    /// on the lower unit half circle around (1, 0.5); angles evenly spaced, plus normal noise.
    public static func twoMoons(count: Int, noise: Double = 0.1,
                                using generator: inout SeededGenerator) throws -> ClassificationSample {
        try requireAtLeast(count, 2, "count")
        try requireNonNegative(noise, "noise")
        let perClass = [(count + 1) / 2, count / 2]
        var x = Matrix(rows: count, columns: 2)
        var y = [Int](repeating: 0, count: count)
        for i in 0..<count {
            let label = i % 2
            let position = i / 2
            let angle = Double.pi * Double(position) / Double(Swift.max(perClass[label] - 1, 1))
            let (px, py) = label == 0 ? (cosine(angle), sine(angle)) : (1 - cosine(angle), 0.5 - sine(angle))
            x[i, 0] = px + noise * generator.nextGaussian()
            x[i, 1] = py + noise * generator.nextGaussian()
            y[i] = label
        }
        return ClassificationSample(x: x, y: y, classCount: 2)
    }

    /// Two concentric circles around the origin: class 0 on radius 1, class 1 on radius
    /// `innerRadius` (between 0 and 1); angles evenly spaced, plus normal noise.
    public static func circles(count: Int, innerRadius: Double = 0.5, noise: Double = 0.05,
                               using generator: inout SeededGenerator) throws -> ClassificationSample {
        try requireAtLeast(count, 2, "count")
        try requireNonNegative(noise, "noise")
        guard innerRadius > 0, innerRadius < 1 else {
            throw ModelError.invalidHyperparameter(name: "innerRadius", value: "\(innerRadius)", reason: "must be between 0 and 1 (exclusive)")
        }
        let perClass = [(count + 1) / 2, count / 2]
        var x = Matrix(rows: count, columns: 2)
        var y = [Int](repeating: 0, count: count)
        for i in 0..<count {
            let label = i % 2
            let angle = 2 * Double.pi * Double(i / 2) / Double(perClass[label])
            let radius = label == 0 ? 1 : innerRadius
            x[i, 0] = radius * cosine(angle) + noise * generator.nextGaussian()
            x[i, 1] = radius * sine(angle) + noise * generator.nextGaussian()
            y[i] = label
        }
        return ClassificationSample(x: x, y: y, classCount: 2)
    }

    /// `arms` interleaved spirals starting near the origin: along each arm the radius grows from
    /// 0 to 1 while the angle turns `turns` full circles; arm `a` is rotated by `a / arms` of a circle.
    public static func spirals(count: Int, arms: Int = 2, turns: Double = 1, noise: Double = 0.02,
                               using generator: inout SeededGenerator) throws -> ClassificationSample {
        try requireAtLeast(arms, 2, "arms")
        try requireAtLeast(count, arms, "count")
        try requireNonNegative(noise, "noise")
        guard turns > 0, turns.isFinite else {
            throw ModelError.invalidHyperparameter(name: "turns", value: "\(turns)", reason: "must be positive")
        }
        var x = Matrix(rows: count, columns: 2)
        var y = [Int](repeating: 0, count: count)
        for i in 0..<count {
            let arm = i % arms
            let armCount = count / arms + (arm < count % arms ? 1 : 0)
            // Start a little away from the centre, where all arms would overlap.
            let radius = 0.05 + 0.95 * Double(i / arms + 1) / Double(armCount)
            let angle = 2 * Double.pi * (Double(arm) / Double(arms) + turns * radius)
            x[i, 0] = radius * cosine(angle) + noise * generator.nextGaussian()
            x[i, 1] = radius * sine(angle) + noise * generator.nextGaussian()
            y[i] = arm
        }
        return ClassificationSample(x: x, y: y, classCount: arms)
    }

    /// The XOR pattern: points uniform in the four quadrants of `[-1, 1]^2` (taken in turn, so the
    /// quadrants are balanced), class 1 where exactly one coordinate is positive; plus normal noise.
    public static func xor(count: Int, noise: Double = 0,
                           using generator: inout SeededGenerator) throws -> ClassificationSample {
        try requireAtLeast(count, 4, "count")
        try requireNonNegative(noise, "noise")
        var x = Matrix(rows: count, columns: 2)
        var y = [Int](repeating: 0, count: count)
        // Quadrant signs in the order (+,+), (-,+), (-,-), (+,-): labels 0, 1, 0, 1.
        let signs: [(Double, Double)] = [(1, 1), (-1, 1), (-1, -1), (1, -1)]
        for i in 0..<count {
            let (sx, sy) = signs[i % 4]
            x[i, 0] = sx * generator.nextUnit() + noise * generator.nextGaussian()
            x[i, 1] = sy * generator.nextUnit() + noise * generator.nextGaussian()
            y[i] = (sx > 0) != (sy > 0) ? 1 : 0
        }
        return ClassificationSample(x: x, y: y, classCount: 2)
    }

    // MARK: Validation

    private static func requirePositive(_ value: Int, _ name: String) throws {
        try requireAtLeast(value, 1, name)
    }

    private static func requireAtLeast(_ value: Int, _ minimum: Int, _ name: String) throws {
        guard value >= minimum else {
            throw ModelError.invalidHyperparameter(name: name, value: "\(value)", reason: "must be at least \(minimum)")
        }
    }

    private static func requireNonNegative(_ value: Double, _ name: String) throws {
        guard value >= 0, value.isFinite else {
            throw ModelError.invalidHyperparameter(name: name, value: "\(value)", reason: "must be a finite number >= 0")
        }
    }
}

#if canImport(Glibc)
import Glibc
@inline(__always) private func cosine(_ x: Double) -> Double { Glibc.cos(x) }
@inline(__always) private func sine(_ x: Double) -> Double { Glibc.sin(x) }
#else
import Foundation
@inline(__always) private func cosine(_ x: Double) -> Double { Foundation.cos(x) }
@inline(__always) private func sine(_ x: Double) -> Double { Foundation.sin(x) }
#endif
