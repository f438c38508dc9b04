import Foundation

/// Numbers as chapter tables and chart titles print them: a fixed count of significant digits,
/// no floating-point noise, no "-0".
///
///     TableNumber.significant(0.26860106805944467, digits: 6)   // "0.268601"
///     TableNumber.significant(220.42153358200832, digits: 6)    // "220.422"
enum TableNumber {
    /// `value` rounded to `digits` significant digits (exponent notation for very large or small
    /// magnitudes); "NaN" and "∞" for non-finite values.
    static func significant(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        // Whole numbers too long for the digits (57 400 with 4 digits) read better grouped than as 5.74e+04.
        let digits = max(1, digits)
        if abs(value) >= pow(10, Double(digits)), abs(value) < 1e12 {
            let magnitude = pow(10, floor(log10(abs(value))) - Double(digits - 1))
            return count(Int((value / magnitude).rounded() * magnitude))
        }
        let text = String(format: "%.\(digits)g", value)
        if text.hasPrefix("-"), Double(text) == 0 { return String(text.dropFirst()) }
        return text
    }

    /// An integer with thin grouping of thousands (`9 900`), easier to read in a table.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append("\u{2009}") }
            grouped.append(character)
        }
        return value < 0 ? "−" + grouped : grouped
    }
}
