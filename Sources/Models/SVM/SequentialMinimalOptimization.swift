/// The result of solving the SVM dual problem.
struct DualSolution {
    /// One multiplier per training point, each in `[0, C]`.
    var alpha: [Double]
    /// The intercept `b` of `f(x) = sum_t alpha_t y_t k(x_t, x) + b`.
    var intercept: Double
    /// The dual objective `1/2 a'Qa - sum(a)` at the solution (lower is better).
    var objective: Double
    var iterations: Int
    /// True when the maximal KKT violation fell below the tolerance before `maxIterations`.
    var converged: Bool
    /// `f(x_t)` for every training point, read off the final gradient at no cost:
    /// `sum_s a_s y_s K_ts = y_t (G_t + 1)`.
    var trainingDecisionValues: [Double]
}

/// Sequential minimal optimisation for the soft-margin SVM dual
///
///     minimise  f(a) = 1/2 a'Qa - sum_t a_t,   Q_ts = y_t y_s k(x_t, x_s)
///     subject to 0 <= a_t <= C and sum_t y_t a_t = 0,
///
/// moving two multipliers at a time. The pair is chosen with the second-order rule of
/// Fan, Chen and Lin (2005), "Working set selection using second order information for training
/// support vector machines" (JMLR 6), the rule LIBSVM uses:
///
/// - `i` is the index that violates the optimality conditions most: the largest `-y_t G_t` among
///   the multipliers that may still move "up" (`G = Qa - 1` is the gradient);
/// - `j` is, among those that may move "down" with a smaller `-y_t G_t`, the one whose pair with
///   `i` promises the largest decrease of `f` along the feasible direction, `b_ij^2 / a_ij`, where
///   `b_ij = -y_i G_i + y_j G_j` and `a_ij = K_ii + K_jj - 2 K_ij` (curvature along the direction).
///
/// The step along the direction `a_i += y_i d`, `a_j -= y_j d` (which keeps `y'a` fixed) is the
/// unconstrained minimiser `d = b_ij / a_ij`, clipped to the box. Training stops when the gap between
/// the largest "up" and the smallest "down" value of `-y_t G_t` is below the tolerance.
struct SequentialMinimalOptimization {
    var c: Double
    var tolerance: Double
    var maxIterations: Int

    /// Curvature used when `a_ij <= 0` (a non positive-definite kernel or duplicate points).
    private static let tau = 1e-12

    /// Solves the dual for labels `y` in {-1, +1}, reading kernel rows from `cache`.
    func solve(cache: KernelRowCache, labels: [Double]) -> DualSolution {
        let n = labels.count
        let c = self.c
        let a = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let g = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let y = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let kdiag = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { a.deallocate(); g.deallocate(); y.deallocate(); kdiag.deallocate() }
        a.initialize(repeating: 0, count: n)
        g.initialize(repeating: -1, count: n)  // G = Qa - 1 at a = 0
        for t in 0..<n { y[t] = labels[t]; kdiag[t] = cache.diagonal[t] }

        // Largest "up" value of -y_t G_t (its index is i) and smallest "down" value.
        var i = -1, upMax = -Double.infinity, lowMin = Double.infinity
        for t in 0..<n {
            let v = -y[t] * g[t]
            if Self.canMoveUp(y[t], a[t], c), v > upMax { upMax = v; i = t }
            if Self.canMoveDown(y[t], a[t], c), v < lowMin { lowMin = v }
        }

        var iterations = 0
        var converged = false
        while true {
            if i < 0 || upMax - lowMin < tolerance { converged = true; break }
            if iterations >= maxIterations { break }
            iterations += 1

            // Second-order choice of j against row i of the kernel.
            let ki = cache.row(i)
            let kii = kdiag[i]
            var j = -1, best = Double.infinity
            for t in 0..<n where Self.canMoveDown(y[t], a[t], c) {
                let b = upMax + y[t] * g[t]
                if b > 0 {
                    var curvature = kii + kdiag[t] - 2 * ki[t]
                    if curvature <= 0 { curvature = Self.tau }
                    let gain = -(b * b) / curvature
                    if gain < best { best = gain; j = t }
                }
            }
            if j < 0 { converged = true; break }
            let kj = cache.row(j)

            // Step along a_i += y_i d, a_j -= y_j d, clipped to the box; a multiplier that reaches
            // its bound is set to it exactly so the bound tests above stay exact.
            var curvature = kii + kdiag[j] - 2 * ki[j]
            if curvature <= 0 { curvature = Self.tau }
            let wanted = (upMax + y[j] * g[j]) / curvature
            let roomI = y[i] > 0 ? c - a[i] : a[i]
            let roomJ = y[j] > 0 ? a[j] : c - a[j]
            let step = min(wanted, roomI, roomJ)
            let oldI = a[i], oldJ = a[j]
            a[i] = Self.snapped(step == roomI ? (y[i] > 0 ? c : 0) : oldI + y[i] * step, c)
            a[j] = Self.snapped(step == roomJ ? (y[j] > 0 ? 0 : c) : oldJ - y[j] * step, c)
            // dG_t = Q_ti da_i + Q_tj da_j = y_t (y_i da_i K_ti + y_j da_j K_tj)
            let wi = y[i] * (a[i] - oldI), wj = y[j] * (a[j] - oldJ)

            // Update the gradient and find the next i and the stopping gap in the same pass.
            i = -1; upMax = -Double.infinity; lowMin = Double.infinity
            for t in 0..<n {
                let yt = y[t]
                let gt = g[t] + yt * (wi * ki[t] + wj * kj[t])
                g[t] = gt
                let v = -yt * gt
                let at = a[t]
                if Self.canMoveUp(yt, at, c), v > upMax { upMax = v; i = t }
                if Self.canMoveDown(yt, at, c), v < lowMin { lowMin = v }
            }
        }

        // Intercept: every free multiplier (0 < a_t < C) pins it exactly at b = -y_t G_t; average
        // them. Without free ones, the KKT conditions only bound b, so take the middle of the range.
        var freeSum = 0.0, freeCount = 0
        var lower = -Double.infinity, upper = Double.infinity
        var objective = 0.0
        for t in 0..<n {
            let v = -y[t] * g[t]
            objective += 0.5 * a[t] * (g[t] - 1)
            if a[t] > 0 && a[t] < c {
                freeSum += v; freeCount += 1
            } else if (y[t] > 0) == (a[t] == 0) {
                lower = max(lower, v)   // y = +1 at 0, or y = -1 at C: b >= -y_t G_t
            } else {
                upper = min(upper, v)   // y = +1 at C, or y = -1 at 0: b <= -y_t G_t
            }
        }
        let intercept: Double
        if freeCount > 0 {
            intercept = freeSum / Double(freeCount)
        } else if lower.isFinite && upper.isFinite {
            intercept = (lower + upper) / 2
        } else {
            intercept = lower.isFinite ? lower : (upper.isFinite ? upper : 0)
        }
        let decisionValues = (0..<n).map { t in y[t] * (g[t] + 1) + intercept }
        return DualSolution(
            alpha: Array(UnsafeBufferPointer(start: a, count: n)), intercept: intercept,
            objective: objective, iterations: iterations, converged: converged,
            trainingDecisionValues: decisionValues)
    }

    /// A multiplier within rounding error (1e-12 C) of a bound is put on it: a residue such as
    /// 1e-16 would otherwise count as a "free" support vector and pin the intercept.
    @inline(__always)
    static func snapped(_ a: Double, _ c: Double) -> Double {
        let slack = 1e-12 * c
        if a <= slack { return 0 }
        if a >= c - slack { return c }
        return a
    }

    @inline(__always)
    static func canMoveUp(_ y: Double, _ a: Double, _ c: Double) -> Bool {
        y > 0 ? a < c : a > 0
    }

    @inline(__always)
    static func canMoveDown(_ y: Double, _ a: Double, _ c: Double) -> Bool {
        y > 0 ? a > 0 : a < c
    }
}
