/// Combines the pairwise probabilities of a one-vs-one classifier into one distribution over the
/// classes: method 2 of Wu, Lin and Weng (2004), "Probability estimates for multi-class
/// classification by pairwise coupling" (JMLR 5).
///
/// With `r[i][j]` the estimated `P(class i | class i or j)`, it finds the `p` (summing to 1) that
/// minimises `sum_i sum_{j != i} (r[j][i] p_i - r[i][j] p_j)^2`, a quadratic whose minimiser solves
/// the small linear system `[Q 1; 1' 0] [p; b] = [0; 1]`, with `Q_ii = sum_{j != i} r[j][i]^2` and
/// `Q_ij = -r[j][i] r[i][j]`.
enum PairwiseCoupling {
    /// Pairwise estimates are kept inside `[floor, 1 - floor]` so no class is ruled out entirely.
    static let floor = 1e-7

    /// The coupled distribution over `r.count` classes.
    static func couple(_ r: [[Double]]) -> [Double] {
        let k = r.count
        if k == 2 { return [r[0][1], r[1][0]] }
        let size = k + 1
        var system = [Double](repeating: 0, count: size * (size + 1))  // augmented matrix
        func at(_ i: Int, _ j: Int) -> Int { i * (size + 1) + j }
        for i in 0..<k {
            for j in 0..<k where j != i {
                let rji = min(max(r[j][i], floor), 1 - floor), rij = min(max(r[i][j], floor), 1 - floor)
                system[at(i, i)] += rji * rji
                system[at(i, j)] = -rji * rij
            }
            system[at(i, k)] = 1
            system[at(k, i)] = 1
        }
        system[at(k, size)] = 1
        // Gaussian elimination with partial pivoting (the system is tiny and non-singular).
        for column in 0..<size {
            var pivot = column
            for row in (column + 1)..<size where abs(system[at(row, column)]) > abs(system[at(pivot, column)]) {
                pivot = row
            }
            if pivot != column {
                for j in 0...size { system.swapAt(at(column, j), at(pivot, j)) }
            }
            let diagonal = system[at(column, column)]
            guard diagonal != 0 else { continue }
            for row in 0..<size where row != column {
                let factor = system[at(row, column)] / diagonal
                if factor == 0 { continue }
                for j in column...size { system[at(row, j)] -= factor * system[at(column, j)] }
            }
        }
        var p = (0..<k).map { i in max(0, system[at(i, size)] / system[at(i, i)]) }
        let total = p.reduce(0, +)
        if total > 0 { for i in 0..<k { p[i] /= total } } else { p = Array(repeating: 1 / Double(k), count: k) }
        return p
    }
}
