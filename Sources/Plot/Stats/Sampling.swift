import Foundation

/// Evenly spaced samples, functions evaluated on grids, and the normal density: the inputs of
/// curves, heatmaps and contours.
public enum Sampling {
    /// `count` evenly spaced values from `a` to `b`; both ends are exact (the last value is `b`
    /// itself, not `a` plus rounded steps). `count` 0 (or less) gives [], 1 gives [a].
    ///
    /// ```swift
    /// Sampling.linspace(0, 1, count: 5)   // [0, 0.25, 0.5, 0.75, 1]
    /// ```
    public static func linspace(_ a: Double, _ b: Double, count: Int) -> [Double] {
        guard count > 0 else { return [] }
        guard count > 1 else { return [a] }
        let last = count - 1
        let span = b - a
        var values = [Double](repeating: 0, count: count)
        values.withUnsafeMutableBufferPointer { buffer in
            if span.isFinite {
                for i in 0..<last {
                    buffer[i] = a + span * (Double(i) / Double(last))
                }
            } else {
                // The span overflows (e.g. -1e308...1e308): blend the ends instead.
                for i in 0..<last {
                    let t = Double(i) / Double(last)
                    buffer[i] = a * (1 - t) + b * t
                }
            }
            buffer[last] = b
        }
        return values
    }

    /// `count` values `base`^e for exponents e evenly spaced from `lowerExponent` to
    /// `upperExponent`, as numpy's `logspace`. Integer exponents of base 10 give exact powers.
    ///
    /// ```swift
    /// Sampling.logspace(-3, 0, count: 4)   // [0.001, 0.01, 0.1, 1]
    /// ```
    public static func logspace(
        _ lowerExponent: Double, _ upperExponent: Double, count: Int, base: Double = 10
    ) -> [Double] {
        linspace(lowerExponent, upperExponent, count: count).map { exponent in
            if base == 10, exponent == exponent.rounded(), abs(exponent) < 400 {
                return Ticks.powerOfTen(Int(exponent))
            }
            return pow(base, exponent)
        }
    }

    /// `count` values from `a` to `b` with a constant ratio between neighbours (a geometric
    /// sequence), ends exact. Both ends must be non-zero and of one sign, otherwise the result is
    /// empty.
    ///
    /// ```swift
    /// Sampling.geomspace(1, 1000, count: 4)   // [1, 10, 100, 1000]
    /// ```
    public static func geomspace(_ a: Double, _ b: Double, count: Int) -> [Double] {
        guard a.isFinite, b.isFinite, a != 0, b != 0, (a > 0) == (b > 0) else { return [] }
        let sign: Double = a > 0 ? 1 : -1
        let exponents = linspace(log10(abs(a)), log10(abs(b)), count: count)
        var values = exponents.map { sign * pow(10, $0) }
        if !values.isEmpty {
            values[0] = a
            if values.count > 1 { values[values.count - 1] = b }
        }
        return values
    }

    /// `f` evaluated on an `nx` by `ny` grid spanning `x` and `y` (ends included), row-major as
    /// ``Grid2D`` expects: `values[j * nx + i] = f(xs[i], ys[j])`.
    ///
    /// Complexity: nx * ny calls of `f`, one allocation.
    public static func grid(
        x: ClosedRange<Double>, y: ClosedRange<Double>, nx: Int, ny: Int,
        _ f: (Double, Double) -> Double
    ) -> Grid2D {
        let xs = linspace(x.lowerBound, x.upperBound, count: nx)
        let ys = linspace(y.lowerBound, y.upperBound, count: ny)
        var values = [Double](repeating: 0, count: xs.count * ys.count)
        values.withUnsafeMutableBufferPointer { buffer in
            var k = 0
            for yj in ys {
                for xi in xs {
                    buffer[k] = f(xi, yj)
                    k += 1
                }
            }
        }
        return Grid2D(xs: xs, ys: ys, values: values)
    }

    /// The density of the normal distribution N(mean, standardDeviation²) at `x`:
    /// exp(-(x - mean)² / (2 sd²)) / (sd √(2π)).
    ///
    /// A standard deviation that is not positive and finite has no density: the result is NaN.
    @inlinable
    public static func normalPDF(_ x: Double, mean: Double = 0, standardDeviation: Double = 1) -> Double {
        guard standardDeviation > 0, standardDeviation.isFinite else { return .nan }
        let z = (x - mean) / standardDeviation
        return exp(-0.5 * z * z) / (standardDeviation * (2 * Double.pi).squareRoot())
    }
}
