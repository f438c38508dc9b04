#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Models

/// k-NN and decision-tree benchmarks (issue 5), with the targets measured from scikit-learn on this
/// machine: k-NN (k = 5) predicting a 300 x 300 grid from 1,000 training points in 2-D under 80 ms,
/// and a tree of unlimited depth on 100,000 x 20 under 3 s.
///
/// Besides the wall-clock median, each line shows the process CPU time per run: on a shared
/// machine the wall clock includes waiting for a core, the CPU time does not.
func runNeighborsTreeBenchmarks() {
    // Three Gaussian blobs in 2-D, 1,000 points, seeded.
    var generator = SeededGenerator(seed: 2024)
    let centres: [(Double, Double)] = [(-2, 0), (2, 1), (0, 3)]
    var trainStorage: [Double] = [], trainLabels: [Int] = []
    for i in 0..<1000 {
        let (cx, cy) = centres[i % 3]
        trainStorage += [cx + generator.nextGaussian(), cy + generator.nextGaussian()]
        trainLabels.append(i % 3)
    }
    let train = Matrix(rows: 1000, columns: 2, storage: trainStorage)
    // The 300 x 300 grid a decision-region chart evaluates.
    let side = 300
    var gridStorage = [Double](repeating: 0, count: side * side * 2)
    for r in 0..<side {
        for c in 0..<side {
            gridStorage[(r * side + c) * 2] = -6 + 10 * Double(c) / Double(side - 1)
            gridStorage[(r * side + c) * 2 + 1] = -4 + 10 * Double(r) / Double(side - 1)
        }
    }
    let grid = Matrix(rows: side * side, columns: 2, storage: gridStorage)
    let queries = Double(side * side)
    for algorithm in [NeighborSearchAlgorithm.auto, .bruteForce] {
        let model = try! KNeighborsClassifier(k: 5, algorithm: algorithm).fit(train, trainLabels)
        var predicted: [Int] = []
        let runs = algorithm == .auto ? 15 : 5
        let (seconds, cpu) = timedWithCPU(runs: runs) { predicted = try! model.predict(grid) }
        precondition(predicted.count == side * side)
        report("k-NN k=5 predict 300x300 grid, 1000 train, \(model.algorithm.rawValue)", seconds: seconds,
               extra: "cpu \(milliseconds(cpu)) ms, \(Int(queries / seconds / 1000)) k queries/s (target < 80 ms)")
    }
    let fitSeconds = medianSeconds { _ = try! KNeighborsClassifier(k: 5, algorithm: .kdTree).fit(train, trainLabels) }
    report("k-NN fit (k-d tree build), 1000 x 2", seconds: fitSeconds)

    // 100,000 x 20 Gaussian features; the label is a noisy linear rule, so an unlimited tree grows
    // deep to memorise the noise.
    let rows = 100_000, columns = 20
    var x = Matrix(rows: rows, columns: columns)
    var labels = [Int](repeating: 0, count: rows)
    for i in 0..<rows {
        var score = 0.0
        for j in 0..<columns {
            let v = generator.nextGaussian()
            x[i, j] = v
            if j < 5 { score += v }
        }
        labels[i] = score + 1.5 * generator.nextGaussian() > 0 ? 1 : 0
    }
    var tree: FittedDecisionTreeClassifier?
    let (treeSeconds, treeCPU) = timedWithCPU(runs: 3) { tree = try! DecisionTreeClassifier().fit(x, labels) }
    let shape = tree.map { "\($0.tree.nodes.count) nodes, depth \($0.tree.depth)" } ?? ""
    report("tree (gini, unlimited depth) fit 100000 x 20", seconds: treeSeconds,
           extra: "cpu \(milliseconds(treeCPU)) ms, \(shape) (target < 3 s)")
    let (entropySeconds, entropyCPU) = timedWithCPU(runs: 3) {
        _ = try! DecisionTreeClassifier(criterion: .entropy).fit(x, labels)
    }
    report("tree (entropy, unlimited depth) fit 100000 x 20", seconds: entropySeconds, extra: "cpu \(milliseconds(entropyCPU)) ms")
    let targets = (0..<rows).map { Double(labels[$0]) + x[$0, 0] }
    let (regressionSeconds, regressionCPU) = timedWithCPU(runs: 3) { _ = try! DecisionTreeRegressor().fit(x, targets) }
    report("regression tree (unlimited depth) fit 100000 x 20", seconds: regressionSeconds,
           extra: "cpu \(milliseconds(regressionCPU)) ms")
}

/// Seconds of CPU time used by the whole process (all threads) so far.
private func processCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// The wall-clock median of `runs` runs (after one warm-up), and the mean CPU time per run.
private func timedWithCPU(runs: Int, _ body: () -> Void) -> (median: Double, cpuPerRun: Double) {
    let cpuBefore = processCPUSeconds()
    let median = medianSeconds(runs: runs, body)
    return (median, (processCPUSeconds() - cpuBefore) / Double(runs + 1))
}

private func milliseconds(_ seconds: Double) -> String { String(Int((seconds * 1000).rounded())) }
