/// Plot: a small plotting library on Cairo. It knows nothing about machine learning.
///
/// A chart is a value: a ``Figure`` holds a grid of ``Panel``s, each with its axes and a list of
/// ``Mark``s (lines, points, bars, histograms, bands, rules, heatmaps, images, contours, text and
/// arrows). Drawing happens in one call that lays the figure out from measured text, renders it
/// with Cairo and encodes PNG (libpng), SVG or PDF:
///
/// ```swift
/// let figure = Figure(width: 800, height: 500, altText: "Cost falls with each iteration",
///     panel: Panel(title: "Gradient descent", xLabel: "iteration", yLabel: "cost J(w, b)", yScale: .log,
///                  marks: [.line(y: costs, label: "α = 0.01"), .horizontalRule(y: best, label: "optimum")]))
/// try figure.write(to: URL(fileURLWithPath: "cost.png"))
/// try figure.scaled(2).write(to: URL(fileURLWithPath: "cost@2x.png"))
/// try figure.write(to: URL(fileURLWithPath: "cost.pdf"))
/// ```
///
/// Pure helpers compute what marks draw: ``Ticks``, ``Histogram``, ``Sampling``, ``Contour``,
/// ``Colormap`` and ``Palette``. Problems come back as ``PlotError``; NaN and infinite values are
/// skipped, and the same figure always gives the same bytes.
public enum PlotLibrary {
    /// The library's version, written into SVG/PDF metadata.
    public static let version = "0.1.0"
}
