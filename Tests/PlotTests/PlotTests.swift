import Testing
@testable import Plot

@Test func libraryHasVersion() {
    #expect(!PlotLibrary.version.isEmpty)
}
