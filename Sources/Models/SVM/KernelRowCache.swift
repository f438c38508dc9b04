/// Rows of the kernel matrix `K[t, s] = k(x_t, x_s)`, computed on first use and kept.
///
/// SMO touches only the rows of the pairs it optimises, so computing rows lazily costs far less
/// than the full `n x n` matrix. When all rows fit in the memory budget (e.g. 2,000 points take
/// 32 MB) nothing is ever evicted; otherwise the least recently used row makes room.
/// A training-time helper owned by one fit on one thread (hence a class with manual storage:
/// returned row pointers must stay valid while the solver reads them).
final class KernelRowCache {
    let count: Int
    let dimension: Int
    let kernel: KernelFunction
    private let points: UnsafeMutablePointer<Double>
    /// The diagonal `k(x_t, x_t)`, which SMO needs for every candidate pair.
    let diagonal: [Double]
    private let slots: UnsafeMutablePointer<Double>
    private var slotOfRow: [Int]
    private var rowOfSlot: [Int]
    private var lastUse: [Int]
    private var clock = 0
    private var filled = 0
    let capacity: Int

    /// A cache over the rows of `points` (row-major, `count x dimension`), holding at most
    /// `budgetBytes` of kernel values (at least two rows).
    init(points source: [Double], count: Int, dimension: Int, kernel: KernelFunction, budgetBytes: Int) {
        precondition(source.count == count * dimension)
        self.count = count
        self.dimension = dimension
        self.kernel = kernel
        let points = UnsafeMutablePointer<Double>.allocate(capacity: max(1, source.count))
        source.withUnsafeBufferPointer { points.initialize(from: $0.baseAddress!, count: source.count) }
        self.points = points
        capacity = max(2, min(count, budgetBytes / max(1, count * MemoryLayout<Double>.stride)))
        slots = .allocate(capacity: capacity * count)
        slotOfRow = Array(repeating: -1, count: count)
        rowOfSlot = Array(repeating: -1, count: capacity)
        lastUse = Array(repeating: -1, count: capacity)
        var diagonal = [Double](repeating: 0, count: count)
        for t in 0..<count {
            let row = points + t * dimension
            diagonal[t] = kernel.evaluate(row, row, count: dimension)
        }
        self.diagonal = diagonal
    }

    deinit {
        points.deallocate()
        slots.deallocate()
    }

    /// True when every row fits, so a pointer returned by `row(_:)` stays valid for the whole fit.
    var holdsEveryRow: Bool { capacity >= count }

    /// Row `t` of the kernel matrix, computed if not cached. With a bounded cache the pointer is
    /// valid until the row is evicted, which never happens to the two most recently used rows.
    func row(_ t: Int) -> UnsafePointer<Double> {
        clock += 1
        var slot = slotOfRow[t]
        if slot < 0 {
            slot = freeSlot()
            if rowOfSlot[slot] >= 0 { slotOfRow[rowOfSlot[slot]] = -1 }
            rowOfSlot[slot] = t
            slotOfRow[t] = slot
            kernel.evaluateRow(
                points + t * dimension, against: points, rows: count, count: dimension,
                into: slots + slot * count)
        }
        lastUse[slot] = clock
        return UnsafePointer(slots + slot * count)
    }

    private func freeSlot() -> Int {
        if filled < capacity {
            filled += 1
            return filled - 1
        }
        var best = 0
        for s in 1..<capacity where lastUse[s] < lastUse[best] { best = s }
        return best
    }
}
