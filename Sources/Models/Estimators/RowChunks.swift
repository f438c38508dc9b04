import Dispatch

/// How a full pass over the rows is split for the two (or more) cores.
///
/// The number of chunks depends only on the size of the data, never on the machine, and the partial
/// sums of the chunks are combined in chunk order, so the same data and the same seed give
/// bit-identical models on any machine.
struct RowChunks: Sendable {
    /// The number of chunks (1 for small data, where threading costs more than it saves).
    let count: Int
    let rows: Int

    /// Below this many matrix elements a pass runs on the calling thread.
    static let parallelThreshold = 1 << 16
    /// Elements per chunk above the threshold (about 1 MB of X).
    static let elementsPerChunk = 1 << 17
    /// The most chunks. Many more chunks than cores let a core that is not shared with other work
    /// take over chunks from one that is (concurrentPerform hands out chunks as threads free up).
    static let maximumChunks = 32

    init(rows: Int, columns: Int) {
        self.rows = rows
        let elements = rows * columns
        if elements < Self.parallelThreshold || rows < 8 {
            count = 1
        } else {
            count = min(Self.maximumChunks, max(2, elements / Self.elementsPerChunk), rows / 4)
        }
    }

    /// The rows of chunk `index`.
    func range(_ index: Int) -> Range<Int> {
        (index * rows / count)..<((index + 1) * rows / count)
    }

    /// Runs `body(chunkIndex)` for every chunk, concurrently when there is more than one.
    /// Each call must write only to its own chunk's outputs.
    func forEach(_ body: @Sendable (Int) -> Void) {
        if count == 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }
}
