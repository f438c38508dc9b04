/// A k-d tree over a set of points, for exact k-nearest-neighbour search.
///
/// Built by splitting each node at the median of its widest dimension (largest spread; the lower
/// dimension wins a tie), down to leaves of at most `leafSize` points. Nodes live in flat arrays,
/// each with the bounding box of its points. A query descends nearer child first and skips a node
/// when the distance from the query to the node's box already exceeds the k-th best distance found.
///
/// The answers equal brute force's exactly, ties included:
/// - candidates are ranked by (reduced distance, training index) in the same bounded heap;
/// - a node is skipped only when its bound is *strictly* greater than the current k-th best, so a
///   point at an equal distance with a lower index is never missed;
/// - the box bound is summed per axis in the same order as the distance, and each axis gap is
///   no larger than the matching coordinate difference, so rounding cannot make the bound exceed
///   a true distance.
///
/// Works for both metrics. Building costs O(n log n); a query in low dimension costs about
/// O(log n + k).
struct KDTree: Sendable {
    /// Number of coordinates per point.
    let dimension: Int
    /// The points reordered so that each node's points are contiguous (better cache use).
    let points: [Double]
    /// `originalIndex[i]` is the training index of the i-th reordered point.
    let originalIndex: [Int]
    /// Per node: first point, one past the last point, children (-1 for leaves).
    let nodeStart: [Int]
    let nodeEnd: [Int]
    let nodeLeft: [Int]
    let nodeRight: [Int]
    /// Per node, `dimension` lower and `dimension` upper box coordinates.
    let boxLower: [Double]
    let boxUpper: [Double]

    /// The most points a leaf holds.
    static let leafSize = 16

    /// Builds the tree over the rows of `data`.
    init(_ data: Matrix) {
        let n = data.rows, d = data.columns
        dimension = d
        var order = Array(0..<n)
        var starts: [Int] = [], ends: [Int] = [], lefts: [Int] = [], rights: [Int] = []
        var lower: [Double] = [], upper: [Double] = []
        data.storage.withUnsafeBufferPointer { source in
            let x = source.baseAddress!
            order.withUnsafeMutableBufferPointer { orderBuffer in
                let order = orderBuffer.baseAddress!
                // Iterative build with an explicit stack of (node, start, end).
                var pending: [(node: Int, start: Int, end: Int)] = []
                func makeNode(start: Int, end: Int) -> Int {
                    let node = starts.count
                    starts.append(start); ends.append(end); lefts.append(-1); rights.append(-1)
                    for j in 0..<d {
                        var lo = Double.infinity, hi = -Double.infinity
                        for i in start..<end {
                            let v = x[order[i] * d + j]
                            lo = min(lo, v); hi = max(hi, v)
                        }
                        lower.append(lo); upper.append(hi)
                    }
                    return node
                }
                pending.append((makeNode(start: 0, end: n), 0, n))
                while let (node, start, end) = pending.popLast() {
                    guard end - start > KDTree.leafSize else { continue }
                    // Widest dimension of the box.
                    var splitDimension = 0, widest = -1.0
                    for j in 0..<d {
                        let spread = upper[node * d + j] - lower[node * d + j]
                        if spread > widest { widest = spread; splitDimension = j }
                    }
                    if widest <= 0 { continue } // all points equal: keep as a leaf
                    let middle = (start + end) / 2
                    KDTree.select(order, from: start, to: end, nth: middle) { x[$0 * d + splitDimension] }
                    let left = makeNode(start: start, end: middle)
                    let right = makeNode(start: middle, end: end)
                    lefts[node] = left
                    rights[node] = right
                    pending.append((right, middle, end))
                    pending.append((left, start, middle))
                }
            }
        }
        var reordered = [Double](repeating: 0, count: n * d)
        for (position, index) in order.enumerated() {
            for j in 0..<d { reordered[position * d + j] = data.storage[index * d + j] }
        }
        points = reordered
        originalIndex = order
        nodeStart = starts; nodeEnd = ends; nodeLeft = lefts; nodeRight = rights
        boxLower = lower; boxUpper = upper
    }

    /// Quickselect: rearranges `items[from..<to]` so that position `nth` holds the element that
    /// would be there in sorted order of `key`, with smaller-or-equal keys before it.
    private static func select(
        _ items: UnsafeMutablePointer<Int>, from: Int, to: Int, nth: Int, key: (Int) -> Double
    ) {
        var low = from, high = to - 1
        while high > low {
            // Median of three as pivot keeps sorted input fast.
            let mid = low + (high - low) / 2
            let a = key(items[low]), b = key(items[mid]), c = key(items[high])
            let pivot = max(min(a, b), min(max(a, b), c))
            var i = low, j = high
            while i <= j {
                while key(items[i]) < pivot { i += 1 }
                while key(items[j]) > pivot { j -= 1 }
                if i <= j {
                    let t = items[i]; items[i] = items[j]; items[j] = t
                    i += 1; j -= 1
                }
            }
            if nth <= j { high = j } else if nth >= i { low = i } else { return }
        }
    }

    /// Runs `body` with a read-only view of the tree's arrays, valid only inside `body`, so a batch
    /// of queries pays for the array access once rather than per query.
    func withSearcher<R>(_ body: (KDTreeSearcher) -> R) -> R {
        points.withUnsafeBufferPointer { pointBuffer in
        originalIndex.withUnsafeBufferPointer { indexBuffer in
        nodeStart.withUnsafeBufferPointer { starts in
        nodeEnd.withUnsafeBufferPointer { ends in
        nodeLeft.withUnsafeBufferPointer { lefts in
        nodeRight.withUnsafeBufferPointer { rights in
        boxLower.withUnsafeBufferPointer { lower in
        boxUpper.withUnsafeBufferPointer { upper in
            body(KDTreeSearcher(
                dimension: dimension, points: pointBuffer.baseAddress!, originalIndex: indexBuffer.baseAddress!,
                starts: starts.baseAddress!, ends: ends.baseAddress!, lefts: lefts.baseAddress!,
                rights: rights.baseAddress!, lower: lower.baseAddress!, upper: upper.baseAddress!))
        }}}}}}}}
    }

    /// Stack slots a search needs: each level of descent leaves at most one sibling pending, so
    /// the node count plus one is a safe, simple upper bound.
    var stackCapacity: Int { nodeStart.count + 1 }
}

/// Borrowed pointers into a `KDTree`'s arrays, for searching many queries (possibly on several
/// threads: the view is read-only). Valid only inside `KDTree.withSearcher`.
struct KDTreeSearcher: @unchecked Sendable {
    let dimension: Int
    let points: UnsafePointer<Double>
    let originalIndex: UnsafePointer<Int>
    let starts: UnsafePointer<Int>
    let ends: UnsafePointer<Int>
    let lefts: UnsafePointer<Int>
    let rights: UnsafePointer<Int>
    let lower: UnsafePointer<Double>
    let upper: UnsafePointer<Double>

    /// The reduced distance from the query to a node's box, summed in axis order like the distance
    /// itself so that it never exceeds the distance to any point inside the box.
    @inline(__always)
    private func bound<M: ReducedDistance>(_ node: Int, _ query: UnsafePointer<Double>, _ metric: M.Type) -> Double {
        var sum = 0.0
        let base = node * dimension
        for j in 0..<dimension {
            let q = query[j]
            let lo = lower[base + j], hi = upper[base + j]
            if q < lo { sum += M.term(lo - q) } else if q > hi { sum += M.term(q - hi) }
        }
        return sum
    }

    /// Fills `heap` with the nearest points to `query` (training indices, reduced distances).
    /// `nodeStack` and `boundStack` need `KDTree.stackCapacity` slots each.
    @inline(__always)
    func search<M: ReducedDistance>(
        _ query: UnsafePointer<Double>, metric: M.Type, heap: inout NeighborHeap,
        nodeStack: UnsafeMutablePointer<Int>, boundStack: UnsafeMutablePointer<Double>
    ) {
        let d = dimension
        nodeStack[0] = 0
        boundStack[0] = bound(0, query, metric)
        var top = 1
        while top > 0 {
            top -= 1
            let node = nodeStack[top]
            // Strictly greater: a point at an equal distance may still win on its lower index.
            if heap.isFull && boundStack[top] > heap.worstDistance { continue }
            let left = lefts[node]
            if left < 0 {
                for i in starts[node]..<ends[node] {
                    heap.offer(distance: M.between(query, points + i * d, count: d), index: originalIndex[i])
                }
                continue
            }
            let right = rights[node]
            let leftBound = bound(left, query, metric), rightBound = bound(right, query, metric)
            // Push the farther child first so the nearer one is searched first.
            if leftBound <= rightBound {
                nodeStack[top] = right; boundStack[top] = rightBound
                nodeStack[top + 1] = left; boundStack[top + 1] = leftBound
            } else {
                nodeStack[top] = left; boundStack[top] = leftBound
                nodeStack[top + 1] = right; boundStack[top + 1] = rightBound
            }
            top += 2
        }
    }
}
