import Testing
@testable import Plot

/// Entries i/255 of the published 256-colour viridis table (matplotlib's `viridis.colors`), used
/// as reference values; several fall between the anchors, so they test the interpolation too.
let viridisReference: [(index: Int, red: Double, green: Double, blue: Double)] = [
    (0, 0.267004, 0.004874, 0.329415),
    (37, 0.274128, 0.199721, 0.498911),
    (64, 0.229739, 0.322361, 0.545706),
    (101, 0.165117, 0.467423, 0.558141),
    (128, 0.127568, 0.566949, 0.550556),
    (191, 0.360741, 0.785964, 0.387814),
    (222, 0.657642, 0.860219, 0.203082),
    (255, 0.993248, 0.906157, 0.143936),
]

@Test(arguments: viridisReference.indices)
func viridisMatchesThePublishedTable(_ row: Int) {
    let reference = viridisReference[row]
    let color = Colormap.viridis.color(at: Double(reference.index) / 255)
    #expect(abs(color.red - reference.red) <= 1.0 / 255)
    #expect(abs(color.green - reference.green) <= 1.0 / 255)
    #expect(abs(color.blue - reference.blue) <= 1.0 / 255)
    #expect(color.alpha == 1)
}

@Test func viridisEndpointsAreTheTableEnds() {
    #expect(Colormap.viridis.color(at: 0) == Color(hex: 0x440154))
    #expect(Colormap.viridis.color(at: 1) == Color(hex: 0xFDE725))
}

@Test(arguments: [Colormap.viridis, Colormap.greys.reversed()])
func lightnessIncreasesMonotonically(_ map: Colormap) {
    var previous = -1.0
    for k in 0...500 {
        let lightness = ColorSpace.lightness(map.color(at: Double(k) / 500))
        #expect(lightness > previous, "lightness must increase at t = \(Double(k) / 500)")
        previous = lightness
    }
}

@Test func outOfRangeValuesClampAndNaNIsBad() {
    let map = Colormap.viridis
    #expect(map.color(at: -3) == map.color(at: 0))
    #expect(map.color(at: .infinity) == map.color(at: 1))
    #expect(map.color(at: -.infinity) == map.color(at: 0))
    #expect(map.color(at: .nan) == map.bad)
    #expect(map.bad.alpha == 0)
    var custom = map
    custom.bad = Color(hex: 0xFF00FF)
    #expect(custom.color(at: .nan) == Color(hex: 0xFF00FF))
}

@Test func divergingIsSymmetricAndWhiteInTheMiddle() {
    let map = Colormap.diverging
    let centre = map.color(at: 0.5)
    #expect(centre.red > 0.94 && centre.green > 0.94 && centre.blue > 0.94)
    #expect(abs(centre.red - centre.blue) < 0.01 && abs(centre.red - centre.green) < 0.01)
    // Mirror points have the same lightness; the blue side is blue, the red side red.
    for k in 0...50 {
        let t = Double(k) / 100
        let low = map.color(at: t), high = map.color(at: 1 - t)
        #expect(abs(ColorSpace.lightness(low) - ColorSpace.lightness(high)) < 1.0)
        if k < 45 {
            #expect(low.blue > low.red)
            #expect(high.red > high.blue)
        }
    }
    // Lightness falls away from the centre on both sides, to about L* 30 at the ends.
    var previous = 101.0
    for k in 0...50 {
        let lightness = ColorSpace.lightness(map.color(at: 0.5 + Double(k) / 100))
        #expect(lightness < previous)
        previous = lightness
    }
    #expect(abs(ColorSpace.lightness(map.color(at: 0)) - 30) < 1.5)
    #expect(abs(ColorSpace.lightness(map.color(at: 1)) - 30) < 1.5)
}

@Test func greysRunFromWhiteToBlack() {
    #expect(Colormap.greys.color(at: 0) == .white)
    #expect(Colormap.greys.color(at: 1) == .black)
    let middle = Colormap.greys.color(at: 0.5)
    #expect(abs(ColorSpace.lightness(middle) - 50) < 0.5)
    #expect(middle.red == middle.green && middle.green == middle.blue)
}

@Test func colormapHelpers() {
    let map = Colormap.viridis
    #expect(map.colors(count: 3) == [map.color(at: 0), map.color(at: 0.5), map.color(at: 1)])
    #expect(map.colors(count: 0).isEmpty)
    #expect(map.reversed().color(at: 0) == map.color(at: 1))
    #expect(map.reversed().name == "viridis_r")
    let empty = Colormap(name: "empty", anchors: [])
    #expect(empty.color(at: 0.3) == empty.bad)
    let single = Colormap(name: "one", anchors: [Color(hex: 0x123456)])
    #expect(single.color(at: 0.7) == Color(hex: 0x123456))
    let pair = Colormap(name: "two", anchors: [.black, .white])
    #expect(pair.color(at: 0.25) == Color(red: 0.25, green: 0.25, blue: 0.25))
}

// MARK: Palette

@Test func paletteIsOkabeItoAndDistinct() {
    let colors = Palette.categorical
    #expect(colors.count == 8)
    #expect(Set(colors).count == 8)
    #expect(colors[0] == Color(hex: 0x0072B2))
    #expect(colors[1] == Color(hex: 0xE69F00))
    // Every pair differs clearly in RGB.
    for i in colors.indices {
        for j in colors.indices where j > i {
            let a = colors[i], b = colors[j]
            let distance = abs(a.red - b.red) + abs(a.green - b.green) + abs(a.blue - b.blue)
            #expect(distance > 0.3, "colours \(i) and \(j) are too close")
        }
    }
}

@Test func firstThreePaletteColoursReadInGreyscale() {
    let lightness = Palette.categorical.prefix(3).map(ColorSpace.lightness)
    for i in 0..<3 {
        for j in 0..<3 where j > i {
            #expect(abs(lightness[i] - lightness[j]) > 20)
        }
    }
}

@Test func paletteWraps() {
    #expect(Palette.color(0) == Palette.categorical[0])
    #expect(Palette.color(9) == Palette.categorical[1])
    #expect(Palette.color(-1) == Palette.categorical[7])
}
