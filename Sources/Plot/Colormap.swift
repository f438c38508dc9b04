import Foundation

/// A continuous colour scale: maps a number t in 0...1 to a colour.
///
/// A colormap is a list of evenly spaced anchor colours, the first at t = 0 and the last at t = 1,
/// interpolated linearly in sRGB between neighbours. The built-in maps have enough anchors that the
/// interpolation is visually exact.
///
/// ```swift
/// let c = Colormap.viridis.color(at: 0.5)      // the teal in the middle of viridis
/// Colormap.diverging.color(at: 0.5)            // near white
/// ```
public struct Colormap: Sendable {
    /// A short name, e.g. for file names and legends.
    public var name: String
    /// Evenly spaced colours from t = 0 to t = 1. An empty list makes every colour ``bad``.
    public var anchors: [Color]
    /// The colour for NaN (a missing value): transparent by default, so a hole shows as a hole.
    public var bad: Color

    /// A colormap through `anchors`, evenly spaced from t = 0 to t = 1.
    public init(name: String, anchors: [Color], bad: Color = Color(red: 0, green: 0, blue: 0, alpha: 0)) {
        self.name = name
        self.anchors = anchors
        self.bad = bad
    }

    /// The colour at `t`; t is clamped to 0...1 (so -inf and +inf give the ends) and NaN gives ``bad``.
    ///
    /// Complexity: O(1).
    @inlinable
    public func color(at t: Double) -> Color {
        guard !t.isNaN, let first = anchors.first else { return bad }
        let last = anchors.count - 1
        guard last > 0 else { return first }
        let position = min(max(t, 0), 1) * Double(last)
        let index = min(Int(position), last - 1)
        let fraction = position - Double(index)
        let a = anchors[index], b = anchors[index + 1]
        return Color(
            red: a.red + (b.red - a.red) * fraction,
            green: a.green + (b.green - a.green) * fraction,
            blue: a.blue + (b.blue - a.blue) * fraction,
            alpha: a.alpha + (b.alpha - a.alpha) * fraction
        )
    }

    /// `count` colours evenly spaced from t = 0 to t = 1 (one colour at t = 0.5 when count is 1).
    public func colors(count: Int) -> [Color] {
        guard count > 0 else { return [] }
        guard count > 1 else { return [color(at: 0.5)] }
        return (0..<count).map { color(at: Double($0) / Double(count - 1)) }
    }

    /// The same map running the other way (t -> 1 - t), named "<name>_r".
    public func reversed() -> Colormap {
        Colormap(name: name + "_r", anchors: anchors.reversed(), bad: bad)
    }
}

extension Colormap {
    /// Viridis: perceptually uniform, readable in greyscale and by colour-blind readers; dark purple
    /// at 0, teal at 0.5, yellow at 1, lightness increasing throughout.
    ///
    /// The anchors are every fifth entry (t = k/51) of the published 256-colour viridis table
    /// (Stéfan van der Walt and Nathaniel Smith, CC0), as 24-bit sRGB; linear interpolation between
    /// them stays within 1/255 of the full table.
    public static let viridis = Colormap(
        name: "viridis",
        anchors: [
            0x440154, 0x46085C, 0x471063, 0x481769, 0x481D6F, 0x482475, 0x472A7A, 0x46307E,
            0x453781, 0x433D84, 0x414287, 0x3F4889, 0x3D4E8A, 0x3A538B, 0x38598C, 0x355E8D,
            0x33638D, 0x31688E, 0x2E6D8E, 0x2C718E, 0x2A768E, 0x297B8E, 0x27808E, 0x25848E,
            0x23898E, 0x218E8D, 0x20928C, 0x1F978B, 0x1E9C89, 0x1FA188, 0x21A585, 0x24AA83,
            0x28AE80, 0x2EB37C, 0x35B779, 0x3DBC74, 0x46C06F, 0x50C46A, 0x5AC864, 0x65CB5E,
            0x70CF57, 0x7CD250, 0x89D548, 0x95D840, 0xA2DA37, 0xB0DD2F, 0xBDDF26, 0xCAE11F,
            0xD8E219, 0xE5E419, 0xF1E51D, 0xFDE725,
        ].map { Color(hex: $0) }
    )

    /// A diverging blue-white-red map for signed values around a centre (residuals, weights,
    /// correlations): dark blue at 0, near white at 0.5, dark red at 1.
    ///
    /// Defined in CIE LCh so both halves mirror each other: lightness falls linearly from L* = 98 at
    /// the centre to L* = 30 at either end, chroma rises as 56 u^0.7 with u the distance from the
    /// centre (0...1), hue turns from 245° to 290° on the blue side and from 55° to 35° on the red
    /// side. Colour-blind readers still see two distinct hues (blue against yellow-brown) and, in
    /// greyscale, lightness alone tells the distance from the centre.
    public static let diverging: Colormap = {
        let steps = 128  // anchors per half; 2 * 128 + 1 anchors put one exactly at the centre
        var anchors: [Color] = []
        anchors.reserveCapacity(2 * steps + 1)
        func half(_ u: Double, hueNearCentre: Double, hueAtEnd: Double) -> Color {
            ColorSpace.fromLCh(
                l: 98 - (98 - 30) * u,
                c: 56 * pow(u, 0.7),
                hueDegrees: hueNearCentre + (hueAtEnd - hueNearCentre) * u
            )
        }
        for k in stride(from: steps, to: 0, by: -1) {
            anchors.append(half(Double(k) / Double(steps), hueNearCentre: 245, hueAtEnd: 290))
        }
        for k in 0...steps {
            anchors.append(half(Double(k) / Double(steps), hueNearCentre: 55, hueAtEnd: 35))
        }
        return Colormap(name: "diverging", anchors: anchors)
    }()

    /// Greys from white (t = 0) to black (t = 1), evenly spaced in perceived lightness (CIE L*), as
    /// for ink on paper: larger values are darker.
    public static let greys = Colormap(
        name: "greys",
        anchors: (0...256).map { k in ColorSpace.grey(lightness: 100 * (1 - Double(k) / 256)) }
    )
}
