import Foundation

/// Tick positions for one axis, their labels and the distance between them.
public struct TickSet: Sendable, Equatable {
    /// Tick positions in data units, increasing.
    public var values: [Double]
    /// One label per value, free of floating-point noise.
    public var labels: [String]
    /// The distance between neighbouring ticks on a linear axis. On a logarithmic axis it is the
    /// distance in decades between major ticks (1 = every decade, 2 = every second decade), or 0
    /// when the ticks are 1-2-5 values inside less than a decade. 0 for an empty set.
    public var step: Double

    /// A tick set from explicit values and labels (one label per value).
    public init(values: [Double], labels: [String], step: Double) {
        self.values = values
        self.labels = labels
        self.step = step
    }

    /// A set with no ticks, returned for ranges that cannot carry any (NaN, infinite, non-positive on log).
    public static let empty = TickSet(values: [], labels: [], step: 0)
}

/// "Nice number" ticks for linear and logarithmic axes.
///
/// Linear ticks sit on integer multiples of a step 1, 2, 2.5 or 5 x 10^k; the step is the smallest
/// one that keeps the number of intervals between ticks at or below `maxIntervals`, so an axis gets
/// as many ticks as allowed. Values are computed as an integer times the step and then rounded to the
/// nearest double of the decimal they stand for, so 3 x 0.1 is the double 0.3 and prints as "0.3".
///
/// ```swift
/// Ticks.linear(lower: 0, upper: 1).values      // [0, 0.2, 0.4, 0.6, 0.8, 1]
/// Ticks.linear(lower: 0, upper: 2).labels      // ["0.00", "0.25", ..., "2.00"]
/// Ticks.logarithmic(lower: 1, upper: 1e5).labels  // ["1", "10", "100", "1000", "10⁴", "10⁵"]
/// ```
public enum Ticks {
    /// Mantissas of the nice steps, times ten, so that a step is `mantissa x 10^exponent` with integers.
    private static let stepMantissas = [10, 20, 25, 50]
    /// Tolerance, in steps, for a tick that lands on a range end up to rounding.
    private static let endTolerance = 1e-9
    /// A span smaller than this fraction of the values' magnitude is treated as zero span.
    private static let minimumRelativeSpan = 1e-12

    // MARK: Linear ticks

    /// Ticks on a linear axis between `lower` and `upper` (inclusive, tolerating rounding).
    ///
    /// - `lower > upper` is swapped; `lower == upper` (or a span lost in rounding) is widened by 10% of
    ///   the value on each side (to -1...1 around 0); NaN or infinite ends give ``TickSet/empty``.
    /// - Labels share one number of decimals, taken from the step (see ``label(_:step:)``).
    ///
    /// Complexity: O(number of ticks).
    public static func linear(lower: Double, upper: Double, maxIntervals: Int = 9) -> TickSet {
        guard let range = usableRange(lower, upper) else { return .empty }
        if !(range.upper - range.lower).isFinite {
            // The span overflows a Double: tick the halved range and double it (exact in binary).
            let half = linear(lower: range.lower / 2, upper: range.upper / 2, maxIntervals: maxIntervals)
            let values = half.values.map { $0 * 2 }
            return TickSet(values: values, labels: labels(values, step: half.step * 2), step: half.step * 2)
        }
        guard let step = niceStep(range.lower, range.upper, maxIntervals: maxIntervals, widened: false)
        else { return .empty }
        return ticks(range.lower, range.upper, step: step)
    }

    /// Ticks at the integer multiples of `step` inside `lower...upper`, labelled consistently.
    ///
    /// Use it to tick an axis whose limits came from ``niceLimits(lower:upper:maxIntervals:)`` with
    /// a step chosen elsewhere. A non-positive or non-finite step, or more than 10 000 ticks, gives
    /// ``TickSet/empty``.
    public static func linear(lower: Double, upper: Double, step: Double) -> TickSet {
        guard let range = usableRange(lower, upper), step > 0, step.isFinite else { return .empty }
        let nice = NiceStep(approximating: step)
        guard let first = bound((range.lower / step - endTolerance).rounded(.up)),
              let last = bound((range.upper / step + endTolerance).rounded(.down)),
              last - first <= 10_000
        else { return .empty }
        var values: [Double] = []
        values.reserveCapacity(max(0, last - first + 1))
        for n in stride(from: first, through: last, by: 1) {
            values.append(nice.map { $0.multiple(n) } ?? Double(n) * step)
        }
        return TickSet(values: values, labels: labels(values, step: step), step: step)
    }

    /// Automatic axis limits: the range widened outwards to multiples of a nice step, choosing the
    /// smallest step for which the widened range has at most `maxIntervals` intervals.
    ///
    /// `linear(lower:upper:maxIntervals:)` on the result then ticks both ends. Degenerate input is
    /// treated as in `linear`; NaN or infinite ends are returned unchanged.
    ///
    /// ```swift
    /// Ticks.niceLimits(lower: 0.3, upper: 97)   // (0, 100)
    /// ```
    public static func niceLimits(
        lower: Double, upper: Double, maxIntervals: Int = 9
    ) -> (lower: Double, upper: Double) {
        guard let range = usableRange(lower, upper),
              (range.upper - range.lower).isFinite,
              let step = niceStep(range.lower, range.upper, maxIntervals: maxIntervals, widened: true),
              let first = bound((range.lower / step.value + endTolerance).rounded(.down)),
              let last = bound((range.upper / step.value - endTolerance).rounded(.up))
        else { return (lower, upper) }
        return (step.multiple(first), step.multiple(last))
    }

    // MARK: Logarithmic ticks

    /// Ticks on a logarithmic axis: the decades 10^k inside the range, every 2nd, 5th, 10th ... decade
    /// when there would be more than 9; 1-2-5 values (then 1...9 x 10^k, then linear ticks) when the
    /// range holds fewer than three decades.
    ///
    /// Labels are plain for exponents -3...3 ("0.001", "1", "1000") and powers otherwise ("10⁴",
    /// "10⁻⁵", "2×10⁻⁵"). Ranges with a non-positive, NaN or infinite end give ``TickSet/empty``.
    public static func logarithmic(lower: Double, upper: Double) -> TickSet {
        guard let range = logRange(lower, upper) else { return .empty }
        let kLow = Int((log10(range.lower) - endTolerance).rounded(.up))
        let kHigh = Int((log10(range.upper) + endTolerance).rounded(.down))
        let decades = kHigh - kLow + 1
        if decades >= 3 {
            let stride = decadeStride(kLow, kHigh)
            let exponents = Swift.stride(from: kLow, through: kHigh, by: 1).filter { $0 % stride == 0 }
            return TickSet(
                values: exponents.map { powerOfTen($0) },
                labels: exponents.map { powerLabel(mantissa: 1, exponent: $0) },
                step: Double(stride)
            )
        }
        for mantissas in [[1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]] {
            let (values, labels) = mantissaTicks(range.lower, range.upper, mantissas: mantissas)
            if values.count >= (mantissas.count == 3 ? 3 : 2) {
                return TickSet(values: values, labels: labels, step: 0)
            }
        }
        // Less than a factor of ~2 between the ends: a log axis looks linear there.
        var linearTicks = linear(lower: range.lower, upper: range.upper, maxIntervals: 5)
        linearTicks.step = 0
        return linearTicks
    }

    /// Minor ticks for a logarithmic axis: 2...9 x 10^k inside the range. When the major ticks skip
    /// decades (more than 9 decades), the skipped decades are the minor ticks instead.
    public static func logMinor(lower: Double, upper: Double) -> [Double] {
        guard let range = logRange(lower, upper) else { return [] }
        let kLow = Int((log10(range.lower) - endTolerance).rounded(.up))
        let kHigh = Int((log10(range.upper) + endTolerance).rounded(.down))
        if kHigh - kLow + 1 >= 3 {
            let stride = decadeStride(kLow, kHigh)
            if stride > 1 {
                return Swift.stride(from: kLow, through: kHigh, by: 1)
                    .filter { $0 % stride != 0 }
                    .map { powerOfTen($0) }
            }
        }
        var minor: [Double] = []
        let first = Int(log10(range.lower).rounded(.down))
        let last = Int(log10(range.upper).rounded(.down))
        for k in first...last {
            for m in 2...9 {
                let v = scaled(m, exponent: k)
                if v >= range.lower * (1 - endTolerance) && v <= range.upper * (1 + endTolerance) {
                    minor.append(v)
                }
            }
        }
        return minor
    }

    // MARK: Labels

    /// A label for `value` on an axis whose ticks are `step` apart.
    ///
    /// The number of decimals is the number `step` needs (0.25 -> 2, 0.5 -> 1, 5 -> 0), so all labels
    /// of one axis look alike and floating-point noise is rounded away. Negative values use the minus
    /// sign U+2212 and "-0" never appears. When max(|value|, step) >= 10^6 or < 10^-3 the label is
    /// compact, "2.5×10⁶", with the decimals the step needs at that exponent.
    ///
    /// ```swift
    /// Ticks.label(0.1 * 3, step: 0.1)     // "0.3"
    /// Ticks.label(-0.5, step: 0.25)       // "−0.50"
    /// Ticks.label(2_500_000, step: 5e5)   // "2.5×10⁶"
    /// ```
    public static func label(_ value: Double, step: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "−∞" : "∞") }
        // The step counts too: a value that rounds to zero at this step is no reason for "×10⁻¹⁷".
        let magnitude = max(abs(value), step.isFinite ? abs(step) : 0)
        return format(value, step: step, exponent: compactExponent(forMagnitude: magnitude))
    }

    /// Labels for one axis: plain or compact for all of them, with one shared exponent (that of the
    /// largest magnitude), so that "0.8×10⁶" and "1.2×10⁶" can be compared at a glance.
    static func labels(_ values: [Double], step: Double) -> [String] {
        let largest = max(values.lazy.filter(\.isFinite).map(abs).max() ?? 0, step.isFinite ? abs(step) : 0)
        let exponent = compactExponent(forMagnitude: largest)
        return values.map { value in
            value.isFinite ? format(value, step: step, exponent: exponent) : label(value, step: step)
        }
    }

    /// The shared exponent of compact labels, or nil when plain decimals read better.
    private static func compactExponent(forMagnitude magnitude: Double) -> Int? {
        guard magnitude > 0, magnitude.isFinite else { return nil }
        let exponent = decimalExponent(magnitude)
        return exponent >= 6 || exponent <= -4 ? exponent : nil
    }

    /// `value` with the decimals `step` needs, either plain or as mantissa × 10^exponent.
    private static func format(_ value: Double, step: Double, exponent: Int?) -> String {
        guard let exponent else {
            return fixed(value, decimals: decimalsNeeded(step))
        }
        let scale = powerOfTen(exponent)
        let mantissaDecimals = decimalsNeeded(step / scale)
        let mantissa = fixed(value / scale, decimals: mantissaDecimals)
        if mantissa == "0" || mantissa.allSatisfy({ $0 == "0" || $0 == "." }) { return "0" }
        return mantissa + "×10" + superscript(exponent)
    }

    /// Decimals needed to write `step` exactly (up to rounding): 0.25 -> 2, 0.1 -> 1, 50 -> 0.
    static func decimalsNeeded(_ step: Double) -> Int {
        let magnitude = abs(step)
        guard magnitude > 0, magnitude.isFinite else { return 0 }
        for decimals in 0...17 {
            let scaledStep = magnitude * powerOfTen(decimals)
            if abs(scaledStep - scaledStep.rounded()) <= 1e-6 * scaledStep { return decimals }
        }
        return 17
    }

    /// `value` with exactly `decimals` digits after the point, U+2212 for negatives, never "-0".
    static func fixed(_ value: Double, decimals: Int) -> String {
        let scaledValue = (value * powerOfTen(decimals)).rounded()
        guard abs(scaledValue) < 9e15 else {
            // Too many digits for an exact integer: let the C formatter round.
            let text = String(format: "%.\(decimals)f", abs(value))
            return (value < 0 && scaledValue != 0 ? "\u{2212}" : "") + text
        }
        var digits = String(Int64(abs(scaledValue)))
        if decimals > 0 {
            if digits.count <= decimals {
                digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return scaledValue < 0 ? "\u{2212}" + digits : digits
    }

    /// A power-of-ten label: "1000" and "0.001" for small exponents, "10⁴", "2×10⁻⁵" otherwise.
    private static func powerLabel(mantissa: Int, exponent: Int) -> String {
        if (-3...3).contains(exponent) {
            return fixed(scaled(mantissa, exponent: exponent), decimals: max(0, -exponent))
        }
        let power = "10" + superscript(exponent)
        return mantissa == 1 ? power : "\(mantissa)×" + power
    }

    /// Superscript digits, with the superscript minus for negative exponents: 4 -> "⁴", -5 -> "⁻⁵".
    static func superscript(_ exponent: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let text = String(String(exponent.magnitude).map { digits[Int($0.asciiValue! - 48)] })
        return exponent < 0 ? "⁻" + text : text
    }

    // MARK: Internals

    /// A step `mantissa x 10^exponent` with an integer mantissa (10, 20, 25 or 50), so multiples of it
    /// can be computed as one correctly rounded operation on an exact integer.
    struct NiceStep {
        var mantissa: Int
        var exponent: Int
        var value: Double { Ticks.scaled(mantissa, exponent: exponent) }

        init(mantissa: Int, exponent: Int) {
            self.mantissa = mantissa
            self.exponent = exponent
        }

        /// The nice step equal to `step` up to rounding, if there is one.
        init?(approximating step: Double) {
            guard step > 0, step.isFinite else { return nil }
            let exponent = Ticks.decimalExponent(step) - 1
            for mantissa in [10, 20, 25, 50, 100] {
                let candidate = Ticks.scaled(mantissa, exponent: exponent)
                if abs(candidate - step) <= 1e-9 * step {
                    self.init(mantissa: mantissa, exponent: exponent)
                    return
                }
            }
            return nil
        }

        /// n x step as the double nearest to the exact decimal.
        func multiple(_ n: Int) -> Double {
            let (product, overflow) = n.multipliedReportingOverflow(by: mantissa)
            return overflow ? Double(n) * value : Ticks.scaled(product, exponent: exponent)
        }
    }

    /// The smallest nice step whose ticks inside (or, when `widened`, around) the range form at most
    /// `maxIntervals` intervals.
    private static func niceStep(
        _ lower: Double, _ upper: Double, maxIntervals: Int, widened: Bool
    ) -> NiceStep? {
        let maxIntervals = max(1, maxIntervals)
        let span = upper - lower
        guard span > 0, span.isFinite else { return nil }
        // Start one decade below the smallest step that could work and walk up.
        var exponent = decimalExponent(span / Double(maxIntervals)) - 2
        for _ in 0..<12 {
            for mantissa in stepMantissas {
                let step = NiceStep(mantissa: mantissa, exponent: exponent)
                let value = step.value
                let low = lower / value, high = upper / value
                guard abs(low) < 1e15, abs(high) < 1e15 else { continue }
                let intervals = widened
                    ? (high - endTolerance).rounded(.up) - (low + endTolerance).rounded(.down)
                    : (high + endTolerance).rounded(.down) - (low - endTolerance).rounded(.up)
                if intervals <= Double(maxIntervals) { return step }
            }
            exponent += 1
        }
        return nil
    }

    /// Ticks at multiples of a nice step inside the range.
    private static func ticks(_ lower: Double, _ upper: Double, step: NiceStep) -> TickSet {
        let stepValue = step.value
        guard let first = bound((lower / stepValue - endTolerance).rounded(.up)),
              let last = bound((upper / stepValue + endTolerance).rounded(.down))
        else { return .empty }
        let values = first <= last ? (first...last).map { step.multiple($0) } : []
        return TickSet(values: values, labels: labels(values, step: stepValue), step: stepValue)
    }

    /// The range ordered, finite and wide enough to tick; nil for NaN or infinite ends.
    private static func usableRange(_ a: Double, _ b: Double) -> (lower: Double, upper: Double)? {
        guard a.isFinite, b.isFinite else { return nil }
        var lower = min(a, b), upper = max(a, b)
        let magnitude = max(abs(lower), abs(upper))
        if upper - lower <= magnitude * minimumRelativeSpan {
            // Zero span (a constant series): widen around the centre so the axis still has ticks.
            let centre = lower / 2 + upper / 2
            let halfWidth = centre == 0 ? 1 : abs(centre) * 0.1
            lower = max(centre - halfWidth, -Double.greatestFiniteMagnitude)
            upper = min(centre + halfWidth, Double.greatestFiniteMagnitude)
        }
        return (lower, upper)
    }

    /// The range ordered, positive and finite, or nil.
    private static func logRange(_ a: Double, _ b: Double) -> (lower: Double, upper: Double)? {
        guard a.isFinite, b.isFinite, a > 0, b > 0 else { return nil }
        var lower = min(a, b), upper = max(a, b)
        if upper <= lower * (1 + minimumRelativeSpan) {
            lower /= 2
            upper *= 2
        }
        return (lower, upper)
    }

    /// Decades between labelled decade ticks: 1, 2, 5, 10, 20, 50 ... so at most 9 labels.
    private static func decadeStride(_ kLow: Int, _ kHigh: Int) -> Int {
        var scale = 1
        while true {
            for factor in [1, 2, 5] {
                let stride = factor * scale
                let count = floorDiv(kHigh, stride) - ceilDiv(kLow, stride) + 1
                if count <= 9 { return stride }
            }
            scale *= 10
        }
    }

    /// Values m x 10^k (m in `mantissas`) inside the range, with their labels.
    private static func mantissaTicks(
        _ lower: Double, _ upper: Double, mantissas: [Int]
    ) -> ([Double], [String]) {
        var values: [Double] = [], labels: [String] = []
        let first = Int(log10(lower).rounded(.down)), last = Int(log10(upper).rounded(.down))
        for k in first...last {
            for m in mantissas {
                let v = scaled(m, exponent: k)
                if v >= lower * (1 - endTolerance) && v <= upper * (1 + endTolerance) {
                    values.append(v)
                    labels.append(powerLabel(mantissa: m, exponent: k))
                }
            }
        }
        return (values, labels)
    }

    /// floor(log10(x)) for positive finite x, corrected for log10 rounding near powers of ten.
    static func decimalExponent(_ x: Double) -> Int {
        var exponent = Int(log10(x).rounded(.down))
        if powerOfTen(exponent) > x { exponent -= 1 }
        if powerOfTen(exponent + 1) <= x { exponent += 1 }
        return exponent
    }

    /// Exact powers of ten up to 10^22 (every one of them is a Double).
    private static let exactPowers: [Double] = (0...22).map { e in
        (0..<e).reduce(1.0) { value, _ in value * 10 }
    }

    /// 10^exponent, exact for |exponent| <= 22 (and correctly rounded for negative ones).
    static func powerOfTen(_ exponent: Int) -> Double {
        if exponent >= 0 && exponent <= 22 { return exactPowers[exponent] }
        if exponent < 0 && exponent >= -22 { return 1 / exactPowers[-exponent] }
        return pow(10, Double(exponent))
    }

    /// integer x 10^exponent, correctly rounded whenever the integer and 10^|exponent| are exact.
    static func scaled(_ integer: Int, exponent: Int) -> Double {
        if exponent >= 0 { return Double(integer) * powerOfTen(exponent) }
        if exponent >= -22 { return Double(integer) / exactPowers[-exponent] }
        return Double(integer) / exactPowers[22] * powerOfTen(exponent + 22)
    }

    /// `x` as an Int when it is finite and small enough to count ticks with.
    private static func bound(_ x: Double) -> Int? {
        x.isFinite && abs(x) < 1e15 ? Int(x) : nil
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private static func ceilDiv(_ a: Int, _ b: Int) -> Int {
        -floorDiv(-a, b)
    }
}
