import Models

/// SVM and neural-network benchmarks (issue 5), with the targets measured for scikit-learn on
/// this machine: RBF SVM fit on 2,000 points in 2-D < 30 ms, its 300 x 300 grid < 0.6 s, and an
/// MLP (64, 64) for 200 epochs on digits < 0.9 s.
func runSVMNetworkBenchmarks() {
    do {
        var generator = SeededGenerator(seed: 0)
        let moons = try SyntheticData.twoMoons(count: 2000, noise: 0.25, using: &generator)
        let svm = SupportVectorClassifier(c: 1, kernel: .rbf(gamma: .scale))
        var fitted = try svm.fit(moons.x, moons.y)
        let fit = try medianSeconds { fitted = try svm.fit(moons.x, moons.y) }
        let machine = fitted.binaryMachine!
        report(
            "svm: RBF fit, 2,000 moons (C = 1, gamma = scale)", seconds: fit,
            extra: "\(machine.supportIndices.count) SVs, \(machine.iterations) SMO iterations, target < 30 ms")

        let side = 300
        var grid = Matrix(rows: side * side, columns: 2)
        for i in 0..<side {
            for j in 0..<side {
                grid[i * side + j, 0] = -1.5 + 4 * Double(j) / Double(side - 1)
                grid[i * side + j, 1] = -1.25 + 2.75 * Double(i) / Double(side - 1)
            }
        }
        var labels: [Int] = []
        let predict = try medianSeconds(runs: 5) { labels = try fitted.predict(grid) }
        report(
            "svm: predict 300 x 300 grid", seconds: predict,
            extra: "\(Int(Double(side * side) / predict)) points/s, target < 600 ms (\(labels.count) labels)")

        let digits = try BundledDataset.digits.load()
        let pixelNames = digits.numericColumnNames.filter { $0 != "digit" }
        var pixels = try digits.matrix(columns: pixelNames)
        for index in pixels.storage.indices { pixels.storage[index] /= 16 }
        let codes = try classCodes(from: digits.numeric("digit"))
        let mlp = NeuralNetworkClassifier(hiddenLayers: [64, 64], epochs: 200, batchSize: 200, seed: 0)
        var network = try mlp.fit(pixels, codes)
        let train = try medianSeconds(runs: 5) { network = try mlp.fit(pixels, codes) }
        let accuracy = try network.score(pixels, codes)
        report(
            "mlp: (64, 64) on digits, 200 epochs, batch 200, Adam", seconds: train,
            extra: "training accuracy \(accuracy), target < 900 ms")
    } catch {
        print("svm-mlp: benchmark failed: \(error)")
    }
}
