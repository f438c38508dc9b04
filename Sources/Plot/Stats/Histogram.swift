import Foundation

/// How a histogram chooses its bins.
public enum HistogramBins: Sendable, Equatable {
    /// Bin width by the Freedman-Diaconis rule (2 IQR / n^(1/3)), but never fewer bins than
    /// Sturges' rule (log2 n + 1), rounded to a nice width (1, 2, 2.5, 5 x 10^k) with edges on its
    /// multiples. At most 1000 bins.
    case auto
    /// This many equal bins from the smallest to the largest finite value.
    case count(Int)
    /// These edges, increasing: bin i is [edges[i], edges[i+1]), the last bin includes its right edge.
    case edges([Double])
}

/// Why a histogram could not be built as asked.
public enum HistogramError: Error, Equatable, CustomStringConvertible {
    /// `.count(n)` with n < 1.
    case invalidBinCount(Int)
    /// `.edges` with fewer than two edges.
    case tooFewEdges(Int)
    /// `.edges` with a NaN or infinite edge at this index.
    case nonFiniteEdge(index: Int)
    /// `.edges` not strictly increasing at this index.
    case edgesNotIncreasing(index: Int)

    /// What went wrong, in words a student understands.
    public var description: String {
        switch self {
        case .invalidBinCount(let n):
            "A histogram needs at least one bin, but \(n) bins were asked for."
        case .tooFewEdges(let n):
            "Histogram bin edges need at least two values (one bin), but \(n) were given."
        case .nonFiniteEdge(let index):
            "Histogram bin edge \(index) is NaN or infinite; edges must be finite numbers."
        case .edgesNotIncreasing(let index):
            "Histogram bin edges must increase strictly, but edge \(index) is not larger than edge \(index - 1)."
        }
    }
}

/// Counts of values in consecutive bins.
///
/// Bin i covers [edges[i], edges[i+1]); the last bin also includes its right edge, so the largest
/// value is counted. NaN and infinite values are skipped, and so are values outside explicit edges.
///
/// ```swift
/// let h = Histogram.compute([1, 2, 2, 3, 3, 3], bins: .edges([1, 2, 3]))
/// h.counts      // [1, 5]
/// ```
public struct Histogram: Sendable, Equatable {
    /// Increasing bin edges, one more than `counts` (both empty for an empty histogram).
    public var edges: [Double]
    /// Number of values in each bin.
    public var counts: [Int]

    /// A histogram from given edges and counts (`edges.count == counts.count + 1`), e.g. one
    /// computed elsewhere.
    public init(edges: [Double], counts: [Int]) {
        self.edges = edges
        self.counts = counts
    }

    /// The histogram with no bins, for input without finite values.
    public static let empty = Histogram(edges: [], counts: [])

    /// Total number of counted values.
    public var total: Int { counts.reduce(0, +) }

    /// Width of each bin.
    public var binWidths: [Double] { zip(edges, edges.dropFirst()).map { $1 - $0 } }

    /// Counts divided by (total x bin width), so the bars' areas sum to 1 and the histogram can be
    /// compared with a probability density. All zeros when nothing was counted.
    public func density() -> [Double] {
        let total = Double(self.total)
        guard total > 0 else { return counts.map { _ in 0 } }
        return zip(counts, binWidths).map { count, width in Double(count) / (total * width) }
    }

    /// Bins `values` leniently: `.count(n)` with n < 1 uses one bin, `.edges` are sorted with
    /// duplicates and non-finite edges dropped (fewer than two left gives ``empty``). Use
    /// ``init(_:bins:)`` to have such bins reported as errors instead.
    ///
    /// Complexity: O(n) for `.auto` and `.count` plus a sort for `.auto`'s quartiles;
    /// O(n log bins) for `.edges`.
    public static func compute(_ values: [Double], bins: HistogramBins = .auto) -> Histogram {
        switch bins {
        case .auto, .count:
            let finite = values.filter { $0.isFinite }
            guard let low = finite.min(), let high = finite.max() else { return .empty }
            let edges: [Double]
            if case .count(let n) = bins {
                edges = equalEdges(low, high, count: max(1, n))
            } else {
                edges = automaticEdges(finite, low: low, high: high)
            }
            return Histogram(edges: edges, counts: count(finite, edges: edges))
        case .edges(let given):
            let edges = Array(Set(given.filter(\.isFinite))).sorted()
            guard edges.count >= 2 else { return .empty }
            return Histogram(edges: edges, counts: count(values, edges: edges))
        }
    }

    /// Bins `values` strictly: invalid bins throw a ``HistogramError`` saying what is wrong.
    public init(_ values: [Double], bins: HistogramBins = .auto) throws(HistogramError) {
        switch bins {
        case .auto:
            break
        case .count(let n):
            guard n >= 1 else { throw .invalidBinCount(n) }
        case .edges(let edges):
            guard edges.count >= 2 else { throw .tooFewEdges(edges.count) }
            for (index, edge) in edges.enumerated() {
                guard edge.isFinite else { throw .nonFiniteEdge(index: index) }
                if index > 0, edge <= edges[index - 1] { throw .edgesNotIncreasing(index: index) }
            }
        }
        self = Histogram.compute(values, bins: bins)
    }

    // MARK: Binning

    /// `count` equal bins from `low` to `high`; a constant sample gets one bin of width 1 around it.
    private static func equalEdges(_ low: Double, _ high: Double, count: Int) -> [Double] {
        guard high > low else {
            let half = max(0.5, abs(low) * 1e-9)
            return Sampling.linspace(low - half, low + half, count: count + 1)
        }
        return Sampling.linspace(low, high, count: count + 1)
    }

    /// Freedman-Diaconis width with a Sturges floor on the number of bins, rounded to a nice width.
    private static func automaticEdges(_ finite: [Double], low: Double, high: Double) -> [Double] {
        guard high > low else { return equalEdges(low, high, count: 1) }
        let n = Double(finite.count)
        let span = high - low
        let sturgesBins = (log2(n) + 1).rounded(.up)
        // A span beyond the largest Double (e.g. -1e308...1e308) has no nice width: plain equal bins.
        guard span.isFinite else { return equalEdges(low, high, count: Int(sturgesBins)) }
        var width = span / sturgesBins
        var scratch = finite
        let iqr = quantile(&scratch, 0.75) - quantile(&scratch, 0.25)
        if iqr > 0 {
            width = min(width, 2 * iqr / cbrt(n))
        }
        width = max(width, span / 1000)
        guard let nice = niceWidth(atMost: width, low: low, high: high, maxBins: 1000) else {
            return equalEdges(low, high, count: Int(min(1000, (span / width).rounded(.up))))
        }
        return nice
    }

    /// Edges on multiples of the largest nice step not above `width` (so there are at least as many
    /// bins as asked for), covering low...high.
    private static func niceWidth(atMost width: Double, low: Double, high: Double, maxBins: Int) -> [Double]? {
        var exponent = Ticks.decimalExponent(width) - 1
        var best: Ticks.NiceStep?
        // Walk the 1-2-2.5-5 ladder upwards and keep the last step that is not wider than `width`.
        search: for _ in 0..<3 {
            for mantissa in [10, 20, 25, 50] {
                let step = Ticks.NiceStep(mantissa: mantissa, exponent: exponent)
                if step.value > width * (1 + 1e-12) { break search }
                best = step
            }
            exponent += 1
        }
        guard let step = best else { return nil }
        let value = step.value
        let first = (low / value).rounded(.down), last = (high / value).rounded(.up)
        guard first.isFinite, last.isFinite, abs(first) < 1e15, abs(last) < 1e15 else { return nil }
        var lastIndex = Int(last)
        // A maximum exactly on an edge belongs to the last bin (inclusive right edge).
        if lastIndex == Int(first) { lastIndex += 1 }
        guard lastIndex - Int(first) <= maxBins else { return nil }
        return (Int(first)...lastIndex).map { step.multiple($0) }
    }

    /// Linear-interpolation quantile (numpy's default) by selection, O(n) on average instead of a
    /// sort; `values` is reordered.
    static func quantile(_ values: inout [Double], _ p: Double) -> Double {
        let position = p * Double(values.count - 1)
        let k = Int(position)
        let fraction = position - Double(k)
        return values.withUnsafeMutableBufferPointer { a in
            select(a, k)
            let low = a[k]
            guard fraction > 0, k + 1 < a.count else { return low }
            // After selection everything right of k is >= a[k]: the next order statistic is their minimum.
            var next = a[k + 1]
            for i in (k + 2)..<a.count where a[i] < next { next = a[i] }
            return low + (next - low) * fraction
        }
    }

    /// Reorders `a` so that a[k] is the k-th smallest value, smaller ones left of it and larger ones
    /// right (quickselect with a median-of-three pivot).
    static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int) {
        var low = 0, high = a.count - 1
        while high > low {
            let mid = low + (high - low) / 2
            // Median of three as the pivot.
            if a[mid] < a[low] { a.swapAt(mid, low) }
            if a[high] < a[low] { a.swapAt(high, low) }
            if a[high] < a[mid] { a.swapAt(high, mid) }
            let pivot = a[mid]
            var i = low, j = high
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return }
        }
    }

    /// Counts of finite values in the bins; values outside the edges are skipped.
    private static func count(_ values: [Double], edges: [Double]) -> [Int] {
        let binCount = edges.count - 1
        var counts = [Int](repeating: 0, count: binCount)
        guard let low = edges.first, let high = edges.last else { return counts }
        // Equal widths allow a direct index; a fix-up keeps the result exact at the stored edges.
        let width = (high - low) / Double(binCount)
        let uniform = width.isFinite && width > 0 && zip(edges, edges.dropFirst()).allSatisfy { abs(($1 - $0) - width) <= width * 1e-9 }
        edges.withUnsafeBufferPointer { e in
            for x in values where x >= low && x <= high {
                var i: Int
                let position = (x - low) / width
                if uniform && position < 1e15 {
                    i = min(max(Int(position), 0), binCount - 1)
                    while i > 0 && x < e[i] { i -= 1 }
                    while i < binCount - 1 && x >= e[i + 1] { i += 1 }
                } else {
                    // The last edge whose value is <= x.
                    var lo = 0, hi = binCount
                    while hi - lo > 1 {
                        let mid = (lo + hi) / 2
                        if e[mid] <= x { lo = mid } else { hi = mid }
                    }
                    i = lo
                }
                counts[i] += 1
            }
        }
        return counts
    }
}
