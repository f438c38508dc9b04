import Foundation

/// A complete chart as a value: its size, scale, theme, title and a grid of panels.
///
/// ```swift
/// let figure = Figure(width: 800, height: 500, panel: Panel(xLabel: "x", marks: [.line(x: xs, y: ys)]))
/// try figure.write(to: URL(fileURLWithPath: "fit.png"))          // format from the extension
/// let svg = try figure.data(format: .svg)
/// ```
///
/// Sizes are CSS pixels at 1x; `scale` 2 or 3 multiplies the PNG's pixels for print (SVG and PDF
/// are vectors and ignore it). The same figure always gives the same bytes.
public struct Figure: Sendable {
    /// Width in pixels at 1x.
    public var width: Double
    /// Height in pixels at 1x.
    public var height: Double
    /// PNG pixel density: 1 for screens, 2 or 3 for print.
    public var scale: Double
    /// A title over all panels (a suptitle); a single panel's own title sits over its plot area.
    public var title: String?
    /// A description for readers who cannot see the figure, stored in the PNG (and used by the report).
    public var altText: String?
    /// Rows of the panel grid.
    public var rows: Int
    /// Columns of the panel grid.
    public var columns: Int
    /// Colours, fonts and sizes shared by every panel.
    public var theme: Theme
    /// Panels in reading order: left to right, then top to bottom.
    public var panels: [Panel]

    /// A grid of panels; `columns` nil fits the panels into `rows` rows.
    public init(width: Double = 800, height: Double = 500, scale: Double = 1, title: String? = nil,
                altText: String? = nil, rows: Int = 1, columns: Int? = nil, theme: Theme = .standard,
                panels: [Panel]) {
        self.width = width
        self.height = height
        self.scale = scale
        self.title = title
        self.altText = altText
        self.rows = rows
        self.columns = columns ?? (rows > 0 ? max(1, (panels.count + rows - 1) / rows) : 1)
        self.theme = theme
        self.panels = panels
    }

    /// A figure with one panel.
    public init(width: Double = 800, height: Double = 500, scale: Double = 1, title: String? = nil,
                altText: String? = nil, theme: Theme = .standard, panel: Panel) {
        self.init(width: width, height: height, scale: scale, title: title, altText: altText, rows: 1,
                  columns: 1, theme: theme, panels: [panel])
    }

    /// The same figure at another scale factor.
    public func scaled(_ scale: Double) -> Figure {
        var copy = self
        copy.scale = scale
        return copy
    }
}

/// The file formats a figure can be written as.
public enum OutputFormat: String, Sendable, CaseIterable {
    case png, svg, pdf

    /// The format named by a file extension (case-insensitive), or nil.
    public init?(fileExtension: String) {
        self.init(rawValue: fileExtension.lowercased())
    }
}

extension Figure {
    /// The figure encoded as PNG (at `scale`), SVG (px units) or PDF (1 px = 0.75 pt).
    public func data(format: OutputFormat) throws -> Data {
        try validate()
        let draw: (Renderer) throws -> Void = { renderer in try FigureDrawing(figure: self).draw(on: renderer) }
        switch format {
        case .png:
            return try CairoOutput.png(width: width, height: height, scale: scale,
                                       opaque: theme.background.alpha >= 1,
                                       title: documentTitle, description: altText, draw: draw)
        case .svg:
            return try CairoOutput.svg(width: width, height: height, draw: draw)
        case .pdf:
            return try CairoOutput.pdf(width: width, height: height, title: documentTitle, draw: draw)
        }
    }

    /// The figure as PNG bytes.
    public func pngData() throws -> Data { try data(format: .png) }

    /// Writes the figure to `url`; `format` nil takes it from the file extension.
    /// The file is written atomically, so a failure never leaves half a file.
    public func write(to url: URL, format: OutputFormat? = nil) throws {
        guard let format = format ?? OutputFormat(fileExtension: url.pathExtension) else {
            throw PlotError.unknownFormat(url.pathExtension.isEmpty ? url.lastPathComponent : url.pathExtension)
        }
        let bytes = try data(format: format)
        do {
            try bytes.write(to: url, options: .atomic)
        } catch {
            let directory = url.deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            let reason = FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue
                ? "permission denied or the disk is full" : "the folder \(directory) does not exist"
            throw PlotError.writeFailed(path: url.path, reason: reason)
        }
    }

    /// The title written into file metadata: the figure title, else the first panel's.
    var documentTitle: String? {
        title ?? panels.lazy.compactMap(\.title).first
    }

    /// Checks everything that does not depend on the data.
    func validate() throws {
        guard scale.isFinite, scale >= 0.25, scale <= 8 else { throw PlotError.invalidScale(scale) }
        let limit = 20_000.0
        guard width.isFinite, height.isFinite, width >= 1, height >= 1,
              width * scale <= limit, height * scale <= limit, (width * scale).rounded() >= 1,
              (height * scale).rounded() >= 1
        else { throw PlotError.invalidSize(width: width, height: height) }
        // 100 megapixels (400 MB of pixels) is far beyond any figure and still allocatable.
        guard width * scale * height * scale <= 100_000_000 else { throw PlotError.invalidSize(width: width, height: height) }
        let sizes = [theme.tickLabelSize, theme.axisLabelSize, theme.titleSize, theme.suptitleSize, theme.legendSize,
                     theme.annotationSize, theme.lineWidth, theme.markerSize]
        guard sizes.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 500 }) else {
            throw PlotError.invalidTheme("font sizes, line width and marker size must be finite and in 0...500 px")
        }
        guard !panels.isEmpty else { throw PlotError.emptyFigure }
        guard rows >= 1, columns >= 1, rows <= 100, columns <= 100, rows * columns >= panels.count else {
            throw PlotError.invalidGrid(rows: rows, columns: columns, panels: panels.count)
        }
    }
}
