/// Builds filled contour bands in one pass over the cells, row by row.
///
/// Each cell is cut into its parts per band (``CellCutter``); a cell wholly inside one band is one
/// part. Along a row, parts of one band that share a piece of a vertical grid line are merged into
/// one polygon as the pass goes, so a band's row is a few polygons instead of one per cell: fewer
/// polygons to fill and smaller SVG and PDF files. Merging only removes shared edges, so the
/// polygons still tile the band exactly.
struct BandBuilder {
    let grid: Grid2D
    let levels: [Double]
    /// Polygons per band.
    private(set) var polygons: [[[Point]]]

    /// A polygon of one band still growing to the right. Its outline is
    /// `lower + [p, q] + upper.reversed()`: `lower` runs from its top-left counter-clockwise down and
    /// along the bottom, p...q is the open frontier on the current vertical grid line (bottom to
    /// top), and `upper` holds the top from left to right.
    private struct Chain {
        var isOpen = false
        var lower: [Point] = []
        var upper: [Point] = []
        var p = Point(0, 0)
        var q = Point(0, 0)
        /// The cell that last extended the chain; a chain not extended by the current cell closes.
        var lastCell = -1
    }

    private var chains: [Chain]
    /// Bands whose chain is open.
    private var openBands: [Int] = []

    init(grid: Grid2D, levels: [Double]) {
        self.grid = grid
        self.levels = levels
        polygons = Array(repeating: [], count: levels.count + 1)
        chains = Array(repeating: Chain(), count: levels.count + 1)
    }

    /// The band of every grid node (number of levels <= value), or -1 for NaN and infinity.
    private func nodeBands() -> [Int32] {
        let levels = levels
        return grid.values.map { value in
            guard value.isFinite else { return -1 }
            var low = 0, high = levels.count
            while low < high {
                let mid = (low + high) / 2
                if levels[mid] <= value { low = mid + 1 } else { high = mid }
            }
            return Int32(low)
        }
    }

    mutating func build() {
        let nx = grid.xs.count, ny = grid.ys.count
        let bandOf = nodeBands()
        let levels = levels
        var cutter = CellCutter()
        defer { cutter.deallocate() }
        let xs = grid.xs, ys = grid.ys, values = grid.values
        for j in 0..<(ny - 1) {
            let row = j * nx
            let y0 = ys[j], y1 = ys[j + 1]
            for i in 0..<(nx - 1) {
                let cellID = row + i
                let b0 = Int(bandOf[row + i]), b1 = Int(bandOf[row + i + 1])
                let b2 = Int(bandOf[row + nx + i + 1]), b3 = Int(bandOf[row + nx + i])
                let lowest = min(min(b0, b1), min(b2, b3)), highest = max(max(b0, b1), max(b2, b3))
                let x0 = xs[i], x1 = xs[i + 1]
                if lowest < 0 {
                    // A NaN or infinite corner: the cell is a hole.
                    closeChains(exceptCell: cellID)
                    continue
                }
                if lowest == highest {
                    extendWholeCell(band: lowest, cell: cellID, x0: x0, x1: x1, y0: y0, y1: y1)
                } else {
                    cutter.load(
                        values: (values[row + i], values[row + i + 1], values[row + nx + i + 1], values[row + nx + i]),
                        bands: (b0, b1, b2, b3), x0: x0, x1: x1, y0: y0, y1: y1
                    )
                    for k in lowest...highest {
                        cutter.cut(
                            band: k,
                            lower: k > 0 ? levels[k - 1] : -.infinity,
                            upper: k < levels.count ? levels[k] : .infinity
                        ) { piece in
                            add(piece, band: k, cell: cellID, x0: x0, x1: x1)
                        }
                    }
                }
                closeChains(exceptCell: cellID)
            }
            closeChains(exceptCell: -2)
        }
    }

    /// A cell wholly inside `band`: extends the band's chain (usually without new vertices, as its
    /// bottom and top stay straight) or starts a new chain.
    private mutating func extendWholeCell(band k: Int, cell: Int, x0: Double, x1: Double, y0: Double, y1: Double) {
        if chains[k].isOpen && chains[k].p == Point(x0, y0) && chains[k].q == Point(x0, y1) {
            // The old frontier corners become vertices unless they lie on a straight bottom or top
            // (a crossing that fell on a corner can leave a chord ending right at the frontier).
            if chains[k].lower.last?.y != y0 { chains[k].lower.append(chains[k].p) }
            if (chains[k].upper.last ?? chains[k].lower.first)?.y != y1 { chains[k].upper.append(chains[k].q) }
            chains[k].p = Point(x1, y0)
            chains[k].q = Point(x1, y1)
            chains[k].lastCell = cell
            return
        }
        close(k)
        open(k, lower: [Point(x0, y1), Point(x0, y0)], p: Point(x1, y0), q: Point(x1, y1), cell: cell)
    }

    /// Adds one counter-clockwise part of band `k` in a cell spanning x0...x1.
    private mutating func add(_ piece: [Point], band k: Int, cell: Int, x0: Double, x1: Double) {
        let n = piece.count
        // The part's stretch on the left grid line (walked downwards: q then p) and on the right one
        // (walked upwards: p' then q'), if it has one of positive length.
        var left = -1, right = -1
        for a in 0..<n {
            let u = piece[a], w = piece[a + 1 == n ? 0 : a + 1]
            if u.x == x0 && w.x == x0 && u.y > w.y { left = a }
            if u.x == x1 && w.x == x1 && u.y < w.y { right = a }
        }
        /// piece[from], piece[from+1], ... up to (excluding) piece[to], cyclically.
        func path(from: Int, to: Int, into output: inout [Point]) {
            var a = from % n
            while a != to {
                output.append(piece[a])
                a = a + 1 == n ? 0 : a + 1
            }
        }
        if left >= 0 && chains[k].isOpen && chains[k].lastCell != cell
            && chains[k].q == piece[left] && chains[k].p == piece[(left + 1) % n] {
            let pIndex = (left + 1) % n
            chains[k].lower.append(chains[k].p)
            if right >= 0 {
                // Through the cell: bottom path to the right frontier, top path back to the left.
                path(from: pIndex + 1, to: right, into: &chains[k].lower)
                var top: [Point] = []
                path(from: right + 2, to: left, into: &top)
                chains[k].upper.append(chains[k].q)
                chains[k].upper.append(contentsOf: top.reversed())
                chains[k].p = piece[right]
                chains[k].q = piece[(right + 1) % n]
                chains[k].lastCell = cell
            } else {
                // The part ends the chain.
                path(from: pIndex + 1, to: left, into: &chains[k].lower)
                chains[k].lower.append(chains[k].q)
                chains[k].lower.append(contentsOf: chains[k].upper.reversed())
                polygons[k].append(chains[k].lower)
                chains[k].isOpen = false
            }
            return
        }
        if right >= 0 {
            close(k)
            var lower: [Point] = []
            lower.reserveCapacity(n)
            path(from: right + 2, to: right, into: &lower)
            open(k, lower: lower, p: piece[right], q: piece[(right + 1) % n], cell: cell)
            return
        }
        polygons[k].append(piece)
    }

    private mutating func open(_ k: Int, lower: [Point], p: Point, q: Point, cell: Int) {
        chains[k] = Chain(isOpen: true, lower: lower, upper: [], p: p, q: q, lastCell: cell)
        if !openBands.contains(k) { openBands.append(k) }
    }

    /// Emits band k's open chain, if any, as a finished polygon.
    private mutating func close(_ k: Int) {
        guard chains[k].isOpen else { return }
        chains[k].isOpen = false
        var outline = chains[k].lower
        outline.reserveCapacity(outline.count + 2 + chains[k].upper.count)
        outline.append(chains[k].p)
        outline.append(chains[k].q)
        outline.append(contentsOf: chains[k].upper.reversed())
        polygons[k].append(outline)
    }

    /// Closes every open chain that the given cell did not extend.
    private mutating func closeChains(exceptCell cell: Int) {
        var stillOpen = 0
        for index in openBands.indices {
            let k = openBands[index]
            guard chains[k].isOpen else { continue }
            if chains[k].lastCell == cell {
                openBands[stillOpen] = k
                stillOpen += 1
            } else {
                close(k)
            }
        }
        openBands.removeLast(openBands.count - stillOpen)
    }
}
