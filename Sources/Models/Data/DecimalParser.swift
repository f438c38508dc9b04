#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses decimal numbers straight from UTF-8 bytes, without building a `String`.
///
/// Accepted: an optional sign, digits with an optional decimal point (`12`, `-0.5`, `.5`, `5.`),
/// and an optional exponent (`1e-3`, `2.5E+04`). Rejected: anything else, including `inf`, `nan`,
/// hexadecimal, thousands separators, and numbers too large to be finite.
///
/// Most numbers in data files have at most 15 significant digits and a small exponent; those are
/// converted exactly with one correctly rounded operation (the mantissa and the power of ten are
/// both exact doubles). Longer ones go to the C library's `strtod`, which rounds correctly too.
enum DecimalParser {
    /// `10^exponent` for `0...22`, the powers of ten that are exact in a `Double`. A switch compiles
    /// to a constant table, without the lazy-initialisation check a global array would cost per call.
    @inline(__always)
    private static func exactPowerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: return 1e0
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }

    /// The number spelled by `bytes`, or `nil` if they are not a finite decimal number.
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = bytes.count
        var i = 0
        guard n > 0 else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0
        var exponent = 0
        var sawDigit = false
        var dropped = false  // a non-zero digit did not fit in the 64-bit mantissa
        let safeLimit: UInt64 = (UInt64.max - 9) / 10

        while i < n, bytes[i] &- UInt8(ascii: "0") < 10 {
            let digit = UInt64(bytes[i] &- UInt8(ascii: "0"))
            sawDigit = true
            if mantissa <= safeLimit {
                mantissa = mantissa * 10 + digit
            } else {
                exponent += 1
                if digit != 0 { dropped = true }
            }
            i += 1
        }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, bytes[i] &- UInt8(ascii: "0") < 10 {
                let digit = UInt64(bytes[i] &- UInt8(ascii: "0"))
                sawDigit = true
                if mantissa <= safeLimit {
                    mantissa = mantissa * 10 + digit
                    exponent -= 1
                } else if digit != 0 {
                    dropped = true
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var exponentNegative = false
            if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                exponentNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var written = 0
            var sawExponentDigit = false
            while i < n, bytes[i] &- UInt8(ascii: "0") < 10 {
                sawExponentDigit = true
                // Cap: anything this large is already an overflow or an underflow.
                if written < 100_000 { written = written * 10 + Int(bytes[i] &- UInt8(ascii: "0")) }
                i += 1
            }
            guard sawExponentDigit else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard i == n else { return nil }

        if mantissa == 0 && !dropped { return negative ? -0.0 : 0.0 }
        if !dropped, mantissa <= (1 << 53), exponent >= -22, exponent <= 22 {
            var value = Double(mantissa)
            if exponent < 0 { value /= exactPowerOfTen(-exponent) } else { value *= exactPowerOfTen(exponent) }
            return negative ? -value : value
        }
        #if arch(x86_64)
        if !dropped, exponent >= -22, exponent <= 22, let value = parseWithExtendedPrecision(mantissa, exponent) {
            return negative ? -value : value
        }
        #endif
        return parseWithCLibrary(bytes)
    }

    #if arch(x86_64)
    /// 16 to 19 significant digits (too many for an exact `Double` mantissa), as written by
    /// `repr` or `%.17g`: one `Float80` operation (64-bit mantissa, so `mantissa` and `10^k` are
    /// exact and the product or quotient is rounded once), then rounding to `Double`. That second
    /// rounding is also correct unless the `Float80` result lies exactly halfway between two
    /// doubles (its 11 extra bits are `10000000000`), in which case this returns `nil`.
    @inline(__always)
    private static func parseWithExtendedPrecision(_ mantissa: UInt64, _ exponent: Int) -> Double? {
        let power = Float80(exactPowerOfTen(Swift.abs(exponent)))
        let wide = exponent < 0 ? Float80(mantissa) / power : Float80(mantissa) * power
        if wide.significandBitPattern & 0x7FF == 0x400 { return nil }
        return Double(wide)
    }
    #endif

    /// Correctly rounded conversion of an already validated decimal number by `strtod`.
    private static func parseWithCLibrary(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer -> Double in
            for k in 0..<bytes.count { buffer[k] = CChar(bitPattern: bytes[k]) }
            buffer[bytes.count] = 0
            return strtod(buffer.baseAddress!, nil)
        }
        return value.isFinite ? value : nil
    }

    /// Convenience for text: the number spelled by `text` (spaces and tabs around it allowed), or `nil`.
    static func parse(_ text: String) -> Double? {
        var copy = text
        return copy.withUTF8 { parse(trimmingBlanks($0)) }
    }

    /// `bytes` without leading and trailing spaces and tabs.
    @inline(__always)
    static func trimmingBlanks(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start == 0 && end == bytes.count { return bytes }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }
}
