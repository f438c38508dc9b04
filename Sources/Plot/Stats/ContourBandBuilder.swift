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

    // Per band, a polygon still growing to the right (a "chain"), kept in flat arrays so the hot
    // path (a whole cell extending a chain) touches no nested storage. A chain's outline is
    // `lower + [p, q] + upper.reversed()`: `lower` runs from its top-left counter-clockwise down and
    // along the bottom, p...q is the open frontier on the current vertical grid line (bottom to top),
    // and `upper` holds the top from left to right.
    private var isOpen: [Bool]
    private var lower: [[Point]]
    private var upper: [[Point]]
    private var frontierP: [Point]
    private var frontierQ: [Point]
    /// The cell that last extended each chain; a chain not extended by the current cell closes.
    private var lastCell: [Int]
    /// Bands whose chain is open.
    private var openBands: [Int] = []

    init(grid: Grid2D, levels: [Double]) {
        self.grid = grid
        self.levels = levels
        polygons = Array(repeating: [], count: levels.count + 1)
        let count = levels.count + 1
        isOpen = Array(repeating: false, count: count)
        lower = Array(repeating: [], count: count)
        upper = Array(repeating: [], count: count)
        frontierP = Array(repeating: Point(0, 0), count: count)
        frontierQ = Array(repeating: Point(0, 0), count: count)
        lastCell = Array(repeating: -1, count: count)
    }

    /// The band of every grid node (number of levels <= value), or -1 for NaN and infinity.
    private func nodeBands() -> [Int32] {
        let levels = levels
        var guess = 0
        return grid.values.map { value in
            guard value.isFinite else { return -1 }
            // Neighbouring nodes of a smooth field mostly share a band: try the last one first.
            if (guess == 0 || levels[guess - 1] <= value) && (guess == levels.count || value < levels[guess]) {
                return Int32(guess)
            }
            var low = 0, high = levels.count
            while low < high {
                let mid = (low + high) / 2
                if levels[mid] <= value { low = mid + 1 } else { high = mid }
            }
            guess = low
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
            // A run of whole cells of one band is applied to its chain in one step when it ends.
            var runBand = -1, runStart = 0
            func flushRun(endingAt end: Int) {
                guard runBand >= 0 else { return }
                extendWholeCells(band: runBand, x0: xs[runStart], x1: xs[end], y0: y0, y1: y1, cell: row + end - 1)
                closeChains(exceptCell: row + end - 1)
                runBand = -1
            }
            for i in 0..<(nx - 1) {
                let cellID = row + i
                let b0 = Int(bandOf[row + i]), b1 = Int(bandOf[row + i + 1])
                let b2 = Int(bandOf[row + nx + i + 1]), b3 = Int(bandOf[row + nx + i])
                let lowest = min(min(b0, b1), min(b2, b3)), highest = max(max(b0, b1), max(b2, b3))
                if lowest == highest && lowest >= 0 {
                    if runBand != lowest {
                        flushRun(endingAt: i)
                        runBand = lowest
                        runStart = i
                    }
                    continue
                }
                flushRun(endingAt: i)
                if lowest < 0 {
                    // A NaN or infinite corner: the cell is a hole.
                    closeChains(exceptCell: -2)
                    continue
                }
                let x0 = xs[i], x1 = xs[i + 1]
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
                closeChains(exceptCell: cellID)
            }
            flushRun(endingAt: nx - 1)
            closeChains(exceptCell: -2)
        }
    }

    /// Whole cells of `band` from x0 to x1, the last one `cell`: extends the band's chain (usually
    /// without new vertices, as its bottom and top stay straight) or starts a new chain.
    private mutating func extendWholeCells(band k: Int, x0: Double, x1: Double, y0: Double, y1: Double, cell: Int) {
        if isOpen[k] && frontierP[k] == Point(x0, y0) && frontierQ[k] == Point(x0, y1) {
            // The old frontier corners become vertices only where the bottom or top bends (a crossing
            // that fell on a corner can leave a chord ending right at the frontier).
            if lower[k].last?.y != y0 { lower[k].append(frontierP[k]) }
            if (upper[k].last ?? lower[k].first)?.y != y1 { upper[k].append(frontierQ[k]) }
            frontierP[k] = Point(x1, y0)
            frontierQ[k] = Point(x1, y1)
            lastCell[k] = cell
            return
        }
        close(k)
        open(k, p: Point(x1, y0), q: Point(x1, y1), cell: cell)
        lower[k].append(Point(x0, y1))
        lower[k].append(Point(x0, y0))
    }

    /// Adds one counter-clockwise part of band `k` in a cell spanning x0...x1.
    private mutating func add(_ piece: UnsafeBufferPointer<Point>, band k: Int, cell: Int, x0: Double, x1: Double) {
        let n = piece.count
        // The part's stretch on the left grid line (walked downwards: q then p) and on the right one
        // (walked upwards: p' then q'), if it has one of positive length.
        var left = -1, right = -1
        for a in 0..<n {
            let u = piece[a], w = piece[a + 1 == n ? 0 : a + 1]
            if u.x == x0 && w.x == x0 && u.y > w.y { left = a }
            if u.x == x1 && w.x == x1 && u.y < w.y { right = a }
        }
        /// Appends piece[from], piece[from+1], ... up to (excluding) piece[to], cyclically.
        func path(from: Int, to: Int, into output: inout [Point]) {
            var a = from % n
            while a != to {
                output.append(piece[a])
                a = a + 1 == n ? 0 : a + 1
            }
        }
        /// Appends the same stretch backwards: piece[to - 1], ..., piece[from].
        func reversedPath(from: Int, to: Int, into output: inout [Point]) {
            let start = from % n
            guard start != to else { return }
            var a = to
            repeat {
                a = a == 0 ? n - 1 : a - 1
                output.append(piece[a])
            } while a != start
        }
        if left >= 0 && isOpen[k] && lastCell[k] != cell
            && frontierQ[k] == piece[left] && frontierP[k] == piece[(left + 1) % n] {
            let pIndex = (left + 1) % n
            lower[k].append(frontierP[k])
            if right >= 0 {
                // Through the cell: bottom path to the right frontier, top path back to the left.
                path(from: pIndex + 1, to: right, into: &lower[k])
                upper[k].append(frontierQ[k])
                reversedPath(from: right + 2, to: left, into: &upper[k])
                frontierP[k] = piece[right]
                frontierQ[k] = piece[(right + 1) % n]
                lastCell[k] = cell
            } else {
                // The part ends the chain.
                path(from: pIndex + 1, to: left, into: &lower[k])
                lower[k].append(frontierQ[k])
                lower[k].append(contentsOf: upper[k].reversed())
                polygons[k].append(lower[k])
                isOpen[k] = false
            }
            return
        }
        if right >= 0 {
            close(k)
            open(k, p: piece[right], q: piece[(right + 1) % n], cell: cell)
            path(from: right + 2, to: right, into: &lower[k])
            return
        }
        polygons[k].append(Array(piece))
    }

    /// Starts band k's chain with an empty outline and the given frontier.
    private mutating func open(_ k: Int, p: Point, q: Point, cell: Int) {
        isOpen[k] = true
        lower[k] = []
        lower[k].reserveCapacity(32)
        upper[k] = []
        upper[k].reserveCapacity(16)
        frontierP[k] = p
        frontierQ[k] = q
        lastCell[k] = cell
        if !openBands.contains(k) { openBands.append(k) }
    }

    /// Emits band k's open chain, if any, as a finished polygon.
    private mutating func close(_ k: Int) {
        guard isOpen[k] else { return }
        isOpen[k] = false
        lower[k].reserveCapacity(lower[k].count + 2 + upper[k].count)
        lower[k].append(frontierP[k])
        lower[k].append(frontierQ[k])
        lower[k].append(contentsOf: upper[k].reversed())
        polygons[k].append(lower[k])
    }

    /// Closes every open chain that the given cell did not extend.
    private mutating func closeChains(exceptCell cell: Int) {
        var stillOpen = 0
        for index in openBands.indices {
            let k = openBands[index]
            guard isOpen[k] else { continue }
            if lastCell[k] == cell {
                openBands[stillOpen] = k
                stillOpen += 1
            } else {
                close(k)
            }
        }
        if stillOpen < openBands.count { openBands.removeLast(openBands.count - stillOpen) }
    }
}
