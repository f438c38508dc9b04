/// A file format a figure is written in. PNG is always written; SVG and PDF are added beside it.
enum FigureFormat: String, Sendable, CaseIterable, Comparable {
    case png, svg, pdf

    /// The file extension, without the dot.
    var fileExtension: String { rawValue }

    /// The name shown in links and progress (`SVG`).
    var displayName: String { rawValue.uppercased() }

    static func < (lhs: FigureFormat, rhs: FigureFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
