/// A bounded max-heap of the best `capacity` candidates seen so far, over caller-owned buffers.
///
/// Candidates are ordered by (reduced distance, training index): among equal distances the lower
/// training index counts as nearer. The root is therefore the current worst of the k best, and a
/// new candidate enters only if it beats the root, so a search costs O(log k) per accepted point
/// and allocates nothing.
struct NeighborHeap {
    let capacity: Int
    private(set) var count = 0
    let distances: UnsafeMutablePointer<Double>
    let indices: UnsafeMutablePointer<Int>

    init(capacity: Int, distances: UnsafeMutablePointer<Double>, indices: UnsafeMutablePointer<Int>) {
        self.capacity = capacity
        self.distances = distances
        self.indices = indices
    }

    /// True when candidate a is farther than candidate b (the heap's ordering).
    @inline(__always)
    private func farther(_ a: Int, than b: Int) -> Bool {
        distances[a] > distances[b] || (distances[a] == distances[b] && indices[a] > indices[b])
    }

    /// Whether the heap is full, so that only candidates better than `worstDistance` can enter.
    var isFull: Bool { count == capacity }

    /// The reduced distance of the current k-th best; +infinity until the heap is full.
    var worstDistance: Double { count == capacity ? distances[0] : .infinity }

    /// Offers a candidate; keeps it if it is among the best `capacity` seen.
    @inline(__always)
    mutating func offer(distance: Double, index: Int) {
        if count < capacity {
            var child = count
            count += 1
            // Sift up.
            while child > 0 {
                let parent = (child - 1) / 2
                let parentFartherOrEqual = distances[parent] > distance
                    || (distances[parent] == distance && indices[parent] > index)
                if parentFartherOrEqual { break }
                distances[child] = distances[parent]
                indices[child] = indices[parent]
                child = parent
            }
            distances[child] = distance
            indices[child] = index
            return
        }
        // Full: enter only when strictly nearer than the root in (distance, index) order.
        guard distance < distances[0] || (distance == distances[0] && index < indices[0]) else { return }
        distances[0] = distance
        indices[0] = index
        siftDown(from: 0, end: count)
    }

    @inline(__always)
    private func siftDown(from start: Int, end: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            if left >= end { return }
            var largest = left
            let right = left + 1
            if right < end && farther(right, than: left) { largest = right }
            if !farther(largest, than: parent) { return }
            distances.swapAt(parent, largest)
            indices.swapAt(parent, largest)
            parent = largest
        }
    }

    /// Sorts the kept candidates in place, nearest first (heap sort), and returns how many there are.
    @discardableResult
    mutating func sortAscending() -> Int {
        var end = count
        while end > 1 {
            end -= 1
            distances.swapAt(0, end)
            indices.swapAt(0, end)
            siftDown(from: 0, end: end)
        }
        return count
    }
}

extension UnsafeMutablePointer {
    @inline(__always)
    fileprivate func swapAt(_ i: Int, _ j: Int) {
        let t = self[i]
        self[i] = self[j]
        self[j] = t
    }
}
