/// How contour levels are chosen.
public enum ContourLevels: Sendable, Equatable {
    /// About this many nice levels (1, 2, 2.5, 5 x 10^k steps) inside the data range.
    case automatic(Int)
    /// This many levels evenly spaced on a log scale: for bowls such as a cost J(w, b).
    case logarithmic(Int)
    /// Exactly these levels (sorted; NaN and duplicates dropped).
    case values([Double])

    func resolve(for grid: Grid2D) -> [Double] {
        switch self {
        case .automatic(let count): return Contour.niceLevels(grid, count: max(1, min(count, 200)))
        case .logarithmic(let count): return Contour.logLevels(grid, count: max(1, min(count, 200)))
        case .values(let values): return Array(Set(values.filter(\.isFinite))).sorted()
        }
    }
}

extension Mark {
    /// Contour lines of `grid` (marching squares), coloured by level with `colormap`, or all in
    /// `color` when one is given. The lines are traced here, once, however often the figure is drawn.
    ///
    /// - Parameter colorBar: the colour bar's title; nil shows none.
    public static func contour(_ grid: Grid2D, levels: ContourLevels = .automatic(10), colormap: Colormap = .viridis,
                               color: Color? = nil, width: Double? = nil, style: LineStyle = .solid,
                               colorBar: String? = nil, label: String? = nil) -> Mark {
        let values = levels.resolve(for: grid)
        let colors = color.map { c in values.map { _ in c } } ?? evenColors(colormap, count: values.count)
        var problem = widthProblem("contour", width)
        if grid.xs.count < 2 || grid.ys.count < 2 {
            problem = .invalidMark(mark: "contour", reason: "the grid needs at least 2 x 2 points")
        }
        let bar = colorBar.map {
            ColorBarSpec(kind: .discrete(colors: colors, levels: values, positions: values.indices.map { Double($0) + 0.5 }),
                         label: $0)
        }
        let lines = problem == nil ? Contour.lines(grid, levels: values) : []
        return Mark(.contour(ContourSpec(grid: grid, levels: values, lines: lines, colors: colors, width: width, style: style,
                                         colorBar: bar)),
                    label: label, problem: problem)
    }

    /// Filled contours: the regions between consecutive levels painted with `colormap`
    /// (lowest band first). With n levels there are n + 1 bands, the outer two reaching the grid's
    /// smallest and largest values.
    public static func filledContour(_ grid: Grid2D, levels: ContourLevels = .automatic(10),
                                     colormap: Colormap = .viridis, opacity: Double = 1,
                                     colorBar: String? = nil) -> Mark {
        let values = levels.resolve(for: grid)
        let colors = evenColors(colormap, count: values.count + 1)
        let problem: PlotError? = grid.xs.count < 2 || grid.ys.count < 2
            ? .invalidMark(mark: "filledContour", reason: "the grid needs at least 2 x 2 points") : nil
        let bar = colorBar.map {
            ColorBarSpec(kind: .discrete(colors: colors.map { $0.opacity($0.alpha * clampOpacity(opacity)) }, levels: values,
                                         positions: values.indices.map { Double($0) + 1 }),
                         label: $0)
        }
        let bands = problem == nil ? Contour.bands(grid, levels: values) : []
        return Mark(.filledContour(FilledContourSpec(grid: grid, levels: values, bands: bands, colors: colors,
                                                     opacity: clampOpacity(opacity), colorBar: bar)),
                    problem: problem)
    }
}

/// `count` colours spread evenly over a colormap, ends included.
func evenColors(_ colormap: Colormap, count: Int) -> [Color] {
    guard count > 1 else { return count == 1 ? [colormap.color(at: 0.5)] : [] }
    return (0..<count).map { colormap.color(at: Double($0) / Double(count - 1)) }
}
