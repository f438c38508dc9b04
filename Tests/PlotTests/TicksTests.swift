import Testing
@testable import Plot

/// One row of the linear tick table: a range and the exact ticks and labels it must give.
struct LinearTickCase: Sendable, CustomTestStringConvertible {
    var lower: Double
    var upper: Double
    var maxIntervals: Int = 9
    var values: [Double]
    var labels: [String]
    var step: Double

    var testDescription: String { "\(lower)...\(upper) (≤\(maxIntervals))" }
}

let linearTickTable: [LinearTickCase] = [
    LinearTickCase(lower: 0, upper: 1, values: [0, 0.2, 0.4, 0.6, 0.8, 1],
                   labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], step: 0.2),
    LinearTickCase(lower: 0, upper: 1, maxIntervals: 10,
                   values: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
                   labels: ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0"],
                   step: 0.1),
    LinearTickCase(lower: 0, upper: 2, values: [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2],
                   labels: ["0.00", "0.25", "0.50", "0.75", "1.00", "1.25", "1.50", "1.75", "2.00"],
                   step: 0.25),
    LinearTickCase(lower: 0, upper: 97, values: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90],
                   labels: ["0", "10", "20", "30", "40", "50", "60", "70", "80", "90"], step: 10),
    LinearTickCase(lower: 0, upper: 97, maxIntervals: 5, values: [0, 20, 40, 60, 80],
                   labels: ["0", "20", "40", "60", "80"], step: 20),
    LinearTickCase(lower: -3.7, upper: 12.2, values: [-2, 0, 2, 4, 6, 8, 10, 12],
                   labels: ["\u{2212}2", "0", "2", "4", "6", "8", "10", "12"], step: 2),
    LinearTickCase(lower: 0.1, upper: 0.3,
                   values: [0.1, 0.125, 0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3],
                   labels: ["0.100", "0.125", "0.150", "0.175", "0.200", "0.225", "0.250", "0.275", "0.300"],
                   step: 0.025),
    LinearTickCase(lower: 0.1, upper: 0.3, maxIntervals: 5, values: [0.1, 0.15, 0.2, 0.25, 0.3],
                   labels: ["0.10", "0.15", "0.20", "0.25", "0.30"], step: 0.05),
    LinearTickCase(lower: -1, upper: 1, values: [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1],
                   labels: ["\u{2212}1.00", "\u{2212}0.75", "\u{2212}0.50", "\u{2212}0.25", "0.00",
                            "0.25", "0.50", "0.75", "1.00"], step: 0.25),
    LinearTickCase(lower: 0, upper: 1e-9, values: [0, 2e-10, 4e-10, 6e-10, 8e-10, 1e-9],
                   labels: ["0", "0.2×10⁻⁹", "0.4×10⁻⁹", "0.6×10⁻⁹", "0.8×10⁻⁹", "1.0×10⁻⁹"],
                   step: 2e-10),
    LinearTickCase(lower: 3e-9, upper: 7e-9, values: [3e-9, 3.5e-9, 4e-9, 4.5e-9, 5e-9, 5.5e-9, 6e-9, 6.5e-9, 7e-9],
                   labels: ["3.0×10⁻⁹", "3.5×10⁻⁹", "4.0×10⁻⁹", "4.5×10⁻⁹", "5.0×10⁻⁹",
                            "5.5×10⁻⁹", "6.0×10⁻⁹", "6.5×10⁻⁹", "7.0×10⁻⁹"], step: 5e-10),
    LinearTickCase(lower: 1e6, upper: 5e6, values: [1e6, 1.5e6, 2e6, 2.5e6, 3e6, 3.5e6, 4e6, 4.5e6, 5e6],
                   labels: ["1.0×10⁶", "1.5×10⁶", "2.0×10⁶", "2.5×10⁶", "3.0×10⁶",
                            "3.5×10⁶", "4.0×10⁶", "4.5×10⁶", "5.0×10⁶"], step: 5e5),
    LinearTickCase(lower: 0, upper: 1e6, values: [0, 2e5, 4e5, 6e5, 8e5, 1e6],
                   labels: ["0", "0.2×10⁶", "0.4×10⁶", "0.6×10⁶", "0.8×10⁶", "1.0×10⁶"], step: 2e5),
    LinearTickCase(lower: 0, upper: 900_000, values: [0, 100_000, 200_000, 300_000, 400_000, 500_000,
                                                      600_000, 700_000, 800_000, 900_000],
                   labels: ["0", "100000", "200000", "300000", "400000", "500000",
                            "600000", "700000", "800000", "900000"], step: 100_000),
    LinearTickCase(lower: 1000, upper: 1001, values: [1000, 1000.2, 1000.4, 1000.6, 1000.8, 1001],
                   labels: ["1000.0", "1000.2", "1000.4", "1000.6", "1000.8", "1001.0"], step: 0.2),
    LinearTickCase(lower: -0.003, upper: 0.0012,
                   values: [-0.003, -0.0025, -0.002, -0.0015, -0.001, -0.0005, 0, 0.0005, 0.001],
                   labels: ["\u{2212}0.0030", "\u{2212}0.0025", "\u{2212}0.0020", "\u{2212}0.0015",
                            "\u{2212}0.0010", "\u{2212}0.0005", "0.0000", "0.0005", "0.0010"],
                   step: 0.0005),
    // Reversed ends are swapped.
    LinearTickCase(lower: 10, upper: 0, values: [0, 2, 4, 6, 8, 10],
                   labels: ["0", "2", "4", "6", "8", "10"], step: 2),
]

@Test("Linear ticks match the table exactly", arguments: linearTickTable)
func linearTicksMatchTable(_ row: LinearTickCase) {
    let ticks = Ticks.linear(lower: row.lower, upper: row.upper, maxIntervals: row.maxIntervals)
    #expect(ticks.values == row.values)
    #expect(ticks.labels == row.labels)
    #expect(ticks.step == row.step)
}

/// Ranges that stress rounding: every tick must be inside the range, within the interval limit,
/// evenly spaced, and labelled without floating-point noise.
@Test(arguments: [
    (0.0, 1.0), (-3.7, 12.2), (0.1, 0.3), (1e-9, 3e-9), (1e6, 1.7e6), (-1e-3, 5e-3),
    (123.456, 123.457), (0.7, 0.70001), (-273.15, 1000), (1, 1e15), (-5, -4.99),
    (2.2250738585072014e-308, 1e-307), (-1e300, 1e300),
])
func linearTicksAreInsideRangeAndNoiseFree(lower: Double, upper: Double) {
    for maxIntervals in [3, 5, 7, 9, 12] {
        let ticks = Ticks.linear(lower: lower, upper: upper, maxIntervals: maxIntervals)
        #expect(ticks.values.count >= 2, "at least two ticks for \(lower)...\(upper)")
        #expect(ticks.values.count - 1 <= maxIntervals)
        #expect(ticks.values.count == ticks.labels.count)
        let tolerance = ticks.step * 1e-6
        for value in ticks.values {
            #expect(value >= lower - tolerance && value <= upper + tolerance)
        }
        for (a, b) in zip(ticks.values, ticks.values.dropFirst()) {
            #expect(abs((b - a) - ticks.step) <= ticks.step * 1e-9)
        }
        for label in ticks.labels {
            #expect(!label.contains("00000000"), "noise in \(label)")
            #expect(!label.contains("99999"), "noise in \(label)")
            #expect(!label.hasPrefix("-"), "ASCII minus in \(label)")
        }
        #expect(Set(ticks.labels).count == ticks.labels.count, "labels must differ: \(ticks.labels)")
    }
}

@Test func tickValuesAreTheDoublesOfTheirDecimals() {
    let ticks = Ticks.linear(lower: 0, upper: 1, maxIntervals: 10)
    #expect(ticks.values[3] == 0.3)
    #expect(ticks.values[7] == 0.7)
    #expect("\(ticks.values[3])" == "0.3")
}

@Test func labelsFollowTheStep() {
    #expect(Ticks.label(0.1 * 3, step: 0.1) == "0.3")
    #expect(Ticks.label(0.5, step: 0.25) == "0.50")
    #expect(Ticks.label(1.5, step: 0.5) == "1.5")
    #expect(Ticks.label(20, step: 5) == "20")
    #expect(Ticks.label(-0.5, step: 0.25) == "\u{2212}0.50")
    #expect(Ticks.label(-1e-17, step: 0.1) == "0.0")
    #expect(Ticks.label(-0.0, step: 1) == "0")
    #expect(Ticks.label(2_500_000, step: 500_000) == "2.5×10⁶")
    #expect(Ticks.label(3e6, step: 1e6) == "3×10⁶")
    #expect(Ticks.label(-4e-5, step: 1e-5) == "\u{2212}4×10⁻⁵")
    #expect(Ticks.label(0, step: 1e-5) == "0")
    #expect(Ticks.label(.nan, step: 1) == "NaN")
    #expect(Ticks.label(-.infinity, step: 1) == "\u{2212}∞")
}

@Test func superscriptsUseUnicodeDigitsAndMinus() {
    #expect(Ticks.superscript(4) == "⁴")
    #expect(Ticks.superscript(-5) == "⁻⁵")
    #expect(Ticks.superscript(1234567890) == "¹²³⁴⁵⁶⁷⁸⁹⁰")
}

// MARK: Degenerate input

@Test(arguments: [Double.nan, .infinity, -.infinity])
func nonFiniteRangesGiveNoTicks(_ bad: Double) {
    #expect(Ticks.linear(lower: bad, upper: 1) == .empty)
    #expect(Ticks.linear(lower: 0, upper: bad) == .empty)
    #expect(Ticks.logarithmic(lower: bad, upper: 10) == .empty)
    #expect(Ticks.logMinor(lower: 1, upper: bad).isEmpty)
    let limits = Ticks.niceLimits(lower: 0, upper: bad)
    #expect(limits.lower == 0)
}

@Test func zeroSpanIsWidened() {
    #expect(Ticks.linear(lower: 0, upper: 0).values == [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1])
    #expect(Ticks.linear(lower: 5, upper: 5).values == [4.6, 4.8, 5, 5.2, 5.4])
    let five = Ticks.linear(lower: 5, upper: 5)
    #expect(five.values.contains(5))
    #expect(five.values.count >= 3)
    let huge = Ticks.linear(lower: 1e300, upper: 1e300)
    #expect(huge.values.contains { abs($0 - 1e300) < 1e285 })
    #expect(huge.labels.allSatisfy { $0.hasSuffix("×10³⁰⁰") })
    let maximal = Ticks.linear(lower: .greatestFiniteMagnitude, upper: .greatestFiniteMagnitude)
    #expect(maximal.values.count >= 2)
    // A span lost in rounding counts as zero.
    let nearlyEqual = Ticks.linear(lower: 1e16, upper: 1e16 + 2)
    #expect(nearlyEqual.values.count >= 3)
}

@Test func niceLimitsWidenToTickMultiples() {
    #expect(Ticks.niceLimits(lower: 0, upper: 97) == (0, 100))
    #expect(Ticks.niceLimits(lower: 0.3, upper: 97) == (0, 100))
    #expect(Ticks.niceLimits(lower: -3.7, upper: 12.2) == (-4, 14))
    #expect(Ticks.niceLimits(lower: 0.12, upper: 0.28) == (0.12, 0.28))
    #expect(Ticks.niceLimits(lower: 12.2, upper: -3.7) == (-4, 14))
    #expect(Ticks.niceLimits(lower: 0, upper: 1) == (0, 1))
}

@Test(arguments: [(0.3, 97.0), (-3.7, 12.2), (0.013, 0.2871), (1.5e6, 9.1e6), (-7.0, -0.3)])
func ticksOfNiceLimitsReachBothEnds(lower: Double, upper: Double) {
    let limits = Ticks.niceLimits(lower: lower, upper: upper)
    #expect(limits.lower <= lower && limits.upper >= upper)
    let ticks = Ticks.linear(lower: limits.lower, upper: limits.upper)
    #expect(ticks.values.first == limits.lower)
    #expect(ticks.values.last == limits.upper)
    #expect(ticks.values.count - 1 <= 9)
}

@Test func explicitStepTicks() {
    let ticks = Ticks.linear(lower: 0, upper: 1, step: 0.1)
    #expect(ticks.values == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])
    #expect(ticks.labels[3] == "0.3")
    #expect(Ticks.linear(lower: 0, upper: 1, step: 0) == .empty)
    #expect(Ticks.linear(lower: 0, upper: 1, step: 1e-12) == .empty)
}

// MARK: Logarithmic

@Test func logDecades() {
    let ticks = Ticks.logarithmic(lower: 1e-3, upper: 1e3)
    #expect(ticks.values == [1e-3, 1e-2, 0.1, 1, 10, 100, 1000])
    #expect(ticks.labels == ["0.001", "0.01", "0.1", "1", "10", "100", "1000"])
    #expect(ticks.step == 1)

    let wide = Ticks.logarithmic(lower: 1, upper: 1e5)
    #expect(wide.labels == ["1", "10", "100", "1000", "10⁴", "10⁵"])
    let tiny = Ticks.logarithmic(lower: 1e-7, upper: 1e-4)
    #expect(tiny.labels == ["10⁻⁷", "10⁻⁶", "10⁻⁵", "10⁻⁴"])
    #expect(tiny.values == [1e-7, 1e-6, 1e-5, 1e-4])
}

@Test func manyDecadesAreThinned() {
    let twelve = Ticks.logarithmic(lower: 1e-6, upper: 1e6)
    #expect(twelve.values == [1e-6, 1e-4, 1e-2, 1, 1e2, 1e4, 1e6])
    #expect(twelve.step == 2)
    let forty = Ticks.logarithmic(lower: 1e-20, upper: 1e20)
    #expect(forty.values.count <= 9)
    #expect(forty.step == 5)
    #expect(forty.labels.first == "10⁻²⁰")
    let extreme = Ticks.logarithmic(lower: 1e-300, upper: 1e300)
    #expect(extreme.values.count <= 9 && extreme.values.count >= 3)
}

@Test func subDecadeLogRangesUseOneTwoFive() {
    let ticks = Ticks.logarithmic(lower: 0.5, upper: 20)
    #expect(ticks.values == [0.5, 1, 2, 5, 10, 20])
    #expect(ticks.labels == ["0.5", "1", "2", "5", "10", "20"])
    let narrow = Ticks.logarithmic(lower: 3, upper: 7)
    #expect(narrow.values == [3, 4, 5, 6, 7])
    let veryNarrow = Ticks.logarithmic(lower: 3.1, upper: 3.3)
    #expect(veryNarrow.values.count >= 2)
    #expect(veryNarrow.values.allSatisfy { $0 >= 3.1 - 1e-12 && $0 <= 3.3 + 1e-12 })
    let small = Ticks.logarithmic(lower: 1e-5, upper: 1e-4)
    #expect(small.labels == ["10⁻⁵", "2×10⁻⁵", "5×10⁻⁵", "10⁻⁴"])
}

@Test func logRejectsNonPositiveRanges() {
    #expect(Ticks.logarithmic(lower: 0, upper: 10) == .empty)
    #expect(Ticks.logarithmic(lower: -1, upper: 10) == .empty)
    #expect(Ticks.logMinor(lower: 0, upper: 10).isEmpty)
    #expect(Ticks.logarithmic(lower: 100, upper: 1).values == [1, 10, 100])
    #expect(Ticks.logarithmic(lower: 10, upper: 10).values.contains(10))
}

@Test func logMinorTicks() {
    #expect(Ticks.logMinor(lower: 1, upper: 100) == [2, 3, 4, 5, 6, 7, 8, 9, 20, 30, 40, 50, 60, 70, 80, 90])
    #expect(Ticks.logMinor(lower: 0.15, upper: 0.45) == [0.2, 0.3, 0.4])
    #expect(Ticks.logMinor(lower: 1e-6, upper: 1e6) == [1e-5, 1e-3, 0.1, 10, 1e3, 1e5])
}
