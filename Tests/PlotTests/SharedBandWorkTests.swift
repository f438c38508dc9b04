import Foundation
import Testing
@testable import Plot

/// Bands of one PNG share band-independent work (contour lines in pixels); sharing must never
/// change a result or a pixel.
@Suite("Work shared between PNG bands")
struct SharedBandWorkTests {
    @Test("two threads making the same requests each get every result, each item computed once")
    func sharedAcrossThreads() {
        let shared = SharedBandWork()
        let calls = CallCounter()
        let results = ResultSlots()
        let threads = (0..<2).map { slot in
            Thread {
                let client = SharedBandWorkClient(shared)
                let first = client.map(fingerprint: 7, count: 50) { i -> Int in calls.add(); return i * i }
                let second = client.map(fingerprint: 7, count: 3) { i -> Int in calls.add(); return -i }
                results.set(slot, first + second)
            }
        }
        threads.forEach { $0.start() }
        while !results.complete { usleep(1000) }
        let expected = (0..<50).map { $0 * $0 } + [0, -1, -2]
        #expect(results.values == [expected, expected])
        #expect(calls.count == 53)
    }

    @Test("a band whose inputs differ computes everything itself")
    func mismatchedFingerprint() {
        let shared = SharedBandWork()
        let a = SharedBandWorkClient(shared), b = SharedBandWorkClient(shared)
        #expect(a.map(fingerprint: 1, count: 4) { $0 + 10 } == [10, 11, 12, 13])
        #expect(b.map(fingerprint: 2, count: 4) { $0 + 20 } == [20, 21, 22, 23])
    }

    @Test("a contour chart drawn in 2 or 3 bands gives the same pixels as one surface", arguments: [2, 3])
    func contourBandsMatchWholeImage(bands: Int) throws {
        let xs = (0..<60).map { -3 + 6 * Double($0) / 59 }
        let grid = Grid2D(xs: xs, ys: xs, values: xs.flatMap { y in xs.map { x in x * x + 2 * y * y + x * y } })
        let figure = Figure(width: 800, height: 500, panel: Panel(
            title: "Contours", xLabel: "w", yLabel: "b",
            marks: [.contour(grid, levels: .logarithmic(12), colorBar: "J"),
                    .path([Point(2.5, 2), Point(1, 0.5), Point(0, 0)], label: "path")]))
        let whole = try decodePNG(try BandedPNGTests.render(figure, bands: 1))
        let banded = try decodePNG(try BandedPNGTests.render(figure, bands: bands))
        #expect(banded.rgba == whole.rgba)
    }
}

private final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.lock(); value += 1; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return value }
}

private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[Int]?] = [nil, nil]
    func set(_ slot: Int, _ values: [Int]) { lock.lock(); slots[slot] = values; lock.unlock() }
    var complete: Bool { lock.lock(); defer { lock.unlock() }; return slots.allSatisfy { $0 != nil } }
    var values: [[Int]] { lock.lock(); defer { lock.unlock() }; return slots.compactMap { $0 } }
}
