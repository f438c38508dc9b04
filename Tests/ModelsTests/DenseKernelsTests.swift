import Testing
@testable import Models

@Suite struct DenseKernelsTests {
    /// Both kernels, with A stored as is (`A B`) and transposed (`A^T B`), overwriting and
    /// accumulating, on shapes that hit every edge case of the 2 x 8 tiling.
    @Test(arguments: [(1, 1, 1), (4, 4, 4), (7, 10, 5), (9, 3, 13), (16, 64, 64), (5, 8, 1), (3, 15, 4)])
    func productsEqualNaive(m: Int, n: Int, k: Int) {
        var rng = SeededGenerator(seed: UInt64(m * 100 + n * 10 + k))
        // About 40% zeros in A, as in ReLU activations and digit images (the blocked kernel skips them).
        let a = (0..<(m * k)).map { _ in rng.nextUnit() < 0.4 ? 0 : rng.nextGaussian() }
        let b = (0..<(k * n)).map { _ in rng.nextGaussian() }
        let start = (0..<(m * n)).map { _ in rng.nextGaussian() }
        for accumulate in [false, true] {
            for blocked in [false, true] {
                for transposed in [false, true] {
                    // A is m x k; stored transposed it is k x m with element (i, p) at p * m + i.
                    let stored = transposed ? (0..<(k * m)).map { a[($0 % m) * k + $0 / m] } : a
                    var c = start
                    stored.withUnsafeBufferPointer { ap in
                        b.withUnsafeBufferPointer { bp in
                            c.withUnsafeMutableBufferPointer { cp in
                                let rowStride = transposed ? 1 : k, stepStride = transposed ? m : 1
                                if blocked {
                                    DenseKernels.productBlocked(
                                        m: m, n: n, k: k, ap.baseAddress!, rowStride: rowStride, stepStride: stepStride,
                                        bp.baseAddress!, ldb: n, cp.baseAddress!, ldc: n, accumulate: accumulate)
                                } else {
                                    DenseKernels.productPlain(
                                        m: m, n: n, k: k, ap.baseAddress!, rowStride: rowStride, stepStride: stepStride,
                                        bp.baseAddress!, ldb: n, cp.baseAddress!, ldc: n, accumulate: accumulate)
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
                }
            }
        }
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
