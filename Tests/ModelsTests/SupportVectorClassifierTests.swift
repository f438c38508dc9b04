import Foundation
import Testing
@testable import Models

/// Two Gaussian blobs (labels 0 and 1) centred at -shift and +shift on both axes.
func gaussianBlobs(count: Int, shift: Double, seed: UInt64) -> (Matrix, [Int]) {
    var rng = SeededGenerator(seed: seed)
    var storage: [Double] = []
    var labels: [Int] = []
    for t in 0..<count {
        let label = t % 2
        let centre = label == 1 ? shift : -shift
        storage.append(centre + rng.nextGaussian())
        storage.append(centre + rng.nextGaussian())
        labels.append(label)
    }
    return (Matrix(rows: count, columns: 2, storage: storage), labels)
}

@Suite struct SupportVectorClassifierTests {
    /// Separable points whose maximum-margin line is x = 1 (worked out by hand): the closest pair is
    /// (2, 0) and (0, 0), so w = (1, 0), b = -1, margin 2, and from w = sum a_t y_t x_t with
    /// a_+ = a_- (the equality constraint), a = 1/2 on both support vectors.
    @Test func hardMarginKnownAnswer() throws {
        let x = Matrix([[2, 0], [3, 1], [3, -1], [0, 0], [-1, 1], [-1, -1]])
        let y = [1, 1, 1, 0, 0, 0]
        let fitted = try SupportVectorClassifier(c: 1000, kernel: .linear, tolerance: 1e-8).fit(x, y)
        let machine = try #require(fitted.binaryMachine)
        #expect(machine.supportIndices == [0, 3])
        #expect(machine.dualCoefficients.count == 2)
        #expect(abs(machine.dualCoefficients[0] - 0.5) < 1e-6)
        #expect(abs(machine.dualCoefficients[1] + 0.5) < 1e-6)
        let w = try #require(machine.weights)
        #expect(abs(w[0] - 1) < 1e-6 && abs(w[1]) < 1e-6)
        #expect(abs(machine.intercept + 1) < 1e-6)
        #expect(abs(try #require(machine.marginWidth) - 2) < 1e-6)
        #expect(machine.converged)
        #expect(try fitted.predict(x) == y)
        #expect(machine.supportVectors.row(0) == [2, 0])
        #expect(try fitted.decisionFunction(Matrix([[1, 5]]))[0].magnitude < 1e-6)
    }

    /// (1,1), (2,2) against (-1,-1), (-2,-2): w = (1/2, 1/2), b = 0, margin 2 sqrt(2).
    @Test func symmetricDiagonalKnownAnswer() throws {
        let x = Matrix([[1, 1], [2, 2], [-1, -1], [-2, -2]])
        let fitted = try SupportVectorClassifier(c: 100, kernel: .linear, tolerance: 1e-9).fit(x, [1, 1, 0, 0])
        let machine = try #require(fitted.binaryMachine)
        let w = try #require(machine.weights)
        #expect(abs(w[0] - 0.5) < 1e-7 && abs(w[1] - 0.5) < 1e-7)
        #expect(abs(machine.intercept) < 1e-7)
        #expect(abs(try #require(machine.marginWidth) - 2 * 2.0.squareRoot()) < 1e-6)
        #expect(machine.supportIndices == [0, 2])
    }

    /// At the solution: 0 <= a <= C, sum a_t y_t = 0, and the KKT conditions
    /// a = 0 => y f >= 1, 0 < a < C => y f = 1, a = C => y f <= 1 (to the tolerance).
    @Test(arguments: [Kernel.linear, .rbf(gamma: .value(0.5)), .polynomial(degree: 3, gamma: .value(0.5), coef0: 1)])
    func kktConditionsHold(kernel: Kernel) throws {
        let (x, y) = gaussianBlobs(count: 120, shift: 0.8, seed: 11)
        let c = 2.0
        let fitted = try SupportVectorClassifier(c: c, kernel: kernel, tolerance: 1e-6).fit(x, y)
        let machine = try #require(fitted.binaryMachine)
        #expect(machine.converged)
        var alpha = [Double](repeating: 0, count: x.rows)
        for (s, t) in machine.supportIndices.enumerated() {
            alpha[t] = machine.dualCoefficients[s] * (y[t] == 1 ? 1 : -1)
        }
        #expect(alpha.allSatisfy { $0 >= 0 && $0 <= c })
        #expect(abs(machine.dualCoefficients.reduce(0, +)) < 1e-9)
        let f = try fitted.decisionFunction(x)
        let slack = 1e-4
        for t in 0..<x.rows {
            let margin = (y[t] == 1 ? 1.0 : -1.0) * f[t]
            if alpha[t] == 0 {
                #expect(margin >= 1 - slack)
            } else if alpha[t] < c {
                #expect(abs(margin - 1) <= slack)
            } else {
                #expect(margin <= 1 + slack)
            }
        }
    }

    /// Strong duality for the linear kernel: the primal objective 1/2||w||^2 + C sum hinge equals
    /// minus the dual objective at the optimum.
    @Test func primalEqualsDualForLinearKernel() throws {
        let (x, y) = gaussianBlobs(count: 200, shift: 0.7, seed: 5)
        let c = 0.5
        let fitted = try SupportVectorClassifier(c: c, kernel: .linear, tolerance: 1e-7).fit(x, y)
        let machine = try #require(fitted.binaryMachine)
        let w = try #require(machine.weights)
        let f = try fitted.decisionFunction(x)
        var primal = 0.5 * (w[0] * w[0] + w[1] * w[1])
        for t in 0..<x.rows { primal += c * MarginLoss.hinge(margin: (y[t] == 1 ? 1 : -1) * f[t]) }
        #expect(abs(primal + machine.dualObjective) / primal < 1e-5)
        #expect(try fitted.score(x, y) > 0.8)
    }

    @Test func smallCWidensTheMargin() throws {
        let (x, y) = gaussianBlobs(count: 200, shift: 1, seed: 9)
        let narrow = try SupportVectorClassifier(c: 100, kernel: .linear).fit(x, y).binaryMachine!
        let wide = try SupportVectorClassifier(c: 0.01, kernel: .linear).fit(x, y).binaryMachine!
        #expect(try #require(wide.marginWidth) > 2 * (try #require(narrow.marginWidth)))
        #expect(wide.supportIndices.count > narrow.supportIndices.count)
    }

    @Test func rbfSeparatesARingFromItsCentre() throws {
        // Class 1 on a circle of radius 3, class 0 near the origin: not linearly separable.
        var rng = SeededGenerator(seed: 21)
        var rows: [[Double]] = []
        var y: [Int] = []
        for t in 0..<200 {
            let angle = 2 * Double.pi * rng.nextUnit()
            let radius = t % 2 == 0 ? 0.5 * rng.nextUnit() : 3 + 0.2 * rng.nextGaussian()
            rows.append([radius * cos(angle), radius * sin(angle)])
            y.append(t % 2)
        }
        let x = Matrix(rows)
        let rbf = try SupportVectorClassifier(c: 1, kernel: .rbf()).fit(x, y)
        #expect(try rbf.score(x, y) == 1)
        let linear = try SupportVectorClassifier(c: 1, kernel: .linear).fit(x, y)
        #expect(try linear.score(x, y) < 0.8)
        #expect(rbf.binaryMachine?.weights == nil)
    }

    @Test func threeClassesOneVersusOne() throws {
        var rng = SeededGenerator(seed: 4)
        let centres: [(Double, Double)] = [(0, 4), (-4, -2), (4, -2)]
        var rows: [[Double]] = []
        var y: [Int] = []
        for t in 0..<150 {
            let label = [7, 3, 5][t % 3]
            let centre = centres[t % 3]
            rows.append([centre.0 + rng.nextGaussian(), centre.1 + rng.nextGaussian()])
            y.append(label)
        }
        let fitted = try SupportVectorClassifier(kernel: .rbf()).fit(Matrix(rows), y)
        #expect(fitted.classes == [3, 5, 7])
        #expect(fitted.machines.map { [$0.negativeClass, $0.positiveClass] } == [[3, 5], [3, 7], [5, 7]])
        #expect(fitted.binaryMachine == nil)
        #expect(try fitted.score(Matrix(rows), y) > 0.97)
        #expect(try fitted.predict(Matrix([[0, 4], [-4, -2], [4, -2]])) == [7, 3, 5])
        #expect(throws: ModelError.self) { try fitted.decisionFunction(Matrix([[0, 0]])) }
        #expect(try fitted.decisionValues(Matrix([[0, 0]])).columns == 3)
    }

    @Test func sameDataSameModelAndParallelPredictionIsDeterministic() throws {
        let (x, y) = gaussianBlobs(count: 300, shift: 0.5, seed: 8)
        let a = try SupportVectorClassifier(kernel: .rbf(gamma: .value(2))).fit(x, y).binaryMachine!
        let b = try SupportVectorClassifier(kernel: .rbf(gamma: .value(2))).fit(x, y).binaryMachine!
        #expect(a.dualCoefficients == b.dualCoefficients && a.intercept == b.intercept)
        // A grid large enough to be split across threads equals point-by-point evaluation.
        var grid: [Double] = []
        for i in 0..<60 { for j in 0..<50 { grid += [Double(i) / 10 - 3, Double(j) / 10 - 2.5] } }
        let g = Matrix(rows: 3000, columns: 2, storage: grid)
        let all = try a.decisionFunction(g)
        for r in stride(from: 0, to: 3000, by: 97) {
            #expect(try a.decisionFunction(Matrix([g.row(r)]))[0] == all[r])
        }
        // The general (non-2-D) path agrees with the unrolled one.
        var manual = a.intercept
        for s in 0..<a.supportVectors.rows {
            manual += a.dualCoefficients[s] * a.kernel.value(a.supportVectors.row(s), g.row(5))
        }
        #expect(abs(manual - all[5]) < 1e-12)
    }

    @Test func boundedCacheGivesTheSameSolution() throws {
        let (x, y) = gaussianBlobs(count: 150, shift: 0.6, seed: 2)
        let roomy = try SupportVectorClassifier(kernel: .rbf(gamma: .value(1))).fit(x, y).binaryMachine!
        // 1 MB holds every row of 150 points too; check the small cache on a larger set instead.
        let (bigX, bigY) = gaussianBlobs(count: 600, shift: 0.6, seed: 2)
        let full = try SupportVectorClassifier(kernel: .rbf(gamma: .value(1))).fit(bigX, bigY).binaryMachine!
        let tight = try SupportVectorClassifier(kernel: .rbf(gamma: .value(1)), cacheMegabytes: 1).fit(bigX, bigY).binaryMachine!
        #expect(full.dualCoefficients == tight.dualCoefficients)
        #expect(full.intercept == tight.intercept)
        #expect(roomy.converged)
    }

    /// Identical points with opposite labels make the kernel matrix singular (zero curvature along
    /// the pair); the solver must still converge, with both multipliers at C.
    @Test func duplicatePointsWithConflictingLabels() throws {
        let x = Matrix([[0, 0], [0, 0], [2, 2], [-2, -2]])
        let fitted = try SupportVectorClassifier(c: 0.5, kernel: .linear, tolerance: 1e-9).fit(x, [0, 1, 1, 0])
        let machine = try #require(fitted.binaryMachine)
        #expect(machine.converged)
        let alphaOfDuplicates = machine.supportIndices.enumerated()
            .filter { $0.element < 2 }.map { abs(machine.dualCoefficients[$0.offset]) }
        #expect(alphaOfDuplicates == [0.5, 0.5])
        #expect(try fitted.predict(Matrix([[2, 2], [-2, -2]])) == [1, 0])
    }

    /// A degree-2 polynomial kernel separates XOR, which no line can.
    @Test func polynomialKernelSeparatesXOR() throws {
        let x = Matrix([[1, 1], [-1, -1], [1, -1], [-1, 1], [2, 2], [-2, -2], [2, -2], [-2, 2]])
        let y = [0, 0, 1, 1, 0, 0, 1, 1]
        let fitted = try SupportVectorClassifier(c: 10, kernel: .polynomial(degree: 2, gamma: .value(1), coef0: 0)).fit(x, y)
        #expect(try fitted.score(x, y) == 1)
        #expect(try SupportVectorClassifier(c: 10, kernel: .linear).fit(x, y).score(x, y) < 1)
    }

    @Test func typedErrors() {
        let x = Matrix([[0, 0], [1, 1]])
        #expect(throws: ModelError.invalidHyperparameter(name: "C", value: "0.0", reason: "C must be a positive, finite number")) {
            try SupportVectorClassifier(c: 0).fit(x, [0, 1])
        }
        #expect(throws: ModelError.self) { try SupportVectorClassifier(c: -1).fit(x, [0, 1]) }
        #expect(throws: ModelError.self) { try SupportVectorClassifier(kernel: .rbf(gamma: .value(0))).fit(x, [0, 1]) }
        #expect(throws: ModelError.self) { try SupportVectorClassifier(tolerance: 0).fit(x, [0, 1]) }
        #expect(throws: ModelError.singleClass("SupportVectorClassifier.fit: every label is 1; a classifier needs at least two classes")) {
            try SupportVectorClassifier().fit(x, [1, 1])
        }
        #expect(throws: ModelError.shapeMismatch("SupportVectorClassifier.fit: X has 2 rows but there are 3 labels")) {
            try SupportVectorClassifier().fit(x, [0, 1, 1])
        }
        #expect(throws: ModelError.nonFinite(row: 1, column: 0)) {
            try SupportVectorClassifier().fit(Matrix([[0, 0], [.nan, 1]]), [0, 1])
        }
        #expect(throws: ModelError.emptyInput("SupportVectorClassifier.fit: X has no rows")) {
            try SupportVectorClassifier().fit(Matrix(rows: 0, columns: 2), [])
        }
        let fitted = try? SupportVectorClassifier().fit(x, [0, 1])
        #expect(throws: ModelError.self) { try fitted?.predict(Matrix([[0, 0, 0]])) }
        #expect(throws: ModelError.nonFinite(row: 0, column: 1)) { try fitted?.predict(Matrix([[0, .infinity]])) }
    }
}
