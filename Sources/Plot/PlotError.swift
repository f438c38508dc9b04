/// Everything that can go wrong while building or writing a figure, with a message a person can act on.
public enum PlotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The figure has no panels to draw.
    case emptyFigure
    /// A panel has no marks at all.
    case emptyPanel(panel: Int)
    /// A panel's marks hold no finite data, so there is nothing to scale the axes to.
    case noFiniteData(panel: Int)
    /// Width or height outside 1...20000 px (after the scale factor), not finite, or more than
    /// 100 megapixels in all.
    case invalidSize(width: Double, height: Double)
    /// A scale factor that is not a finite number in 0.25...8.
    case invalidScale(Double)
    /// A theme with sizes that cannot be drawn.
    case invalidTheme(String)
    /// The panel grid cannot hold the panels (rows or columns below 1, or too few cells).
    case invalidGrid(rows: Int, columns: Int, panels: Int)
    /// Explicit axis limits that are not finite or not increasing.
    case invalidLimits(axis: String, lower: Double, upper: Double)
    /// A logarithmic axis whose limits or data are not all above zero.
    case nonPositiveLogLimits(axis: String, lower: Double, upper: Double)
    /// A logarithmic axis without a single positive value to show.
    case noPositiveDataForLogScale(axis: String)
    /// Two arrays that must have the same length do not.
    case mismatchedLengths(mark: String, expected: Int, actual: Int)
    /// A mark parameter that makes no sense (a negative width, an empty level list, ...).
    case invalidMark(mark: String, reason: String)
    /// The file name has an extension that is not png, svg or pdf.
    case unknownFormat(String)
    /// The file could not be written.
    case writeFailed(path: String, reason: String)
    /// Cairo or libpng reported a failure.
    case renderFailed(String)

    public var description: String {
        switch self {
        case .emptyFigure:
            return "The figure has no panels; add at least one Panel."
        case .emptyPanel(let panel):
            return "Panel \(panel) has no marks; give it at least one mark to draw."
        case .noFiniteData(let panel):
            return "Panel \(panel) has no finite data (every value is NaN or infinite, or the arrays are empty); "
                + "give it data or explicit x and y limits."
        case .invalidSize(let width, let height):
            return "Figure size \(width) x \(height) px is invalid: width and height (times the scale) "
                + "must be between 1 and 20000 px."
        case .invalidScale(let scale):
            return "Scale factor \(scale) is invalid: use a finite number between 0.25 and 8 (1, 2 or 3 for print)."
        case .invalidTheme(let reason):
            return "The theme is invalid: \(reason)."
        case .invalidGrid(let rows, let columns, let panels):
            return "A grid of \(rows) x \(columns) cannot hold \(panels) panels: rows and columns must be "
                + "at least 1 and rows x columns at least the number of panels."
        case .invalidLimits(let axis, let lower, let upper):
            return "The \(axis) limits \(lower)...\(upper) are invalid: they must be finite and lower < upper."
        case .nonPositiveLogLimits(let axis, let lower, let upper):
            return "The \(axis) axis is logarithmic but its limits \(lower)...\(upper) are not both above zero."
        case .noPositiveDataForLogScale(let axis):
            return "The \(axis) axis is logarithmic but no data value on it is above zero."
        case .mismatchedLengths(let mark, let expected, let actual):
            return "The \(mark) mark needs arrays of equal length, got \(expected) and \(actual)."
        case .invalidMark(let mark, let reason):
            return "The \(mark) mark is invalid: \(reason)."
        case .unknownFormat(let name):
            return "Unknown output format '\(name)': use png, svg or pdf."
        case .writeFailed(let path, let reason):
            return "Could not write \(path): \(reason)."
        case .renderFailed(let reason):
            return "Rendering failed: \(reason)."
        }
    }
}
