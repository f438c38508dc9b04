import Models

/// Model benchmarks: batch gradient descent throughput (GB/s of X read) and the normal equation.
///
/// Each gradient-descent run makes `iterations` fused passes over X plus one final pass to record
/// the cost of the final parameters, so it reads X `iterations + 1` times; GB/s counts exactly
/// that. Learning rates are small enough that no run diverges (which would end it early).
func runModelBenchmarks() {
    let iterations = 100
    print("models: medians; GB/s = bytes of X read (\(iterations + 1) fused passes: \(iterations) steps + final cost) / time")
    for rows in [1_000_000, 100_000] {
        let columns = 20
        let (X, y, labels) = benchmarkData(rows: rows, columns: columns)
        let bytesRead = Double(rows * columns * MemoryLayout<Double>.size * (iterations + 1))
        let runs = rows >= 1_000_000 ? 5 : 9

        var linearSteps = 0
        let linear = medianSeconds(runs: runs) {
            let model = try! LinearRegression(learningRate: 0.05, iterations: iterations).fit(X, y)
            linearSteps = model.history.stepsRun
        }
        precondition(linearSteps == iterations, "linear benchmark stopped early")
        report("linear GD, \(iterations) iterations, \(rows) x \(columns)", seconds: linear,
               extra: "\(seconds(linear)) s  \(gigabytes(bytesRead / linear)) GB/s")

        var logisticSteps = 0
        let logistic = medianSeconds(runs: runs) {
            let model = try! LogisticRegression(learningRate: 0.1, iterations: iterations).fit(X, labels)
            logisticSteps = model.history.stepsRun
        }
        precondition(logisticSteps == iterations, "logistic benchmark stopped early")
        report("logistic GD, \(iterations) iterations, \(rows) x \(columns)", seconds: logistic,
               extra: "\(seconds(logistic)) s  \(gigabytes(bytesRead / logistic)) GB/s")
    }
    let (X, y, _) = benchmarkData(rows: 100_000, columns: 20)
    let normal = medianSeconds {
        _ = try! NormalEquationRegression().fit(X, y)
    }
    report("normal equation, 100000 x 20", seconds: normal,
           extra: "\(seconds(normal)) s  (centre, X^T X, Cholesky)")
}

/// Seeded features in [-1, 1), a noisy linear target and a 0/1 label from a noisy linear score.
private func benchmarkData(rows: Int, columns: Int) -> (Matrix, [Double], [Int]) {
    var generator = SeededGenerator(seed: 2024)
    var storage = [Double](repeating: 0, count: rows * columns)
    for index in storage.indices { storage[index] = 2 * generator.nextUnit() - 1 }
    let trueWeights = (0..<columns).map { Double($0 % 5) - 2 }
    var y = [Double](repeating: 0, count: rows)
    var labels = [Int](repeating: 0, count: rows)
    for i in 0..<rows {
        var score = 0.5
        for j in 0..<columns { score += trueWeights[j] * storage[i * columns + j] }
        y[i] = score + 0.1 * generator.nextGaussian()
        labels[i] = score + generator.nextGaussian() > 0 ? 1 : 0
    }
    return (Matrix(rows: rows, columns: columns, storage: storage), y, labels)
}

private func seconds(_ value: Double) -> String {
    String(Double((value * 1000).rounded()) / 1000)
}

private func gigabytes(_ bytesPerSecond: Double) -> String {
    String(Double((bytesPerSecond / 1e8).rounded()) / 10)
}
