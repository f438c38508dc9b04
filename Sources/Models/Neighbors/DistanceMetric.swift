/// How k-nearest neighbours measures the distance between two points.
///
/// Searches rank points by a *reduced* distance that orders them the same way but is cheaper to
/// compute (the squared distance for Euclidean), and convert to the true distance only at the end.
/// Brute force and the k-d tree use the very same reduced-distance code, so they see bit-identical
/// numbers and therefore identical ties.
public enum DistanceMetric: String, Sendable, CaseIterable, Hashable {
    /// Straight-line distance, sqrt(sum (a_j - b_j)^2).
    case euclidean
    /// City-block distance, sum |a_j - b_j|.
    case manhattan

    /// The reduced distance between two points of `count` coordinates (see `ReducedDistance`).
    @inline(__always)
    func reducedDistance(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
        switch self {
        case .euclidean: return SquaredEuclidean.between(a, b, count: count)
        case .manhattan: return CityBlock.between(a, b, count: count)
        }
    }

    /// Converts a reduced distance back to the true distance.
    @inline(__always)
    func distance(fromReduced reduced: Double) -> Double {
        switch self {
        case .euclidean: return reduced.squareRoot()
        case .manhattan: return reduced
        }
    }

    /// The true distance between two equally long points.
    ///
    /// ```swift
    /// DistanceMetric.euclidean.distance([0, 0], [3, 4])  // 5
    /// DistanceMetric.manhattan.distance([0, 0], [3, 4])  // 7
    /// ```
    public func distance(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "points must have the same number of coordinates")
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                distance(fromReduced: reducedDistance(pa.baseAddress!, pb.baseAddress!, count: a.count))
            }
        }
    }
}
