/// Plot: a small plotting library on Cairo. It knows nothing about machine learning.
public enum PlotLibrary {
    /// The library's version, written into SVG/PDF metadata.
    public static let version = "0.1.0"
}
