import Foundation

/// Conversions between sRGB, linear RGB and CIELAB (D65), used to build colormaps from their
/// definitions and to check lightness in tests.
enum ColorSpace {
    /// sRGB component (0...1) to linear light.
    static func linear(_ c: Double) -> Double {
        c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }

    /// Linear light to an sRGB component, clamped to 0...1.
    static func gamma(_ c: Double) -> Double {
        let v = c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1 / 2.4) - 0.055
        return min(1, max(0, v))
    }

    /// Relative luminance Y (0 = black, 1 = white) of an sRGB colour.
    static func luminance(_ color: Color) -> Double {
        0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
    }

    /// CIE L* (0...100), the perceived lightness of an sRGB colour.
    static func lightness(_ color: Color) -> Double {
        let y = luminance(color)
        return y > 216.0 / 24389 ? 116 * cbrt(y) - 16 : y * 24389 / 27
    }

    /// The sRGB colour of CIELAB (L*, a*, b*) under D65, clamped into the sRGB gamut.
    static func fromLab(l: Double, a: Double, b: Double, alpha: Double = 1) -> Color {
        let fy = (l + 16) / 116
        let fx = fy + a / 500
        let fz = fy - b / 200
        func inverse(_ t: Double) -> Double {
            t > 6.0 / 29 ? t * t * t : 3 * (6.0 / 29) * (6.0 / 29) * (t - 4.0 / 29)
        }
        let x = 0.95047 * inverse(fx), y = inverse(fy), z = 1.08883 * inverse(fz)
        let r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z
        let g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z
        let bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z
        return Color(red: gamma(r), green: gamma(g), blue: gamma(bl), alpha: alpha)
    }

    /// The sRGB colour of CIE LCh (lightness, chroma, hue in degrees).
    static func fromLCh(l: Double, c: Double, hueDegrees: Double) -> Color {
        let h = hueDegrees * .pi / 180
        return fromLab(l: l, a: c * cos(h), b: c * sin(h))
    }

    /// The neutral grey of CIE lightness L* (0 = black, 100 = white).
    static func grey(lightness l: Double) -> Color {
        let y = l > 8 ? pow((l + 16) / 116, 3) : l * 27 / 24389
        // Round away the last-bit error so L* 100 is exactly white and 0 exactly black.
        let v = (gamma(y) * 1e12).rounded() / 1e12
        return Color(red: v, green: v, blue: v)
    }
}
