import Testing
@testable import Report

/// The fixed-decimal and percentage formats every chapter table shares.
@Test(arguments: [(0.95555, 3, "0.956"), (-0.12345, 4, "−0.1235"), (2, 0, "2"), (0.1, 2, "0.10")])
func fixedDecimalsUseATrueMinus(value: Double, digits: Int, expected: String) {
    #expect(TableNumber.fixed(value, digits) == expected)
}

@Test func percentKeepsOneDecimal() {
    #expect(TableNumber.percent(0.95555) == "95.6%")
    #expect(TableNumber.percent(1) == "100.0%")
}
