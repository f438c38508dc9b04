import Plot

extension ChapterFigure {
    /// A chapter figure drawn by Plot: the figure's size becomes the page size of the image, its
    /// alt text comes from `altText`, and each requested format is written from the same value
    /// (PNG at the run's scale; SVG and PDF are resolution-independent).
    ///
    ///     ChapterFigure(stem: "data-and-fit", caption: "The line follows the drift of the data.",
    ///                   altText: "Scatter of profit against population with a rising line",
    ///                   figure: Figure(width: 720, height: 440, panel: panel))
    init(stem: String, caption: String, altText: String, figure: Figure) {
        var described = figure
        described.altText = altText
        let finished = described
        self.init(
            stem: stem, caption: caption, altText: altText,
            width: Int(figure.width.rounded()), height: Int(figure.height.rounded())
        ) { url, format, scale in
            switch format {
            case .png: try finished.scaled(scale).write(to: url, format: .png)
            case .svg: try finished.write(to: url, format: .svg)
            case .pdf: try finished.write(to: url, format: .pdf)
            }
        }
    }
}
