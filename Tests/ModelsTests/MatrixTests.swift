import Testing
@testable import Models

@Suite struct MatrixTests {
    @Test func rowMajorLayout() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.rows == 2 && m.columns == 3)
        #expect(m[1, 0] == 4)
        #expect(m.storage == [1, 2, 3, 4, 5, 6])
        #expect(m.row(1) == [4, 5, 6])
        #expect(m.column(2) == [3, 6])
    }

    @Test func sameSeedSameSequence() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
        var c = SeededGenerator(seed: 7)
        let units = (0..<1000).map { _ in c.nextUnit() }
        #expect(units.allSatisfy { $0 >= 0 && $0 < 1 })
    }
}
