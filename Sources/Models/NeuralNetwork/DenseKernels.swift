/// The small dense-matrix routines the network trains with: a register-blocked product (of `A` or
/// `A^T` with `B`) and a transpose, on raw row-major buffers, allocating nothing on the heap.
///
/// The product computes 2 x 8 blocks of the result in SIMD registers while walking the shared
/// dimension once, so each value of `A` loaded feeds eight multiply-adds and each of `B` two.
/// The network's matrices (a batch of 100-200 rows against 64 x 64 weights) fit in the L1/L2
/// caches, so no further cache blocking is needed. The code is plain Swift SIMD, so it compiles to
/// the baseline x86-64 (SSE2) or ARM instruction set without special flags.
enum DenseKernels {
    /// `C = A B` (or `C += A B` when `accumulate`), with `A` `m x k` (row stride `lda`),
    /// `B` `k x n` (row stride `ldb`) and `C` `m x n` (row stride `ldc`).
    @inline(__always)
    static func multiply(
        m: Int, n: Int, k: Int,
        _ a: UnsafePointer<Double>, lda: Int,
        _ b: UnsafePointer<Double>, ldb: Int,
        _ c: UnsafeMutablePointer<Double>, ldc: Int,
        accumulate: Bool
    ) {
        product(m: m, n: n, k: k, a, rowStride: lda, stepStride: 1, b, ldb: ldb, c, ldc: ldc, accumulate: accumulate)
    }

    /// `C = A^T B` (or `C += A^T B`), with `A` stored `k x m` (row stride `lda`), `B` `k x n` and
    /// `C` `m x n`: the weight gradient `A_{l-1}^T D_l` without transposing the activations.
    @inline(__always)
    static func multiplyTransposingA(
        m: Int, n: Int, k: Int,
        _ a: UnsafePointer<Double>, lda: Int,
        _ b: UnsafePointer<Double>, ldb: Int,
        _ c: UnsafeMutablePointer<Double>, ldc: Int,
        accumulate: Bool
    ) {
        product(m: m, n: n, k: k, a, rowStride: 1, stepStride: lda, b, ldb: ldb, c, ldc: ldc, accumulate: accumulate)
    }

    /// The product with `A`'s element for output row `i` and step `p` at
    /// `a[i * rowStride + p * stepStride]`, which covers both `A` and `A^T`.
    ///
    /// Optimised builds use the register-blocked SIMD kernel. Unoptimised (debug) builds use the
    /// plain row-times-matrix loop instead: without optimisation the generic SIMD types compile to
    /// function calls and run many times slower than scalar code, which would make the test suite
    /// crawl. Both are tested against a naive product.
    @inline(__always)
    static func product(
        m: Int, n: Int, k: Int,
        _ a: UnsafePointer<Double>, rowStride: Int, stepStride: Int,
        _ b: UnsafePointer<Double>, ldb: Int,
        _ c: UnsafeMutablePointer<Double>, ldc: Int,
        accumulate: Bool
    ) {
        #if DEBUG
        productPlain(m: m, n: n, k: k, a, rowStride: rowStride, stepStride: stepStride, b, ldb: ldb, c, ldc: ldc, accumulate: accumulate)
        #else
        productBlocked(m: m, n: n, k: k, a, rowStride: rowStride, stepStride: stepStride, b, ldb: ldb, c, ldc: ldc, accumulate: accumulate)
        #endif
    }

    /// The product one row of `C` at a time: `C[i, :] += A[i, p] * B[p, :]`.
    static func productPlain(
        m: Int, n: Int, k: Int,
        _ a: UnsafePointer<Double>, rowStride: Int, stepStride: Int,
        _ b: UnsafePointer<Double>, ldb: Int,
        _ c: UnsafeMutablePointer<Double>, ldc: Int,
        accumulate: Bool
    ) {
        for i in 0..<m {
            let ci = c + i * ldc
            if !accumulate { ci.update(repeating: 0, count: n) }
            let ai = a + i * rowStride
            for p in 0..<k {
                let aip = ai[p * stepStride]
                let bp = b + p * ldb
                for j in 0..<n { ci[j] += aip * bp[j] }
            }
        }
    }

    /// The register-blocked product: for each pair of output rows, the steps `p` at which either
    /// row of `A` is non-zero are packed first (their two `A` values side by side, and the offset
    /// of row `p` of `B`); then 2 x 8 tiles of `C` are accumulated in SIMD registers over the packed
    /// steps only, with narrower tiles (4, 2, 1 columns) for the right edge and a single-row pass
    /// for an odd last row.
    ///
    /// Packing makes the transposed case contiguous and skips the zeros that ReLU activations and
    /// blank pixels are full of (a third or more of the work on digits). A skipped term is
    /// `0 * B[p, j]`, so the sums are unchanged unless `B` holds an infinity or NaN, which training
    /// reports as divergence anyway. (Measured here, 2 x 8 tiles beat 4 x 4, 3 x 8 and 4 x 6 for the
    /// 100 x 64 x 64 products of a mini-batch.)
    static func productBlocked(
        m: Int, n: Int, k: Int,
        _ a: UnsafePointer<Double>, rowStride: Int, stepStride: Int,
        _ b: UnsafePointer<Double>, ldb: Int,
        _ c: UnsafeMutablePointer<Double>, ldc: Int,
        accumulate: Bool
    ) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: max(k, 1)) { offsetBuffer in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: max(4 * k, 4)) { pairBuffer in
                let offsets = offsetBuffer.baseAddress!, pairs = pairBuffer.baseAddress!
                var i = 0
                while i + 2 <= m {
                    let a0 = a + i * rowStride, a1 = a0 + rowStride
                    var count = 0
                    for p in 0..<k {
                        let x0 = a0[p * stepStride], x1 = a1[p * stepStride]
                        offsets[count] = p * ldb
                        // Each value twice, so a tile loads it ready-broadcast.
                        pairs[4 * count] = x0
                        pairs[4 * count + 1] = x0
                        pairs[4 * count + 2] = x1
                        pairs[4 * count + 3] = x1
                        count += (x0 != 0 || x1 != 0) ? 1 : 0  // branch-free compaction
                    }
                    pairTiles(count: count, n: n, offsets: offsets, pairs: pairs, b: b, c + i * ldc, ldc: ldc, accumulate: accumulate)
                    i += 2
                }
                if i < m {
                    // The odd last row: C[i, :] (+)= sum_p A[i, p] B[p, :], one output row in one pass.
                    let ai = a + i * rowStride, ci = c + i * ldc
                    if !accumulate { ci.update(repeating: 0, count: n) }
                    for p in 0..<k {
                        let x = ai[p * stepStride]
                        let bp = b + p * ldb
                        for j in 0..<n { ci[j] += x * bp[j] }
                    }
                }
            }
        }
    }

    /// Two rows of `C` from `count` packed steps: `pairs[4q]` (twice) and `pairs[4q + 2]` (twice)
    /// are the two rows' `A` values at step `q`, and `b + offsets[q]` is the matching row of `B`.
    @inline(__always)
    private static func pairTiles(
        count: Int, n: Int, offsets: UnsafePointer<Int>, pairs: UnsafePointer<Double>,
        b: UnsafePointer<Double>, _ c0: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool
    ) {
        let c1 = c0 + ldc
        var j = 0
        while j + 8 <= n {
            var s00 = SIMD4<Double>(), s01 = SIMD4<Double>(), s10 = SIMD4<Double>(), s11 = SIMD4<Double>()
            let bj = b + j
            for q in 0..<count {
                let bp = bj + offsets[q]
                let b0 = load4(bp), b1 = load4(bp + 4)
                let v0 = load2(pairs + 4 * q), v1 = load2(pairs + 4 * q + 2)
                let x0 = SIMD4(lowHalf: v0, highHalf: v0), x1 = SIMD4(lowHalf: v1, highHalf: v1)
                s00 += x0 * b0; s01 += x0 * b1
                s10 += x1 * b0; s11 += x1 * b1
            }
            store4(s00, c0 + j, accumulate); store4(s01, c0 + j + 4, accumulate)
            store4(s10, c1 + j, accumulate); store4(s11, c1 + j + 4, accumulate)
            j += 8
        }
        if j + 4 <= n {
            var s0 = SIMD4<Double>(), s1 = SIMD4<Double>()
            let bj = b + j
            for q in 0..<count {
                let bv = load4(bj + offsets[q])
                let v0 = load2(pairs + 4 * q), v1 = load2(pairs + 4 * q + 2)
                s0 += SIMD4(lowHalf: v0, highHalf: v0) * bv
                s1 += SIMD4(lowHalf: v1, highHalf: v1) * bv
            }
            store4(s0, c0 + j, accumulate); store4(s1, c1 + j, accumulate)
            j += 4
        }
        if j + 2 <= n {
            var s0 = SIMD2<Double>(), s1 = SIMD2<Double>()
            let bj = b + j
            for q in 0..<count {
                let bv = load2(bj + offsets[q])
                s0 += load2(pairs + 4 * q) * bv
                s1 += load2(pairs + 4 * q + 2) * bv
            }
            store2(s0, c0 + j, accumulate); store2(s1, c1 + j, accumulate)
            j += 2
        }
        if j < n {
            var s0 = 0.0, s1 = 0.0
            let bj = b + j
            for q in 0..<count {
                let value = bj[offsets[q]]
                s0 += pairs[4 * q] * value
                s1 += pairs[4 * q + 2] * value
            }
            c0[j] = accumulate ? c0[j] + s0 : s0
            c1[j] = accumulate ? c1[j] + s1 : s1
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
    private static func load4(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inline(__always)
    private static func load2(_ p: UnsafePointer<Double>) -> SIMD2<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD2<Double>.self)
    }

    /// Writes (or adds, when `accumulate`) four sums to `p`.
    @inline(__always)
    private static func store4(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>, _ accumulate: Bool) {
        let raw = UnsafeMutableRawPointer(p)
        raw.storeBytes(of: accumulate ? v + raw.loadUnaligned(as: SIMD4<Double>.self) : v, as: SIMD4<Double>.self)
    }

    @inline(__always)
    private static func store2(_ v: SIMD2<Double>, _ p: UnsafeMutablePointer<Double>, _ accumulate: Bool) {
        let raw = UnsafeMutableRawPointer(p)
        raw.storeBytes(of: accumulate ? v + raw.loadUnaligned(as: SIMD2<Double>.self) : v, as: SIMD2<Double>.self)
    }
}
