/// The small dense-matrix routines the network trains with: a register-blocked product and a
/// transpose, on raw row-major buffers, allocating nothing.
///
/// The product computes 4 x 4 blocks of the result in SIMD registers while walking the shared
/// dimension once, so each element of A and B loaded from memory feeds four multiply-adds.
/// The network's matrices (a batch of 100-200 rows against 64 x 64 weights) fit in the L1/L2
/// caches, so no further cache blocking is needed.
enum DenseKernels {
    /// `C = A B` (or `C += A B` when `accumulate`), with `A` `m x k` (row stride `lda`),
    /// `B` `k x n` (row stride `ldb`) and `C` `m x n` (row stride `ldc`).
    ///
    /// Optimised builds use the register-blocked SIMD kernel. Unoptimised (debug) builds use the
    /// plain row-times-matrix loop instead: without optimisation the generic SIMD types compile to
    /// function calls and run many times slower than scalar code, which would make the test suite
    /// crawl. Both are tested against a naive product.
    @inline(__always)
    static func multiply(
        m: Int, n: Int, k: Int,
        _ a: UnsafePointer<Double>, lda: Int,
        _ b: UnsafePointer<Double>, ldb: Int,
        _ c: UnsafeMutablePointer<Double>, ldc: Int,
        accumulate: Bool
    ) {
        #if DEBUG
        multiplyPlain(m: m, n: n, k: k, a, lda: lda, b, ldb: ldb, c, ldc: ldc, accumulate: accumulate)
        #else
        multiplyBlocked(m: m, n: n, k: k, a, lda: lda, b, ldb: ldb, c, ldc: ldc, accumulate: accumulate)
        #endif
    }

    /// The product one row of `C` at a time: `C[i, :] += A[i, p] * B[p, :]`.
    static func multiplyPlain(
        m: Int, n: Int, k: Int,
        _ a: UnsafePointer<Double>, lda: Int,
        _ b: UnsafePointer<Double>, ldb: Int,
        _ c: UnsafeMutablePointer<Double>, ldc: Int,
        accumulate: Bool
    ) {
        for i in 0..<m {
            let ci = c + i * ldc
            if !accumulate { ci.update(repeating: 0, count: n) }
            let ai = a + i * lda
            for p in 0..<k {
                let aip = ai[p]
                let bp = b + p * ldb
                for j in 0..<n { ci[j] += aip * bp[j] }
            }
        }
    }

    /// The register-blocked product (4 x 4 tiles of `C` in SIMD registers).
    static func multiplyBlocked(
        m: Int, n: Int, k: Int,
        _ a: UnsafePointer<Double>, lda: Int,
        _ b: UnsafePointer<Double>, ldb: Int,
        _ c: UnsafeMutablePointer<Double>, ldc: Int,
        accumulate: Bool
    ) {
        let fullColumns = n & ~3
        var i = 0
        while i + 4 <= m {
            let a0 = a + i * lda, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda
            var j = 0
            while j < fullColumns {
                var c0 = SIMD4<Double>(), c1 = SIMD4<Double>(), c2 = SIMD4<Double>(), c3 = SIMD4<Double>()
                var bp = b + j
                for p in 0..<k {
                    let bv = load(bp)
                    c0 += SIMD4(repeating: a0[p]) * bv
                    c1 += SIMD4(repeating: a1[p]) * bv
                    c2 += SIMD4(repeating: a2[p]) * bv
                    c3 += SIMD4(repeating: a3[p]) * bv
                    bp += ldb
                }
                let cp = c + i * ldc + j
                if accumulate {
                    c0 += load(cp); c1 += load(cp + ldc); c2 += load(cp + 2 * ldc); c3 += load(cp + 3 * ldc)
                }
                store(c0, cp); store(c1, cp + ldc); store(c2, cp + 2 * ldc); store(c3, cp + 3 * ldc)
                j += 4
            }
            for row in i..<(i + 4) where fullColumns < n {
                scalarRow(row: row, from: fullColumns, n: n, k: k, a, lda: lda, b, ldb: ldb, c, ldc: ldc, accumulate: accumulate)
            }
            i += 4
        }
        while i < m {
            let ai = a + i * lda
            var j = 0
            while j < fullColumns {
                var acc = SIMD4<Double>()
                var bp = b + j
                for p in 0..<k {
                    acc += SIMD4(repeating: ai[p]) * load(bp)
                    bp += ldb
                }
                let cp = c + i * ldc + j
                if accumulate { acc += load(cp) }
                store(acc, cp)
                j += 4
            }
            if fullColumns < n {
                scalarRow(row: i, from: fullColumns, n: n, k: k, a, lda: lda, b, ldb: ldb, c, ldc: ldc, accumulate: accumulate)
            }
            i += 1
        }
    }

    /// Columns `from..<n` of one row of the product, element by element (the ragged right edge).
    @inline(__always)
    private static func scalarRow(
        row: Int, from: Int, n: Int, k: Int,
        _ a: UnsafePointer<Double>, lda: Int, _ b: UnsafePointer<Double>, ldb: Int,
        _ c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool
    ) {
        let ai = a + row * lda
        for j in from..<n {
            var sum = 0.0
            for p in 0..<k { sum += ai[p] * b[p * ldb + j] }
            let index = row * ldc + j
            c[index] = accumulate ? c[index] + sum : sum
        }
    }

    /// `destination = source^T` for a `rows x columns` row-major source (destination is
    /// `columns x rows`).
    static func transpose(
        _ source: UnsafePointer<Double>, rows: Int, columns: Int, into destination: UnsafeMutablePointer<Double>
    ) {
        // 8 x 8 tiles keep both the reads and the writes within a few cache lines.
        let tile = 8
        var r0 = 0
        while r0 < rows {
            let r1 = min(rows, r0 + tile)
            var c0 = 0
            while c0 < columns {
                let c1 = min(columns, c0 + tile)
                for r in r0..<r1 {
                    for c in c0..<c1 { destination[c * rows + r] = source[r * columns + c] }
                }
                c0 = c1
            }
            r0 = r1
        }
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inline(__always)
    private static func load(_ p: UnsafeMutablePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inline(__always)
    private static func store(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Double>.self)
    }
}
