extension Mark {
    /// A heatmap of `grid`: one cell centred on each grid point, coloured by `colormap` over `range`
    /// (nil: the finite values' min...max).
    ///
    /// - Parameters:
    ///   - showValues: print each value on its cell (in dark or light text, whichever reads better).
    ///   - colorBar: the colour bar's title; nil shows no colour bar.
    public static func heatmap(_ grid: Grid2D, colormap: Colormap = .viridis, range: ClosedRange<Double>? = nil,
                               showValues: Bool = false, format: NumberFormat = .automatic,
                               colorBar: String? = nil, label: String? = nil) -> Mark {
        guard grid.xs.count >= 1, grid.ys.count >= 1 else {
            return emptyCells(label, .invalidMark(mark: "heatmap", reason: "the grid has no points"))
        }
        let (lower, upper) = colorRange(grid.values, range)
        let colors = grid.values.map { $0.isFinite ? colormap.color(at: (($0 - lower) / (upper - lower))) : .clear }
        let spec = CellSpec(xEdges: cellEdges(grid.xs), yEdges: cellEdges(grid.ys), colors: colors,
                            values: showValues ? grid.values : nil, format: format,
                            colorBar: colorBar.map {
                                ColorBarSpec(kind: .continuous(colormap: colormap, lower: lower, upper: upper), label: $0)
                            })
        return Mark(.cells(spec), label: label)
    }

    /// A matrix drawn as it is printed: `values[0]` is the top row, `values[r][c]` sits at
    /// x = c, y = rows − 1 − r (give the panel `xTicks`/`yTicks` to name rows and columns, or use
    /// ``Panel/matrix(_:rowNames:columnNames:title:xLabel:yLabel:colormap:format:colorBar:)``).
    /// Confusion matrices, correlation tables.
    public static func matrix(_ values: [[Double]], colormap: Colormap = .viridis, range: ClosedRange<Double>? = nil,
                              showValues: Bool = true, format: NumberFormat = .automatic,
                              colorBar: String? = nil) -> Mark {
        let rows = values.count, columns = values.first?.count ?? 0
        guard rows > 0, columns > 0 else {
            return emptyCells(nil, .invalidMark(mark: "matrix", reason: "it has no rows or no columns"))
        }
        if let bad = values.first(where: { $0.count != columns }) {
            return emptyCells(nil, .mismatchedLengths(mark: "matrix rows", expected: columns, actual: bad.count))
        }
        let grid = Grid2D(xs: (0..<columns).map(Double.init), ys: (0..<rows).map(Double.init),
                          values: values.reversed().flatMap { $0 })
        return heatmap(grid, colormap: colormap, range: range, showValues: showValues, format: format,
                       colorBar: colorBar)
    }

    /// Decision regions: each grid value is a class index (0, 1, 2 ...) painted in `colors[index]`
    /// at `opacity`, one cell per grid point. Values that are NaN or out of range stay blank.
    public static func regions(_ grid: Grid2D, colors: [Color] = Palette.categorical,
                               opacity: Double = 0.28) -> Mark {
        guard !colors.isEmpty, grid.xs.count >= 1, grid.ys.count >= 1 else {
            return emptyCells(nil, .invalidMark(mark: "regions", reason: "it needs a grid and at least one colour"))
        }
        let alpha = clampOpacity(opacity)
        let cellColors = grid.values.map { value -> Color in
            guard value.isFinite, value >= 0, value < Double(colors.count) else { return .clear }
            return colors[Int(value.rounded(.down))].opacity(alpha)
        }
        return Mark(.cells(CellSpec(xEdges: cellEdges(grid.xs), yEdges: cellEdges(grid.ys), colors: cellColors,
                                    values: nil, format: .automatic, colorBar: nil)))
    }

    /// A small picture: `pixels` row-major with the top row first (`width` x `height` values),
    /// coloured by `colormap` over `range`, drawn with sharp pixel edges over the data rectangle
    /// `x` x `y` (default: one data unit per pixel, from 0). An 8 x 8 digit with `.greys`.
    public static func image(_ pixels: [Double], width: Int, height: Int, x: ClosedRange<Double>? = nil,
                             y: ClosedRange<Double>? = nil, colormap: Colormap = .greys,
                             range: ClosedRange<Double>? = nil) -> Mark {
        guard width > 0, height > 0, width <= 10_000, height <= 10_000 else {
            return emptyCells(nil, .invalidMark(mark: "image", reason: "size \(width) x \(height) must be 1...10000 each"))
        }
        guard pixels.count == width * height else {
            return emptyCells(nil, .mismatchedLengths(mark: "image (pixels vs. width x height)",
                                                      expected: width * height, actual: pixels.count))
        }
        let xRange = x ?? 0...Double(width), yRange = y ?? 0...Double(height)
        let (lower, upper) = colorRange(pixels, range)
        var colors: [Color] = []
        colors.reserveCapacity(pixels.count)
        for row in (0..<height).reversed() {
            for column in 0..<width {
                let value = pixels[row * width + column]
                colors.append(value.isFinite ? colormap.color(at: (value - lower) / (upper - lower)) : .clear)
            }
        }
        let xEdges = (0...width).map { xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * Double($0) / Double(width) }
        let yEdges = (0...height).map { yRange.lowerBound + (yRange.upperBound - yRange.lowerBound) * Double($0) / Double(height) }
        return Mark(.cells(CellSpec(xEdges: xEdges, yEdges: yEdges, colors: colors, values: nil,
                                    format: .automatic, colorBar: nil)))
    }

    private static func emptyCells(_ label: String?, _ problem: PlotError) -> Mark {
        Mark(.cells(CellSpec(xEdges: [0, 1], yEdges: [0, 1], colors: [.clear], values: nil, format: .automatic,
                             colorBar: nil)),
             label: label, problem: problem)
    }
}

/// The colour range to use: explicit when valid, otherwise min...max of the finite values
/// (widened around a constant).
func colorRange(_ values: [Double], _ explicit: ClosedRange<Double>?) -> (Double, Double) {
    if let explicit, explicit.lowerBound.isFinite, explicit.upperBound.isFinite,
       explicit.lowerBound < explicit.upperBound {
        return (explicit.lowerBound, explicit.upperBound)
    }
    var lower = Double.infinity, upper = -Double.infinity
    for value in values where value.isFinite {
        lower = min(lower, value)
        upper = max(upper, value)
    }
    if !(lower <= upper) { return (0, 1) }
    if lower == upper { return (lower - 0.5, upper + 0.5) }
    return (lower, upper)
}

/// Edges of cells centred on sorted coordinates: midpoints, extended half a step at both ends.
func cellEdges(_ centers: [Double]) -> [Double] {
    guard centers.count > 1 else {
        let c = centers.first ?? 0
        return [c - 0.5, c + 0.5]
    }
    var edges = [centers[0] - (centers[1] - centers[0]) / 2]
    for i in 1..<centers.count { edges.append((centers[i - 1] + centers[i]) / 2) }
    edges.append(centers[centers.count - 1] + (centers[centers.count - 1] - centers[centers.count - 2]) / 2)
    return edges
}
