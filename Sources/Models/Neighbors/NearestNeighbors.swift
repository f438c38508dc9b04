/// The k nearest training points of each query, nearest first, as returned by `kneighbors(of:)`.
///
/// Stored flat: query `q`'s neighbours are `indices[q * k ..< (q + 1) * k]`, with their distances
/// at the same positions of `distances`. Among equal distances the lower training index comes first.
///
/// ```swift
/// let neighbours = try fitted.kneighbors(of: Matrix([[5.0, 1.5]]))
/// neighbours.indices(ofQuery: 0)    // training rows to circle on the chart
/// neighbours.distances(ofQuery: 0)  // their distances, ascending
/// ```
public struct NearestNeighbors: Sendable, Equatable {
    /// Neighbours per query.
    public let k: Int
    /// Number of queries.
    public let queryCount: Int
    /// Training row indices, `queryCount * k` of them, row after row.
    public let indices: [Int]
    /// True distances (in the fitted metric), aligned with `indices`.
    public let distances: [Double]

    /// The training rows nearest to query `q`, nearest first.
    public func indices(ofQuery q: Int) -> [Int] { Array(indices[(q * k)..<((q + 1) * k)]) }

    /// The distances from query `q` to its neighbours, ascending.
    public func distances(ofQuery q: Int) -> [Double] { Array(distances[(q * k)..<((q + 1) * k)]) }
}
