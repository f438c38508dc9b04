import Testing
@testable import Models

@Suite struct SyntheticDataTests {
    private func classCounts(_ sample: ClassificationSample) -> [Int] {
        (0..<sample.classCount).map { c in sample.y.filter { $0 == c }.count }
    }

    @Test func noisyLineWithoutNoiseIsExact() throws {
        var generator = SeededGenerator(seed: 1)
        let sample = try SyntheticData.noisyLine(count: 50, slope: 2, intercept: -1, noise: 0, xRange: 0...5, using: &generator)
        #expect(sample.x.rows == 50 && sample.x.columns == 1 && sample.y.count == 50)
        for i in 0..<50 {
            #expect(sample.y[i] == -1 + 2 * sample.x[i, 0])
            #expect(sample.x[i, 0] >= 0 && sample.x[i, 0] <= 5)
        }
    }

    @Test func noisyLineNoiseHasTheRequestedSpread() throws {
        var generator = SeededGenerator(seed: 2)
        let sample = try SyntheticData.noisyLine(count: 20_000, slope: 1, intercept: 0, noise: 0.5, using: &generator)
        let residuals = (0..<sample.y.count).map { sample.y[$0] - sample.x[$0, 0] }
        let std = Matrix(column: residuals).columnStandardDeviations()[0]
        #expect(abs(std - 0.5) < 0.01)
    }

    @Test func noisyPolynomialEvaluatesCoefficientsInIncreasingPower() throws {
        var generator = SeededGenerator(seed: 3)
        let sample = try SyntheticData.noisyPolynomial(count: 10, coefficients: [1, 0, -2, 0.5], noise: 0, using: &generator)
        for i in 0..<10 {
            let x = sample.x[i, 0]
            #expect(abs(sample.y[i] - (1 - 2 * x * x + 0.5 * x * x * x)) < 1e-12)
        }
    }

    @Test func sameSeedSameDataDifferentSeedDifferentData() throws {
        var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9), c = SeededGenerator(seed: 10)
        let first = try SyntheticData.twoMoons(count: 100, using: &a)
        let second = try SyntheticData.twoMoons(count: 100, using: &b)
        let third = try SyntheticData.twoMoons(count: 100, using: &c)
        #expect(first == second)
        #expect(first != third)
        var d = SeededGenerator(seed: 4), e = SeededGenerator(seed: 4)
        #expect(try SyntheticData.spirals(count: 90, arms: 3, using: &d) == SyntheticData.spirals(count: 90, arms: 3, using: &e))
    }

    @Test func blobsAreBalancedAndCentred() throws {
        var generator = SeededGenerator(seed: 5)
        let centers: [[Double]] = [[0, 0], [10, 0], [0, 10]]
        let sample = try SyntheticData.blobs(count: 3000, centers: centers, spread: 0.5, using: &generator)
        #expect(sample.x.rows == 3000 && sample.x.columns == 2 && sample.classCount == 3)
        #expect(classCounts(sample) == [1000, 1000, 1000])
        for c in 0..<3 {
            let rows = sample.x.selectingRows((0..<3000).filter { sample.y[$0] == c })
            let means = rows.columnMeans()
            #expect(abs(means[0] - centers[c][0]) < 0.05 && abs(means[1] - centers[c][1]) < 0.05)
        }
        let random = try SyntheticData.blobs(count: 100, classCount: 4, dimensions: 3, using: &generator)
        #expect(random.x.columns == 3 && classCounts(random) == [25, 25, 25, 25])
    }

    @Test func moonsGeometryWithoutNoise() throws {
        var generator = SeededGenerator(seed: 6)
        let sample = try SyntheticData.twoMoons(count: 101, noise: 0, using: &generator)
        #expect(classCounts(sample) == [51, 50])
        for i in 0..<101 {
            let (x, y) = (sample.x[i, 0], sample.x[i, 1])
            if sample.y[i] == 0 {
                #expect(abs(x * x + y * y - 1) < 1e-12 && y >= -1e-12)
            } else {
                #expect(abs((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5) - 1) < 1e-12 && y <= 0.5 + 1e-12)
            }
        }
    }

    @Test func circlesGeometryWithoutNoise() throws {
        var generator = SeededGenerator(seed: 7)
        let sample = try SyntheticData.circles(count: 200, innerRadius: 0.3, noise: 0, using: &generator)
        #expect(classCounts(sample) == [100, 100])
        for i in 0..<200 {
            let radius = (sample.x[i, 0] * sample.x[i, 0] + sample.x[i, 1] * sample.x[i, 1]).squareRoot()
            #expect(abs(radius - (sample.y[i] == 0 ? 1 : 0.3)) < 1e-12)
        }
        #expect(abs(sample.x.columnMeans()[0]) < 1e-12)
    }

    @Test func spiralsHaveBalancedArmsWithinTheUnitDisc() throws {
        var generator = SeededGenerator(seed: 8)
        let sample = try SyntheticData.spirals(count: 301, arms: 3, noise: 0, using: &generator)
        #expect(sample.classCount == 3 && classCounts(sample) == [101, 100, 100])
        let radii = (0..<301).map { (sample.x[$0, 0] * sample.x[$0, 0] + sample.x[$0, 1] * sample.x[$0, 1]).squareRoot() }
        #expect(radii.allSatisfy { $0 > 0.05 && $0 <= 1 + 1e-12 })
    }

    @Test func xorLabelsFollowTheQuadrants() throws {
        var generator = SeededGenerator(seed: 9)
        let sample = try SyntheticData.xor(count: 400, using: &generator)
        #expect(classCounts(sample) == [200, 200])
        for i in 0..<400 {
            #expect(sample.y[i] == ((sample.x[i, 0] > 0) != (sample.x[i, 1] > 0) ? 1 : 0))
        }
    }

    @Test func invalidArgumentsAreTypedErrors() {
        var generator = SeededGenerator(seed: 1)
        #expect(throws: ModelError.invalidHyperparameter(name: "count", value: "0", reason: "must be at least 1")) {
            try SyntheticData.noisyLine(count: 0, slope: 1, intercept: 0, noise: 1, using: &generator)
        }
        #expect(throws: ModelError.invalidHyperparameter(name: "noise", value: "-1.0", reason: "must be a finite number >= 0")) {
            try SyntheticData.twoMoons(count: 10, noise: -1, using: &generator)
        }
        #expect(throws: ModelError.invalidHyperparameter(name: "innerRadius", value: "1.5", reason: "must be between 0 and 1 (exclusive)")) {
            try SyntheticData.circles(count: 10, innerRadius: 1.5, using: &generator)
        }
        #expect(throws: ModelError.invalidHyperparameter(name: "arms", value: "1", reason: "must be at least 2")) {
            try SyntheticData.spirals(count: 10, arms: 1, using: &generator)
        }
        #expect(throws: ModelError.self) { try SyntheticData.blobs(count: 10, centers: [[0, 0], [1]], using: &generator) }
    }
}
