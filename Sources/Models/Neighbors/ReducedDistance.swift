/// A distance in the cheap form searches compare (same order as the true distance), as a type, so
/// the search loops are compiled once per metric with no per-distance branch.
///
/// Brute force and the k-d tree both call these very functions, so they see bit-identical numbers.
protocol ReducedDistance: Sendable {
    /// The reduced distance between two points of `count` coordinates, summed in coordinate order.
    static func between(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double
    /// The contribution of a one-axis gap already known to be >= 0 (for box lower bounds).
    static func term(_ gap: Double) -> Double
}

/// Squared Euclidean distance.
enum SquaredEuclidean: ReducedDistance {
    @inline(__always)
    static func between(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
        var sum = 0.0
        for j in 0..<count {
            let difference = a[j] - b[j]
            sum += difference * difference
        }
        return sum
    }

    @inline(__always)
    static func term(_ gap: Double) -> Double { gap * gap }
}

/// Manhattan distance (already cheap; it is its own reduced form).
enum CityBlock: ReducedDistance {
    @inline(__always)
    static func between(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
        var sum = 0.0
        for j in 0..<count { sum += abs(a[j] - b[j]) }
        return sum
    }

    @inline(__always)
    static func term(_ gap: Double) -> Double { gap }
}
