/// The softmax cross-entropy and its gradient over a whole data set in one fused pass per chunk of
/// rows (concurrently for large data), combined in chunk order for reproducible sums.
///
/// Parameters and gradient use one flat layout: the `k x n` weights row by row, then `k` intercepts.
/// Scratch space is allocated once, so evaluating allocates nothing.
struct SoftmaxObjective {
    let X: Matrix
    let labels: [Int]
    let classCount: Int
    let chunks: RowChunks
    /// Per chunk: `k * n + k` gradient sums, then the loss sum.
    private var partials: [Double]
    /// Per chunk: `2k` scratch values (scores and residuals of the current row).
    private var scratch: [Double]

    init(_ X: Matrix, _ labels: [Int], classCount: Int) {
        self.X = X
        self.labels = labels
        self.classCount = classCount
        chunks = RowChunks(rows: X.rows, columns: X.columns * classCount)
        partials = Array(repeating: 0, count: chunks.count * (classCount * X.columns + classCount + 1))
        scratch = Array(repeating: 0, count: chunks.count * 2 * classCount)
    }

    /// Writes the gradient of the mean cross-entropy into `gradient` and returns the mean loss.
    mutating func evaluate(parameters: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>) -> Double {
        let n = X.columns
        let k = classCount
        let width = k * n + k + 1
        let chunks = self.chunks
        nonisolated(unsafe) let p = parameters.baseAddress!
        X.storage.withUnsafeBufferPointer { xBuffer in
            labels.withUnsafeBufferPointer { labelBuffer in
                partials.withUnsafeMutableBufferPointer { partialBuffer in
                    scratch.withUnsafeMutableBufferPointer { scratchBuffer in
                        nonisolated(unsafe) let x = xBuffer.baseAddress!, y = labelBuffer.baseAddress!
                        nonisolated(unsafe) let out = partialBuffer.baseAddress!, tmp = scratchBuffer.baseAddress!
                        chunks.forEach { chunk in
                            let sums = out + chunk * width
                            sums.update(repeating: 0, count: width)
                            let scores = tmp + chunk * 2 * k
                            let residuals = scores + k
                            var loss = 0.0
                            for i in chunks.range(chunk) {
                                let row = x + i * n
                                for c in 0..<k {
                                    let w = p + c * n
                                    var z = p[k * n + c]
                                    for j in 0..<n { z += w[j] * row[j] }
                                    scores[c] = z
                                }
                                loss += softmaxCrossEntropy(scores: scores, classCount: k, label: y[i], residuals: residuals)
                                for c in 0..<k {
                                    let r = residuals[c]
                                    let g = sums + c * n
                                    for j in 0..<n { g[j] += r * row[j] }
                                    sums[k * n + c] += r
                                }
                            }
                            sums[width - 1] = loss
                        }
                    }
                }
            }
        }
        let m = Double(X.rows)
        var loss = 0.0
        for index in 0..<(width - 1) { gradient[index] = 0 }
        for chunk in 0..<chunks.count {
            let base = chunk * width
            for index in 0..<(width - 1) { gradient[index] += partials[base + index] }
            loss += partials[base + width - 1]
        }
        for index in 0..<(width - 1) { gradient[index] /= m }
        return loss / m
    }
}
