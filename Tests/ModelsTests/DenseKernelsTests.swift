import Testing
@testable import Models

@Suite struct DenseKernelsTests {
    @Test(arguments: [(1, 1, 1), (4, 4, 4), (7, 10, 5), (9, 3, 13), (16, 64, 64), (5, 8, 1), (3, 15, 4)])
    func blockedProductEqualsNaive(m: Int, n: Int, k: Int) {
        var rng = SeededGenerator(seed: UInt64(m * 100 + n * 10 + k))
        let a = (0..<(m * k)).map { _ in rng.nextGaussian() }
        let b = (0..<(k * n)).map { _ in rng.nextGaussian() }
        let start = (0..<(m * n)).map { _ in rng.nextGaussian() }
        for accumulate in [false, true] { for blocked in [false, true] {
            var c = start
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cp in
                        if blocked {
                            DenseKernels.multiplyBlocked(
                                m: m, n: n, k: k, ap.baseAddress!, lda: k, bp.baseAddress!, ldb: n,
                                cp.baseAddress!, ldc: n, accumulate: accumulate)
                        } else {
                            DenseKernels.multiplyPlain(
                                m: m, n: n, k: k, ap.baseAddress!, lda: k, bp.baseAddress!, ldb: n,
                                cp.baseAddress!, ldc: n, accumulate: accumulate)
                        }
                    }
                }
            }
            for i in 0..<m {
                for j in 0..<n {
                    var expected = accumulate ? start[i * n + j] : 0
                    for p in 0..<k { expected += a[i * k + p] * b[p * n + j] }
                    #expect(abs(c[i * n + j] - expected) < 1e-12)
                }
            }
        } }
    }

    @Test func transposeOfARaggedMatrix() {
        let rows = 11, columns = 9
        let source = (0..<(rows * columns)).map(Double.init)
        var destination = [Double](repeating: -1, count: rows * columns)
        source.withUnsafeBufferPointer { s in
            destination.withUnsafeMutableBufferPointer { d in
                DenseKernels.transpose(s.baseAddress!, rows: rows, columns: columns, into: d.baseAddress!)
            }
        }
        for r in 0..<rows { for c in 0..<columns { #expect(destination[c * rows + r] == source[r * columns + c]) } }
    }
}
