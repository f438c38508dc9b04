import Foundation

/// Numbers as chapter tables print them: a fixed number of significant digits, no floating-point
/// noise, scientific notation only for very large or very small magnitudes.
enum TableNumber {
    /// `value` with `digits` significant digits (`318.709`, `0.2686`, `4.2e+16`); "—" for NaN.
    static func significant(_ value: Double, _ digits: Int = 6) -> String {
        guard value.isFinite else { return value.isNaN ? "—" : (value > 0 ? "∞" : "−∞") }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e7 || magnitude < 1e-4 {
            return String(format: "%.\(max(0, digits - 1))e", value).replacingOccurrences(of: "-", with: "−")
        }
        let decimals = max(0, digits - 1 - Int(floor(log10(magnitude))))
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text.replacingOccurrences(of: "-", with: "−")
    }

    /// A whole number with thin grouping (`12 345`).
    static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append("\u{2009}") }
            grouped.append(character)
        }
        return (value < 0 ? "−" : "") + grouped
    }
}
