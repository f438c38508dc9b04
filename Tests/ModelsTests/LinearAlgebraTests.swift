import Testing
@testable import Models

/// A random `rows x columns` matrix with standard normal entries.
private func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
    var generator = SeededGenerator(seed: seed)
    return Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in generator.nextGaussian() })
}

/// Largest absolute element of `a * x - b`.
private func maxResidual(_ a: Matrix, _ x: [Double], _ b: [Double]) -> Double {
    zip(a.multiplied(byVector: x), b).map { abs($0 - $1) }.max() ?? 0
}

/// The `n x n` Hilbert matrix `1 / (i + j + 1)`, a classic badly conditioned SPD matrix.
private func hilbert(_ n: Int) -> Matrix {
    var h = Matrix(rows: n, columns: n)
    for i in 0..<n { for j in 0..<n { h[i, j] = 1 / Double(i + j + 1) } }
    return h
}

@Suite struct MatrixOperationTests {
    let a = Matrix([[1, 2, 3], [4, 5, 6]])

    @Test func productOfKnownMatrices() {
        let b = Matrix([[7, 8], [9, 10], [11, 12]])
        #expect(a * b == Matrix([[58, 64], [139, 154]]))
        #expect(Matrix.identity(2) * a == a)
        #expect(a * Matrix.identity(3) == a)
    }

    @Test func transposeSwapsIndices() {
        #expect(a.transposed() == Matrix([[1, 4], [2, 5], [3, 6]]))
        let big = randomMatrix(70, 45, seed: 1)
        #expect(big.transposed().transposed() == big)
        #expect(big.transposed()[44, 69] == big[69, 44])
    }

    @Test func vectorProducts() {
        #expect(a.multiplied(byVector: [1, 0, -1]) == [-2, -2])
        #expect(a.transposeMultiplied(byVector: [1, 2]) == [9, 12, 15])
    }

    @Test func transposeProductsMatchExplicitTranspose() {
        let x = randomMatrix(57, 6, seed: 2)
        let y = randomMatrix(57, 3, seed: 3)
        let expected = x.transposed() * y
        let actual = x.transposeMultiplied(by: y)
        #expect(zip(expected.storage, actual.storage).allSatisfy { abs($0 - $1) < 1e-12 })
        let gram = x.gram()
        let explicit = x.transposed() * x
        #expect(zip(gram.storage, explicit.storage).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(gram[2, 5] == gram[5, 2])
    }

    @Test func gramOfSmallMatrix() {
        #expect(a.gram() == Matrix([[17, 22, 27], [22, 29, 36], [27, 36, 45]]))
    }

    @Test func diagonalAndShapeHelpers() {
        #expect(Matrix.identity(2).addingToDiagonal(2.5) == Matrix([[3.5, 0], [0, 3.5]]))
        #expect(a.prependingOnesColumn() == Matrix([[1, 1, 2, 3], [1, 4, 5, 6]]))
        #expect(a.selectingRows([1, 1, 0]) == Matrix([[4, 5, 6], [4, 5, 6], [1, 2, 3]]))
        #expect(a.selectingColumns([2, 0]) == Matrix([[3, 1], [6, 4]]))
        #expect(Matrix(column: [1, 2]) == Matrix([[1], [2]]))
        var withNaN = a
        withNaN[1, 2] = .nan
        #expect(withNaN.firstNonFinite()! == (1, 2))
        #expect(a.firstNonFinite() == nil)
    }

    @Test func columnStatistics() {
        let m = Matrix([[1, 10], [2, 10], [3, 10]])
        #expect(m.columnMeans() == [2, 10])
        let std = m.columnStandardDeviations()
        #expect(abs(std[0] - (2.0 / 3.0).squareRoot()) < 1e-15)
        #expect(std[1] == 0)
        #expect(m.columnMinimums() == [1, 10])
        #expect(m.columnMaximums() == [3, 10])
    }
}

@Suite struct LinearSolverTests {
    @Test func knownSmallSystemByCholesky() throws {
        // 4x + 2y = 2, 2x + 3y = -1  =>  x = 1, y = -1
        let solution = try LinearSolver.solve(Matrix([[4, 2], [2, 3]]), [2, -1])
        #expect(solution.method == .cholesky)
        #expect(abs(solution.x[0] - 1) < 1e-14 && abs(solution.x[1] + 1) < 1e-14)
    }

    @Test func knownNonSymmetricSystemByQR() throws {
        // x + 2y = 5, 3x + 4y = 6  =>  x = -4, y = 4.5
        let solution = try LinearSolver.solve(Matrix([[1, 2], [3, 4]]), [5, 6])
        #expect(solution.method == .householderQR)
        #expect(abs(solution.x[0] + 4) < 1e-13 && abs(solution.x[1] - 4.5) < 1e-13)
    }

    @Test func choleskyFactorReproducesMatrix() throws {
        let spd = Matrix([[4, 12, -16], [12, 37, -43], [-16, -43, 98]])
        let l = try LinearSolver.cholesky(spd)
        #expect(l == Matrix([[2, 0, 0], [6, 1, 0], [-8, 5, 3]]))
        #expect(l * l.transposed() == spd)
    }

    @Test(arguments: [(5, UInt64(11)), (20, 12), (60, 13)])
    func randomSymmetricPositiveDefiniteSystems(size: Int, seed: UInt64) throws {
        // B^T B + I is SPD with a modest condition number.
        let spd = randomMatrix(size + 10, size, seed: seed).gram().addingToDiagonal(1)
        var generator = SeededGenerator(seed: seed + 100)
        let b = (0..<size).map { _ in generator.nextGaussian() }
        let solution = try LinearSolver.solve(spd, b)
        #expect(solution.method == .cholesky)
        #expect(maxResidual(spd, solution.x, b) < 1e-10)
        let strict = try LinearSolver.solvePositiveDefinite(spd, b)
        #expect(maxResidual(spd, strict, b) < 1e-10)
    }

    @Test func singularSystemGivesTypedErrorWithRank() {
        // Column 3 = column 1 + column 2, so X^T X is singular with rank 2.
        let x = Matrix([[1, 0, 1], [0, 1, 1], [1, 1, 2], [2, 1, 3]])
        #expect(throws: ModelError.singularMatrix("columns are linearly dependent (rank 2 of 3)")) {
            try LinearSolver.solve(x.gram(), [1, 2, 3])
        }
        #expect(throws: ModelError.singularMatrix("columns are linearly dependent (rank 2 of 3)")) {
            try LinearSolver.leastSquares(x, [1, 2, 3, 4])
        }
        #expect(throws: ModelError.singularMatrix("columns are linearly dependent (rank 1 of 2)")) {
            try LinearSolver.solvePositiveDefinite(Matrix([[1, 2], [2, 4]]), [1, 2])
        }
        #expect(throws: ModelError.singularMatrix("columns are linearly dependent (rank 0 of 2)")) {
            try LinearSolver.solve(Matrix(rows: 2, columns: 2), [1, 2])
        }
    }

    @Test func underdeterminedLeastSquaresIsReported() {
        #expect(throws: ModelError.singularMatrix(
            "fewer rows (2) than unknowns (3), so the solution is not unique (rank 2 of 3)")) {
            try LinearSolver.leastSquares(Matrix([[1, 2, 3], [4, 5, 7]]), [1, 2])
        }
    }

    @Test func badInputsGiveTypedErrors() {
        #expect(throws: ModelError.shapeMismatch("the matrix has 2 rows but the right-hand side has 3 entries")) {
            try LinearSolver.solve(Matrix.identity(2), [1, 2, 3])
        }
        #expect(throws: ModelError.nonFinite(row: 1, column: 2)) {
            try LinearSolver.solve(Matrix.identity(2), [1, .nan])
        }
        #expect(throws: ModelError.nonFinite(row: 0, column: 1)) {
            try LinearSolver.leastSquares(Matrix([[1, .infinity], [0, 1]]), [1, 2])
        }
        #expect(throws: ModelError.emptyInput("the system has a 0x0 matrix")) {
            try LinearSolver.solve(Matrix(rows: 0, columns: 0), [])
        }
        #expect(throws: ModelError.singularMatrix("the matrix is not symmetric, so it has no Cholesky factor")) {
            try LinearSolver.cholesky(Matrix([[1, 2], [3, 4]]))
        }
        #expect(throws: ModelError.singularMatrix("the matrix is not positive definite (a non-positive pivot appeared in Cholesky)")) {
            try LinearSolver.cholesky(Matrix([[1, 0], [0, -1]]))
        }
    }

    @Test func leastSquaresMatchesExactLine() throws {
        // Hand-computed: mean x 1.5, mean y 6.5, Sxy 14, Sxx 5 => slope 2.8, intercept 2.3.
        let x = Matrix([[1, 0], [1, 1], [1, 2], [1, 3]])
        let y = [2.5, 4.5, 8.5, 10.5]
        let w = try LinearSolver.leastSquares(x, y)
        #expect(abs(w[0] - 2.3) < 1e-12 && abs(w[1] - 2.8) < 1e-12)
        // Same answer as the normal equation.
        let normal = try LinearSolver.solve(x.gram(), x.transposeMultiplied(byVector: y))
        #expect(abs(normal.x[0] - w[0]) < 1e-12 && abs(normal.x[1] - w[1]) < 1e-12)
    }

    @Test func randomOverdeterminedLeastSquaresHasOrthogonalResidual() throws {
        let a = randomMatrix(200, 8, seed: 21)
        var generator = SeededGenerator(seed: 22)
        let b = (0..<200).map { _ in generator.nextGaussian() }
        let x = try LinearSolver.leastSquares(a, b)
        let residual = zip(a.multiplied(byVector: x), b).map { $0 - $1 }
        // The optimality condition A^T (A x - b) = 0.
        #expect(a.transposeMultiplied(byVector: residual).allSatisfy { abs($0) < 1e-10 })
    }

    @Test func illConditionedHilbertSystem() throws {
        // Hilbert(8) has condition number ~1.5e10: solvable, with accuracy ~1e-6 in x.
        let h8 = hilbert(8)
        let ones = [Double](repeating: 1, count: 8)
        let x8 = try LinearSolver.solve(h8, h8.multiplied(byVector: ones)).x
        #expect(x8.allSatisfy { abs($0 - 1) < 1e-4 })
        let qr8 = try LinearSolver.leastSquares(h8, h8.multiplied(byVector: ones))
        #expect(qr8.allSatisfy { abs($0 - 1) < 1e-4 })
        // Hilbert(14) has condition ~1e18, beyond double precision: it must be reported as singular
        // (never a silently wrong answer) or, if it passes, still reproduce b.
        let h14 = hilbert(14)
        let b14 = h14.multiplied(byVector: [Double](repeating: 1, count: 14))
        do {
            let x14 = try LinearSolver.solve(h14, b14).x
            #expect(maxResidual(h14, x14, b14) < 1e-8)
        } catch let error as ModelError {
            guard case .singularMatrix(let reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(reason.contains("rank"))
        }
    }

    /// A design matrix whose last column is 0.3 * column 0 + 0.7 * column 1 (computed in floating
    /// point, so only dependent up to rounding) and random targets.
    private func collinearDesign(seed: UInt64) -> (x: Matrix, y: [Double]) {
        var generator = SeededGenerator(seed: seed)
        let n = 50 + Int(seed % 100), p = 2 + Int(seed % 6)
        var x = Matrix(rows: n, columns: p + 1)
        for i in 0..<n {
            for j in 0..<p { x[i, j] = generator.nextGaussian() * 10 + 3 }
            x[i, p] = 0.3 * x[i, 0] + 0.7 * x[i, 1]
        }
        return (x, (0..<n).map { _ in generator.nextGaussian() })
    }

    @Test func roundedCollinearColumnsAreAlwaysReportedAsSingular() {
        // Rounding leaves pivots around 1e-15 instead of 0; none may be mistaken for a real solution.
        for seed in UInt64(0)..<100 {
            let (x, y) = collinearDesign(seed: seed)
            let rankMessage = "columns are linearly dependent (rank \(x.columns - 1) of \(x.columns))"
            #expect(throws: ModelError.singularMatrix(rankMessage)) {
                try LinearSolver.solve(x.gram(), x.transposeMultiplied(byVector: y))
            }
            #expect(throws: ModelError.singularMatrix(rankMessage)) { try LinearSolver.solveNormalEquation(x, y) }
            #expect(throws: ModelError.singularMatrix(rankMessage)) { try LinearSolver.leastSquares(x, y) }
            #expect(throws: ModelError.singularMatrix(rankMessage)) { try LinearSolver.cholesky(x.gram()) }
        }
    }

    @Test func normalEquationMatchesLeastSquaresOnWellConditionedData() throws {
        let x = randomMatrix(300, 6, seed: 31).prependingOnesColumn()
        var generator = SeededGenerator(seed: 32)
        let y = (0..<300).map { _ in generator.nextGaussian() }
        let normal = try LinearSolver.solveNormalEquation(x, y)
        #expect(normal.method == .cholesky)
        let direct = try LinearSolver.leastSquares(x, y)
        #expect(zip(normal.x, direct).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func badlyConditionedPolynomialFallsBackToQR() throws {
        // Raw powers 1, t, t^2, t^3 of t in 100...120: nearly collinear columns (condition number
        // ~1e11, so ~1e22 for the Gram matrix): hopeless for Cholesky, but QR on X still solves it.
        let t = (0..<100).map { 100 + 20 * Double($0) / 99 }
        let x = Matrix(t.map { [1, $0, $0 * $0, $0 * $0 * $0] })
        let truth = [40.0, -0.3, 1e-3, -1e-6]
        let y = x.multiplied(byVector: truth)
        let solution = try LinearSolver.solveNormalEquation(x, y)
        #expect(solution.method == .householderQR)
        #expect(maxResidual(x, solution.x, y) < 1e-9)
        for (found, expected) in zip(solution.x, truth) { #expect(abs(found - expected) <= 1e-3 * abs(expected)) }
    }

    @Test func ridgeMakesCollinearColumnsSolvableAndLeavesTheInterceptUnpenalized() throws {
        let (raw, y) = collinearDesign(seed: 3)
        let x = raw.prependingOnesColumn()
        let lambda = 2.5
        let ridge = try LinearSolver.solveNormalEquation(x, y, ridge: lambda, unpenalizedColumns: [0])
        // Optimality: X^T (X w - y) + lambda * w (penalised part) = 0.
        let residual = zip(x.multiplied(byVector: ridge.x), y).map { $0 - $1 }
        var gradient = x.transposeMultiplied(byVector: residual)
        for j in 1..<x.columns { gradient[j] += lambda * ridge.x[j] }
        #expect(gradient.allSatisfy { abs($0) < 1e-8 })
        // The QR path (the augmented least-squares problem) agrees with Cholesky.
        var augmented = Matrix(rows: x.rows + x.columns - 1, columns: x.columns)
        augmented.storage.replaceSubrange(0..<x.storage.count, with: x.storage)
        for j in 1..<x.columns { augmented[x.rows + j - 1, j] = lambda.squareRoot() }
        let viaQR = try LinearSolver.leastSquares(augmented, y + [Double](repeating: 0, count: x.columns - 1))
        #expect(zip(ridge.x, viaQR).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(throws: ModelError.invalidHyperparameter(name: "ridge", value: "-1.0", reason: "must be a finite number >= 0")) {
            try LinearSolver.solveNormalEquation(x, y, ridge: -1)
        }
    }

    @Test func rankDoesNotDependOnColumnUnits() throws {
        // Rescaling a column by 1e9 (e.g. another unit) rescales its weight and changes nothing else.
        let x = randomMatrix(80, 4, seed: 41)
        var generator = SeededGenerator(seed: 42)
        let y = (0..<80).map { _ in generator.nextGaussian() }
        var rescaled = x
        for i in 0..<80 { rescaled[i, 2] *= 1e9 }
        let original = try LinearSolver.leastSquares(x, y)
        let scaled = try LinearSolver.leastSquares(rescaled, y)
        #expect(abs(scaled[2] * 1e9 - original[2]) < 1e-10)
        #expect(abs(scaled[0] - original[0]) < 1e-12)
        // Raw powers up to t^6 of t in 46...230 span 12 orders of magnitude but are independent.
        let t = (0..<100).map { 46 + 184 * Double($0) / 99 }
        let powers = try PolynomialFeatures.powers(of: t, degree: 6).prependingOnesColumn()
        let target = t.map { 1 + 0.01 * $0 }
        let fit = try LinearSolver.leastSquares(powers, target)
        #expect(maxResidual(powers, fit, target) < 1e-8)
    }

    @Test func qrReportsRankAndDiagonal() {
        let qr = HouseholderQR(Matrix([[1, 2], [2, 4], [3, 6]]))
        #expect(qr.rank == 1)
        #expect(qr.permutation == [1, 0])
        #expect(abs(qr.diagonalMagnitudes[0] - (56.0).squareRoot()) < 1e-12)
    }
}
