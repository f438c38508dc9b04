import Dispatch

/// The training points of a k-NN model together with the structure used to search them.
///
/// Answers batches of queries on all cores (`DispatchQueue.concurrentPerform` over fixed chunks
/// of queries; every query writes only its own slots, so the result does not depend on
/// scheduling). Brute force and the k-d tree return identical neighbours.
struct NeighborIndex: Sendable {
    let training: Matrix
    let metric: DistanceMetric
    /// `.bruteForce` or `.kdTree`, never `.auto`.
    let algorithm: NeighborSearchAlgorithm
    private let tree: KDTree?

    init(training: Matrix, metric: DistanceMetric, algorithm: NeighborSearchAlgorithm, k: Int) {
        self.training = training
        self.metric = metric
        let concrete = algorithm.resolved(rows: training.rows, columns: training.columns, k: k)
        self.algorithm = concrete
        tree = concrete == .kdTree ? KDTree(training) : nil
    }

    /// Queries per parallel work item: large enough to amortise scheduling, small enough to
    /// balance two or more cores.
    private static let chunkSize = 512

    /// The `k` nearest training rows of every row of `queries`: flat arrays of training indices and
    /// *reduced* distances, `queries.rows * k` long, nearest first within each query.
    func search(_ queries: Matrix, k: Int) -> (indices: [Int], reducedDistances: [Double]) {
        switch metric {
        case .euclidean: return search(queries, k: k, metric: SquaredEuclidean.self)
        case .manhattan: return search(queries, k: k, metric: CityBlock.self)
        }
    }

    /// The search compiled for one metric.
    private func search<M: ReducedDistance>(
        _ queries: Matrix, k: Int, metric: M.Type
    ) -> (indices: [Int], reducedDistances: [Double]) {
        precondition(k >= 1 && k <= training.rows && queries.columns == training.columns)
        let count = queries.rows * k
        guard count > 0 else { return ([], []) }
        var indices = [Int](repeating: 0, count: count)
        var distances = [Double](repeating: 0, count: count)
        let chunks = (queries.rows + NeighborIndex.chunkSize - 1) / NeighborIndex.chunkSize
        let d = training.columns
        indices.withUnsafeMutableBufferPointer { indexOut in
        distances.withUnsafeMutableBufferPointer { distanceOut in
        queries.storage.withUnsafeBufferPointer { queryBuffer in
        training.storage.withUnsafeBufferPointer { trainingBuffer in
            let output = SharedOutput(
                indices: indexOut.baseAddress!, distances: distanceOut.baseAddress!,
                queries: queryBuffer.baseAddress!, training: trainingBuffer.baseAddress!)
            let queryCount = queries.rows, trainingCount = training.rows
            if let tree {
                tree.withSearcher { searcher in
                    let stackSize = tree.stackCapacity
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        let nodeStack = UnsafeMutablePointer<Int>.allocate(capacity: stackSize)
                        let boundStack = UnsafeMutablePointer<Double>.allocate(capacity: stackSize)
                        defer { nodeStack.deallocate(); boundStack.deallocate() }
                        let end = min(queryCount, (chunk + 1) * NeighborIndex.chunkSize)
                        for q in (chunk * NeighborIndex.chunkSize)..<end {
                            var heap = NeighborHeap(
                                capacity: k, distances: output.distances + q * k, indices: output.indices + q * k)
                            searcher.search(
                                output.queries + q * d, metric: metric, heap: &heap,
                                nodeStack: nodeStack, boundStack: boundStack)
                            heap.sortAscending()
                        }
                    }
                }
            } else {
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let end = min(queryCount, (chunk + 1) * NeighborIndex.chunkSize)
                    for q in (chunk * NeighborIndex.chunkSize)..<end {
                        var heap = NeighborHeap(
                            capacity: k, distances: output.distances + q * k, indices: output.indices + q * k)
                        let query = output.queries + q * d
                        for i in 0..<trainingCount {
                            heap.offer(distance: M.between(query, output.training + i * d, count: d), index: i)
                        }
                        heap.sortAscending()
                    }
                }
            }
        }}}}
        return (indices, distances)
    }
}

/// Raw pointers shared by the parallel chunks of one search. Each query writes only its own
/// `k` output slots, and the inputs are read-only, so sharing them across threads is safe.
private struct SharedOutput: @unchecked Sendable {
    let indices: UnsafeMutablePointer<Int>
    let distances: UnsafeMutablePointer<Double>
    let queries: UnsafePointer<Double>
    let training: UnsafePointer<Double>
}
