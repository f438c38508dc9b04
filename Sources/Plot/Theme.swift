/// Colours, fonts and sizes shared by every panel of a figure. Sizes are pixels at 1x.
///
/// The standard theme is print-friendly: white background, dark grey text, a light grid,
/// and fonts that stay readable when an 800 x 500 figure is shown at half size.
public struct Theme: Sendable, Equatable {
    public var background: Color
    /// Text: titles, labels, tick labels.
    public var foreground: Color
    /// Axis lines and tick marks.
    public var axisColor: Color
    public var gridColor: Color
    /// A font family known to fontconfig; it must cover the Unicode you use (α, −, ²).
    public var fontFamily: String
    public var tickLabelSize: Double
    public var axisLabelSize: Double
    public var titleSize: Double
    public var suptitleSize: Double
    public var legendSize: Double
    /// Text marks and cell value labels.
    public var annotationSize: Double
    public var lineWidth: Double
    public var markerSize: Double
    /// Colours given in turn to marks that do not choose one.
    public var palette: [Color]

    public init(background: Color = .white,
                foreground: Color = Color(hex: 0x222222),
                axisColor: Color = Color(hex: 0x444444),
                gridColor: Color = Color(hex: 0xE3E3E3),
                fontFamily: String = "DejaVu Sans",
                tickLabelSize: Double = 15,
                axisLabelSize: Double = 16,
                titleSize: Double = 18,
                suptitleSize: Double = 20,
                legendSize: Double = 14.5,
                annotationSize: Double = 14,
                lineWidth: Double = 2.2,
                markerSize: Double = 9,
                palette: [Color] = Palette.categorical) {
        self.background = background
        self.foreground = foreground
        self.axisColor = axisColor
        self.gridColor = gridColor
        self.fontFamily = fontFamily
        self.tickLabelSize = tickLabelSize
        self.axisLabelSize = axisLabelSize
        self.titleSize = titleSize
        self.suptitleSize = suptitleSize
        self.legendSize = legendSize
        self.annotationSize = annotationSize
        self.lineWidth = lineWidth
        self.markerSize = markerSize
        self.palette = palette
    }

    /// The default print-friendly theme.
    public static let standard = Theme()

    func font(_ size: Double, bold: Bool = false) -> Font {
        Font(family: fontFamily, size: size, bold: bold)
    }

    /// The palette colour for the `index`-th mark that did not choose a colour.
    func color(at index: Int) -> Color {
        palette.isEmpty ? foreground : palette[index % palette.count]
    }
}
