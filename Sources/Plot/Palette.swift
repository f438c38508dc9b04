/// Colours for categories (series, classes): the eight colours of Okabe and Ito's colour-blind-safe
/// palette.
///
/// The order puts first the colours that stay apart in greyscale print: blue (L* 46), orange
/// (L* 71) and black (L* 0) differ by at least 24 in lightness, so the first three series of a
/// chart read correctly on a black-and-white page.
public enum Palette {
    /// Okabe-Ito: blue, orange, black, bluish green, vermillion, sky blue, reddish purple, yellow.
    public static let categorical: [Color] = [
        Color(hex: 0x0072B2),  // blue
        Color(hex: 0xE69F00),  // orange
        Color(hex: 0x000000),  // black
        Color(hex: 0x009E73),  // bluish green
        Color(hex: 0xD55E00),  // vermillion
        Color(hex: 0x56B4E9),  // sky blue
        Color(hex: 0xCC79A7),  // reddish purple
        Color(hex: 0xF0E442),  // yellow
    ]

    /// The colour of category `index`, wrapping around after eight (negative indices wrap too).
    public static func color(_ index: Int) -> Color {
        let count = categorical.count
        return categorical[((index % count) + count) % count]
    }
}
