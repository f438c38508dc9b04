import Testing
@testable import Plot

@Suite("Marks and their helpers")
struct MarkTests {
    @Test("number formats", arguments: [
        (NumberFormat.automatic, 48.0, "48"), (.automatic, 0.12345, "0.123"), (.automatic, -2.5, "−2.5"),
        (.decimals(2), 0.1 + 0.2, "0.30"), (.percent(1), 0.9567, "95.7%"), (.automatic, -0.0001, "0"),
    ])
    func numberFormat(format: NumberFormat, value: Double, text: String) {
        #expect(format.format(value) == text)
    }

    @Test func cellEdgesAreMidpoints() {
        #expect(cellEdges([0, 1, 2]) == [-0.5, 0.5, 1.5, 2.5])
        #expect(cellEdges([5]) == [4.5, 5.5])
    }

    @Test("matrix rows read top to bottom")
    func matrixOrientation() {
        guard case .cells(let spec) = Mark.matrix([[1, 2], [3, 4]], colormap: .greys).kind else {
            Issue.record("matrix is not cells"); return
        }
        // Lowest row on screen is the last row of the matrix.
        #expect(spec.values == [3, 4, 1, 2])
        #expect(spec.yEdges == [-0.5, 0.5, 1.5])
    }

    @Test("regions paint class indices with palette colours")
    func regions() {
        let grid = Grid2D(xs: [0, 1], ys: [0], values: [0, 1])
        guard case .cells(let spec) = Mark.regions(grid, colors: [.black, .white], opacity: 0.5).kind else { return }
        #expect(spec.colors == [Color.black.opacity(0.5), Color.white.opacity(0.5)])
    }

    @Test("automatic colours follow the palette, skipping marks that chose one")
    func automaticColors() {
        let marks = assignColors([.line(x: [0], y: [0]), .line(x: [0], y: [0], color: .black), .points(x: [0], y: [0])],
                                 theme: .standard)
        let colors = marks.map { mark -> Color? in
            switch mark.kind {
            case .line(let spec): return spec.color
            case .points(let spec): return spec.color
            default: return nil
            }
        }
        #expect(colors == [Palette.categorical[0], .black, Palette.categorical[1]])
    }

    @Test("histogram marks use the histogram's edges and densities")
    func histogram() {
        guard case .rectangles(let spec) = Mark.histogram([1, 2, 2, 3], bins: .edges([0, 2, 4]), density: true).kind else { return }
        #expect(spec.rects.count == 2)
        #expect(spec.rects[0].x0 == 0 && spec.rects[0].x1 == 2)
        #expect(abs(spec.rects[0].y1 - 0.125) < 1e-12 && abs(spec.rects[1].y1 - 0.375) < 1e-12)
    }

    @Test func levelLabels() {
        #expect(Plot.levelLabels([0, 0.5, 1]) == ["0.0", "0.5", "1.0"])
        #expect(Plot.levelLabels([1, 2.154434690031884, 4.641588833612779, 10]) == ["1", "2.15", "4.64", "10"])
    }
}
