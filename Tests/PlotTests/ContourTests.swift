import Foundation
import Testing
@testable import Plot

/// Signed area (shoelace): positive for counter-clockwise polygons. Works for closed polylines too.
func signedArea(_ polygon: [Point]) -> Double {
    guard polygon.count >= 3 else { return 0 }
    var sum = 0.0
    for k in polygon.indices {
        let a = polygon[k], b = polygon[(k + 1) % polygon.count]
        sum += a.x * b.y - b.x * a.y
    }
    return sum / 2
}

let paraboloid = Sampling.grid(x: -2...2, y: -2...2, nx: 101, ny: 101) { x, y in x * x + y * y }

@Test func unitCircleOfAParaboloid() throws {
    let polylines = Contour.lines(paraboloid, level: 1)
    #expect(polylines.count == 1)
    let circle = try #require(polylines.first)
    #expect(circle.first == circle.last, "a closed curve repeats its first point")
    #expect(circle.count > 100)
    for point in circle {
        // Linear interpolation of x² along an edge of length 0.04 errs by at most h²/4 in f.
        #expect(abs((point.x * point.x + point.y * point.y).squareRoot() - 1) < 0.001)
    }
    #expect(abs(abs(signedArea(circle)) - Double.pi) < 0.003)
}

@Test func bandsTileTheGridAndMatchAnnulusAreas() {
    let bands = Contour.bands(paraboloid, levels: [2, 0.5, 1, 4, 1])
    #expect(bands.map(\.lower) == [-.infinity, 0.5, 1, 2, 4])
    #expect(bands.map(\.upper) == [0.5, 1, 2, 4, .infinity])
    var total = 0.0
    for band in bands {
        for polygon in band.polygons {
            let area = signedArea(polygon)
            #expect(area > 0, "polygons are counter-clockwise")
            total += area
        }
    }
    #expect(abs(total - 16) < 1e-9, "the bands cover the 4 x 4 grid exactly once")
    let areas = bands.map { $0.polygons.reduce(0) { $0 + signedArea($1) } }
    #expect(abs(areas[0] - Double.pi * 0.5) < 0.005)
    #expect(abs(areas[1] - Double.pi * 0.5) < 0.005)
    #expect(abs(areas[2] - Double.pi) < 0.005)
    #expect(abs(areas[3] - Double.pi * 2) < 0.005)
    #expect(abs(areas[4] - (16 - 4 * Double.pi)) < 0.005)
}

@Test func bandBordersAreTheContourLines() {
    let linePoints = Set(Contour.lines(paraboloid, level: 1)[0])
    let bands = Contour.bands(paraboloid, levels: [1])
    let inner = Set(bands[0].polygons.joined()), outer = Set(bands[1].polygons.joined())
    // Every point of the level-1 line is a vertex of both neighbouring bands, bit for bit.
    #expect(linePoints.isSubset(of: inner))
    #expect(linePoints.isSubset(of: outer))
}

@Test func aPlaneGivesStraightLines() throws {
    let plane = Sampling.grid(x: 0...1, y: 0...1, nx: 23, ny: 17) { x, y in 2 * x + 3 * y }
    for level in [0.5, 1, 2.5, 4.9] {
        let polylines = Contour.lines(plane, level: level)
        #expect(polylines.count == 1)
        let line = try #require(polylines.first)
        #expect(line.first != line.last)
        for point in line {
            #expect(abs(2 * point.x + 3 * point.y - level) < 1e-12)
        }
        // Both ends lie on the border of the unit square.
        for end in [line.first!, line.last!] {
            let onBorder = [end.x, end.y, 1 - end.x, 1 - end.y].contains { abs($0) < 1e-12 }
            #expect(onBorder)
        }
    }
    #expect(Contour.lines(plane, level: 10).isEmpty)
}

@Test func saddleCellsFollowTheCentreMean() {
    // One cell: corners c0 = 1, c1 = 0, c2 = 1, c3 = 0; the centre mean is 0.5.
    let cell = Grid2D(xs: [0, 1], ys: [0, 1], values: [1, 0, 0, 1])
    // Level 0.5: the centre is "above", so the high corners c0, c2 connect through the middle and
    // the lines cut off the low corners c1 (bottom right) and c3 (top left).
    let connected = Contour.lines(cell, level: 0.5).map { Set($0) }
    #expect(Set(connected) == [
        [Point(0.5, 0), Point(1, 0.5)],
        [Point(0.5, 1), Point(0, 0.5)],
    ])
    // Level 0.6: the centre is below, so the lines cut off the high corners instead.
    let separated = Contour.lines(cell, level: 0.6).map { Set($0) }
    #expect(Set(separated) == [
        [Point(0, 0.4), Point(0.4, 0)],
        [Point(1, 0.6), Point(0.6, 1)],
    ])
    // The bands agree: at 0.6 the band above is two corner triangles.
    let bands = Contour.bands(cell, levels: [0.6])
    #expect(bands[1].polygons.count == 2)
    #expect(bands[0].polygons.count == 1)
    let total = bands.flatMap(\.polygons).reduce(0) { $0 + signedArea($1) }
    #expect(abs(total - 1) < 1e-12)
    #expect(abs(bands[1].polygons.reduce(0) { $0 + signedArea($1) } - 2 * 0.5 * 0.4 * 0.4) < 1e-12)
}

@Test func linesJoinAcrossManyCells() {
    // Two separate bumps give two closed curves, each one polyline.
    let bumps = Sampling.grid(x: -3...3, y: -2...2, nx: 121, ny: 81) { x, y in
        exp(-((x - 1.5) * (x - 1.5) + y * y)) + exp(-((x + 1.5) * (x + 1.5) + y * y))
    }
    let polylines = Contour.lines(bumps, level: 0.5)
    #expect(polylines.count == 2)
    #expect(polylines.allSatisfy { $0.first == $0.last && $0.count > 50 })
    // A level between the saddle (at the origin) and the peaks keeps the two curves; a lower one joins them.
    let joined = Contour.lines(bumps, level: 0.15)
    #expect(joined.count == 1)
    #expect(joined.allSatisfy { $0.first == $0.last })
}

@Test func nanHolesAreSkipped() {
    var grid = paraboloid
    // A NaN block in the middle (|x|, |y| <= 0.4) and a few stray NaNs and infinities.
    for j in 0..<grid.ys.count {
        for i in 0..<grid.xs.count where abs(grid.xs[i]) <= 0.4 + 1e-9 && abs(grid.ys[j]) <= 0.4 + 1e-9 {
            grid.values[j * grid.xs.count + i] = .nan
        }
    }
    grid.values[5] = .infinity
    grid.values[grid.values.count - 7] = -.infinity
    let polylines = Contour.lines(grid, level: 0.1)
    // The level-0.1 circle (radius 0.32) lies entirely inside the hole.
    #expect(polylines.isEmpty)
    let ring = Contour.lines(grid, level: 1)
    #expect(ring.count == 1)
    let bands = Contour.bands(grid, levels: [0.5, 1, 2])
    let total = bands.flatMap(\.polygons).reduce(0) { $0 + signedArea($1) }
    // The hole: NaN nodes span [-0.4, 0.4]², so cells within [-0.44, 0.44]² are dropped; plus two cells
    // at each infinity.
    let hole = 0.88 * 0.88 + 4 * 0.04 * 0.04
    #expect(abs(total - (16 - hole)) < 1e-9)
    for point in bands.flatMap(\.polygons).joined() {
        #expect(point.isFinite)
    }
}

@Test func allNaNAndTinyGrids() {
    let nanGrid = Grid2D(xs: [0, 1, 2], ys: [0, 1], values: Array(repeating: .nan, count: 6))
    #expect(Contour.lines(nanGrid, level: 0).isEmpty)
    #expect(Contour.bands(nanGrid, levels: [0]).allSatisfy { $0.polygons.isEmpty })
    #expect(Contour.niceLevels(nanGrid, count: 5).isEmpty)
    let column = Grid2D(xs: [0], ys: [0, 1, 2], values: [0, 1, 2])
    #expect(Contour.lines(column, level: 0.5).isEmpty)
    #expect(Contour.bands(column, levels: [0.5]).count == 2)
    #expect(Contour.lines(paraboloid, level: .nan).isEmpty)
    let single = Contour.bands(paraboloid, levels: [])
    #expect(single.count == 1)
    #expect(abs(single[0].polygons.reduce(0) { $0 + signedArea($1) } - 16) < 1e-9)
    // One rectangle per row when no border crosses the grid.
    #expect(single[0].polygons.count == 100)
}

@Test func valuesExactlyOnALevelStayConsistent() {
    // Integer values with integer levels: crossings land on grid nodes.
    let steps = Sampling.grid(x: 0...4, y: 0...4, nx: 5, ny: 5) { x, y in (x + y).rounded() }
    let bands = Contour.bands(steps, levels: [1, 2, 3, 4, 5, 6, 7])
    let total = bands.flatMap(\.polygons).reduce(0) { $0 + signedArea($1) }
    #expect(abs(total - 16) < 1e-12)
    for polygon in bands.flatMap(\.polygons) {
        #expect(signedArea(polygon) > 0)
    }
    #expect(!Contour.lines(steps, level: 3).isEmpty)
}

@Test func multiLevelLinesEqualSingleLevelLines() {
    let levels = [0.5, 1, 2, 3]
    let all = Contour.lines(paraboloid, levels: levels)
    #expect(all.map(\.level) == levels)
    for (k, level) in levels.enumerated() {
        #expect(all[k].polylines == Contour.lines(paraboloid, level: level))
    }
}

@Test func niceAndLogLevels() {
    #expect(Contour.niceLevels(paraboloid, count: 8) == [1, 2, 3, 4, 5, 6, 7])
    #expect(Contour.niceLevels(paraboloid, count: 3) == [2, 4, 6])
    #expect(Contour.niceLevels(paraboloid, count: 0).isEmpty)
    let bowl = Sampling.grid(x: 0...1, y: 0...1, nx: 3, ny: 3) { x, _ in [0.01, 1, 100][Int(x * 2)] }
    #expect(Contour.logLevels(bowl, count: 3) == [0.1, 1, 10])
    let levels = Contour.logLevels(paraboloid, count: 6)
    #expect(levels.count == 6)
    #expect(zip(levels, levels.dropFirst()).allSatisfy { $0 < $1 })
    #expect(levels.allSatisfy { $0 > 0 && $0 < 8 })
    // Log spacing: each level is a constant factor above the previous one (minimum 0 is offset).
    #expect(levels[1] / levels[0] > 2)
    #expect(Contour.roundedToGap(0.012345, gap: 0.01) == 0.012)
    #expect(Contour.roundedToGap(98765, gap: 50_000) == 99_000)
    #expect(Contour.roundedToGap(-0.15723, gap: 0.13) == -0.16)
    // A minimum below zero: levels are offset from it and still come out short.
    let shifted = Sampling.grid(x: 0...1, y: 0...1, nx: 5, ny: 5) { x, y in 30 * (x * x + y * y) - 0.157 }
    let shiftedLevels = Contour.logLevels(shifted, count: 6)
    #expect(shiftedLevels.count == 6)
    #expect(zip(shiftedLevels, shiftedLevels.dropFirst()).allSatisfy { $0 < $1 })
    for level in shiftedLevels {
        let label = "\(level)"
        #expect(label.count <= 6, "short level \(label)")
    }
}

/// A small deterministic generator for scrambled test fields.
struct TestRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
}

@Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
func randomFieldsWithTiesAndSaddlesTileExactly(seed: UInt64) {
    var random = TestRandom(state: seed)
    let nx = 9, ny = 7
    // Values from {0, 1, 2, 3} make many saddles and values exactly on the levels.
    let values = (0..<(nx * ny)).map { _ in Double(random.next() % 4) }
    let xs = (0..<nx).map { Double($0) * 0.5 }, ys = (0..<ny).map { Double($0) * 0.25 + 1 }
    let grid = Grid2D(xs: xs, ys: ys, values: values)
    let gridArea = (xs.last! - xs[0]) * (ys.last! - ys[0])
    for levels in [[0.5, 1.5, 2.5], [1.0, 2.0], [0.3, 0.7, 1.2, 2.9]] {
        let bands = Contour.bands(grid, levels: levels)
        var total = 0.0
        for polygon in bands.flatMap(\.polygons) {
            let area = signedArea(polygon)
            #expect(area > 0)
            total += area
            for point in polygon {
                #expect(point.x >= xs[0] && point.x <= xs.last! && point.y >= ys[0] && point.y <= ys.last!)
            }
        }
        #expect(abs(total - gridArea) < 1e-9, "levels \(levels)")
        for level in levels {
            for polyline in Contour.lines(grid, level: level) {
                for point in polyline {
                    // Every line point lies on a grid line.
                    #expect(xs.contains(point.x) || ys.contains(point.y))
                }
            }
        }
    }
}

@Test(arguments: [11, 12, 13, 14])
func bandAreasAgreeAcrossLevelSets(seed: UInt64) {
    var random = TestRandom(state: seed)
    let nx = 12, ny = 10
    let values = (0..<(nx * ny)).map { _ in Double(random.next() % 1000) / 250 }
    let grid = Grid2D(xs: (0..<nx).map(Double.init), ys: (0..<ny).map(Double.init), values: values)
    func areaAbove(_ level: Double, levels: [Double]) -> Double {
        Contour.bands(grid, levels: levels).filter { $0.lower >= level }
            .flatMap(\.polygons).reduce(0) { $0 + signedArea($1) }
    }
    let fine = [0.5, 1, 1.5, 2, 2.5, 3, 3.5]
    for level in fine {
        #expect(abs(areaAbove(level, levels: fine) - areaAbove(level, levels: [level])) < 1e-9)
    }
}

/// Nonzero winding number of `polygon` around (x, y).
func winding(_ polygon: [Point], _ x: Double, _ y: Double) -> Int {
    var w = 0
    for k in polygon.indices {
        let a = polygon[k], b = polygon[(k + 1) % polygon.count]
        let side = (b.x - a.x) * (y - a.y) - (x - a.x) * (b.y - a.y)
        if a.y <= y {
            if b.y > y && side > 0 { w += 1 }
        } else if b.y <= y && side < 0 {
            w -= 1
        }
    }
    return w
}

/// Filled together with nonzero winding, the bands' polygons cover every point of a valid cell
/// exactly once and no point of a NaN cell: no gaps, no overlaps, with ties, saddles and holes.
@Test func scrambledFieldsAreCoveredExactlyOnce() {
    var random = TestRandom(state: 2024)
    for _ in 0..<200 {
        let nx = 2 + Int(random.next() % 6), ny = 2 + Int(random.next() % 5)
        let values = (0..<(nx * ny)).map { _ -> Double in
            let r = random.next() % 11
            return r == 10 ? .nan : Double(r % 5) * 0.5
        }
        let grid = Grid2D(xs: (0..<nx).map(Double.init), ys: (0..<ny).map(Double.init), values: values)
        for levels in [[0.5, 1.5], [0.25, 0.75, 1.25, 1.75], [1.0]] {
            let polygons = Contour.bands(grid, levels: levels).flatMap(\.polygons)
            for _ in 0..<10 {
                let x = (Double(random.next() % 100_000) + 0.123) / 100_000 * Double(nx - 1)
                let y = (Double(random.next() % 100_000) + 0.071) / 100_000 * Double(ny - 1)
                let i = Int(x), j = Int(y)
                let valid = [grid[i, j], grid[i + 1, j], grid[i, j + 1], grid[i + 1, j + 1]].allSatisfy(\.isFinite)
                let coverage = polygons.reduce(0) { $0 + winding($1, x, y) }
                #expect(coverage == (valid ? 1 : 0), "values \(values), levels \(levels), point (\(x), \(y))")
            }
        }
    }
}
