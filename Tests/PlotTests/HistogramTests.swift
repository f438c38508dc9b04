import Testing
@testable import Plot

@Test func explicitEdgesCountHalfOpenBinsWithInclusiveLastEdge() {
    let values: [Double] = [0, 0.5, 1, 1.5, 2, 2, 3, .nan, .infinity, -.infinity, -1, 3.0001]
    let histogram = Histogram.compute(values, bins: .edges([0, 1, 2, 3]))
    #expect(histogram.edges == [0, 1, 2, 3])
    #expect(histogram.counts == [2, 2, 3])
    #expect(histogram.total == 7)
}

@Test func unevenEdgesUseBinarySearch() {
    let histogram = Histogram.compute([0.05, 0.1, 0.2, 0.9, 5, 9.99, 10, 10.5], bins: .edges([0, 0.1, 1, 10]))
    #expect(histogram.counts == [1, 3, 3])
}

@Test func equalCountBins() {
    let histogram = Histogram.compute([0, 1, 2, 3, 4, 5, 6, 7, 8], bins: .count(4))
    #expect(histogram.edges == [0, 2, 4, 6, 8])
    #expect(histogram.counts == [2, 2, 2, 3])
}

@Test func valuesOnEdgesGoToTheRightBin() {
    // k/10 are exactly the edges of ten bins on 0...1, where a division could round either way.
    let values = (0...10).map { Double($0) / 10 }
    let histogram = Histogram.compute(values, bins: .count(10))
    #expect(histogram.counts == [1, 1, 1, 1, 1, 1, 1, 1, 1, 2])
    let shifted = Histogram.compute(values.map { $0 + 0.3 }, bins: .count(5))
    #expect(shifted.total == 11)
}

@Test func automaticBinsUseSturgesFloorAndNiceEdges() {
    let histogram = Histogram.compute([1, 2, 3, 4, 5])
    // Sturges: ceil(log2 5 + 1) = 4 bins of width 1 (Freedman-Diaconis asks for wider ones).
    #expect(histogram.edges == [1, 2, 3, 4, 5])
    #expect(histogram.counts == [1, 1, 1, 2])
}

@Test func automaticBinsOnAThousandValues() {
    // Evenly spread on 0...10: Sturges wants 11 bins (width 0.91), FD width 1.0; nice width 0.5.
    let values = (0..<1000).map { Double($0) * 10 / 999 }
    let histogram = Histogram.compute(values)
    #expect(histogram.edges == (0...20).map { Double($0) / 2 })
    #expect(histogram.total == 1000)
    #expect(histogram.counts.allSatisfy { $0 == 49 || $0 == 50 || $0 == 51 })
    #expect(histogram.counts.last == 50)
}

@Test func automaticBinsFollowFreedmanDiaconisForHeavyTails() {
    // A tight core with two far outliers: FD (from the IQR) gives many narrow bins; Sturges
    // (from the range) would give eight wide ones.
    var values = (0..<100).map { Double($0) / 100 }
    values += [-50, 50]
    let histogram = Histogram.compute(values)
    #expect(histogram.counts.count > 8)
    #expect(histogram.total == 102)
    let widths = histogram.binWidths
    #expect(widths.allSatisfy { abs($0 - widths[0]) < 1e-9 })
    #expect([1.0, 2, 2.5, 5].contains { abs(widths[0] / Ticks.powerOfTen(Ticks.decimalExponent(widths[0])) - $0) < 1e-9 })
}

@Test func densityIntegratesToOne() {
    let values = (0..<500).map { Sampling.normalPDF(Double($0) / 50 - 5) * 3 + Double($0 % 7) }
    for bins in [HistogramBins.auto, .count(13), .edges([0, 0.5, 2, 3, 7, 9])] {
        let histogram = Histogram.compute(values, bins: bins)
        let integral = zip(histogram.density(), histogram.binWidths).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(integral - 1) < 1e-12)
    }
    #expect(Histogram.compute([5], bins: .edges([0, 1])).density() == [0])
}

@Test func degenerateInput() {
    #expect(Histogram.compute([]) == .empty)
    #expect(Histogram.compute([.nan, .infinity]) == .empty)
    let constant = Histogram.compute([3, 3, 3])
    #expect(constant.edges == [2.5, 3.5])
    #expect(constant.counts == [3])
    #expect(Histogram.compute([1, 2], bins: .count(0)).counts == [2])
    #expect(Histogram.compute([1, 2], bins: .edges([2, 1, .nan, 1])).counts == [2])
    #expect(Histogram.compute([1, 2], bins: .edges([1])) == .empty)
    let wide = Histogram.compute([-1e308, 1e308, 0])
    #expect(wide.total == 3)
}

@Test func strictInitialiserReportsBadBins() {
    #expect(throws: HistogramError.invalidBinCount(0)) { try Histogram([1, 2], bins: .count(0)) }
    #expect(throws: HistogramError.tooFewEdges(1)) { try Histogram([1, 2], bins: .edges([1])) }
    #expect(throws: HistogramError.nonFiniteEdge(index: 1)) { try Histogram([1], bins: .edges([0, .nan, 2])) }
    #expect(throws: HistogramError.edgesNotIncreasing(index: 2)) { try Histogram([1], bins: .edges([0, 2, 2])) }
    #expect(HistogramError.edgesNotIncreasing(index: 2).description.contains("edge 2"))
    let ok = try? Histogram([0, 1, 2], bins: .edges([0, 1, 2]))
    #expect(ok?.counts == [1, 2])
}

@Test(arguments: [1, 2, 3, 10, 101, 1000])
func selectionQuantilesMatchSortedQuantiles(count: Int) {
    // Deterministic scrambled values with many ties.
    let values = (0..<count).map { Double(($0 * 7919) % 97) / 4 }
    let sorted = values.sorted()
    for p in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let position = p * Double(count - 1)
        let k = Int(position), fraction = position - Double(k)
        let expected = k + 1 < count ? sorted[k] + (sorted[k + 1] - sorted[k]) * fraction : sorted[k]
        var scratch = values
        #expect(Histogram.quantile(&scratch, p) == expected)
    }
}
