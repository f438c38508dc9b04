import Dispatch
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// Grows a CART tree: at each node, try every threshold of every (or a random subset of) feature,
/// keep the split that lowers the weighted impurity the most, and recurse until the limits stop it.
///
/// Speed comes from sorting each feature once, up front: every node owns the same contiguous range
/// in each feature's sorted list, and a split stably partitions those ranges into the children's,
/// so no node ever sorts again. Finding a split is one O(samples) scan per feature; a level of the
/// tree costs O(n d) in all. Large nodes scan and partition their features on all cores (each
/// feature's work is independent and the best split is then chosen in feature order, so the tree
/// does not depend on scheduling). Entropy uses a table of c log2 c for the integer counts.
///
/// Choices, stated so results are reproducible:
/// - thresholds lie midway between consecutive *distinct* sorted values (a/2 + b/2, as
///   scikit-learn; if that rounds to b, a itself), and samples go left when `value <= threshold`;
/// - among equally good splits the earlier feature (in evaluation order) and then the lower
///   threshold win;
/// - a node becomes a leaf when it is pure (impurity <= machine epsilon), at `maxDepth`, has fewer
///   than `minSamplesSplit` samples, or has no split leaving `minSamplesLeaf` on each side.
enum TreeBuilder {
    /// What the tree predicts.
    enum Target {
        /// Class codes in 0..<classCount.
        case classification(codes: [Int], classCount: Int, criterion: SplitCriterion)
        /// Real-valued targets, split by squared error.
        case regression([Double])
    }

    /// One node while the tree grows (children are filled in when they are created).
    private struct Record {
        var depth: Int
        var feature = -1
        var threshold = 0.0
        var left = -1
        var right = -1
        var impurity: Double
        var samples: Int
        var value: [Double]
        var decrease = 0.0
    }

    private struct Pending {
        let start: Int
        let end: Int
        let depth: Int
        let parent: Int
        let isLeft: Bool
    }

    /// Grows the tree on `x` (finite, validated by the caller) with the given target and limits.
    /// `parallelThreshold` is the node size from which features are scanned and partitioned on all
    /// cores (tests vary it to check that the parallel and serial paths grow the same tree).
    static func grow(
        _ x: Matrix, target: Target, hyperparameters: DecisionTreeHyperparameters,
        parallelThreshold: Int = TreeBuilder.parallelThreshold
    ) -> DecisionTree {
        let n = x.rows, d = x.columns
        let minLeaf = hyperparameters.minSamplesLeaf
        let maxDepth = hyperparameters.maxDepth ?? Int.max

        // Presort: index[f * n + p] is the p-th sample in feature f's order, value[...] its value.
        let index = UnsafeMutablePointer<Int>.allocate(capacity: n * d)
        let value = UnsafeMutablePointer<Double>.allocate(capacity: n * d)
        let scratchIndex = UnsafeMutablePointer<Int>.allocate(capacity: n)
        let scratchValue = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let goesLeft = UnsafeMutablePointer<Bool>.allocate(capacity: n)
        defer {
            index.deallocate(); value.deallocate(); scratchIndex.deallocate()
            scratchValue.deallocate(); goesLeft.deallocate()
        }
        x.storage.withUnsafeBufferPointer { storage in
            let lists = PresortedLists(index: index, value: value, x: storage.baseAddress!, rows: n, columns: d)
            DispatchQueue.concurrentPerform(iterations: d) { f in lists.sortColumn(f) }
        }

        // Target views.
        var codes: [Int] = [], targets: [Double] = []
        var classCount = 0, criterion = SplitCriterion.gini, isClassification = true
        switch target {
        case .classification(let c, let k, let crit):
            codes = c; classCount = k; criterion = crit
        case .regression(let y):
            targets = y; isClassification = false
        }
        var nodeCounts = [Double](repeating: 0, count: classCount)
        var leftCounts = [Double](repeating: 0, count: classCount)
        let codeBuffer = UnsafeMutablePointer<Int>.allocate(capacity: max(1, codes.count))
        let targetBuffer = UnsafeMutablePointer<Double>.allocate(capacity: max(1, targets.count))
        // c log2 c for every count a node can hold (entropy only).
        let tableSize = criterion == .entropy && isClassification ? n + 1 : 1
        let xLog2x = UnsafeMutablePointer<Double>.allocate(capacity: tableSize)
        let nodeCountBuffer = UnsafeMutablePointer<Double>.allocate(capacity: max(1, classCount))
        let candidateProxy = UnsafeMutablePointer<Double>.allocate(capacity: d)
        let candidatePosition = UnsafeMutablePointer<Int>.allocate(capacity: d)
        defer {
            codeBuffer.deallocate(); targetBuffer.deallocate(); xLog2x.deallocate()
            nodeCountBuffer.deallocate(); candidateProxy.deallocate(); candidatePosition.deallocate()
        }
        codeBuffer.initialize(from: codes, count: codes.count)
        targetBuffer.initialize(from: targets, count: targets.count)
        xLog2x[0] = 0
        if tableSize > 1 { for c in 1..<tableSize { xLog2x[c] = Double(c) * log2(Double(c)) } }
        let context = ScanContext(
            n: n, index: index, value: value, codes: codeBuffer, targets: targetBuffer, classCount: classCount,
            criterion: criterion, isClassification: isClassification, minLeaf: minLeaf, xLog2x: xLog2x,
            goesLeft: goesLeft)

        var generator = SeededGenerator(seed: hyperparameters.seed)
        var featureOrder = Array(0..<d)
        let featureBudget = hyperparameters.maxFeatures ?? d
        var candidates: [Int] = []
        candidates.reserveCapacity(d)

        var records: [Record] = []
        var stack = [Pending(start: 0, end: n, depth: 0, parent: -1, isLeft: false)]

        /// Impurity and value of the samples at positions start..<end of feature `f`'s list.
        func statistics(feature f: Int, start: Int, end: Int, counts: inout [Double]) -> (impurity: Double, value: [Double]) {
            let samples = index + f * n
            if isClassification {
                for c in 0..<classCount { counts[c] = 0 }
                for p in start..<end { counts[codeBuffer[samples[p]]] += 1 }
                return (criterion.impurity(counts: counts), counts)
            }
            var sum = 0.0
            for p in start..<end { sum += targetBuffer[samples[p]] }
            let mean = sum / Double(end - start)
            var squares = 0.0
            for p in start..<end {
                let deviation = targetBuffer[samples[p]] - mean
                squares += deviation * deviation
            }
            return (squares / Double(end - start), [mean])
        }

        while let job = stack.popLast() {
            let id = records.count
            if job.parent >= 0 {
                if job.isLeft { records[job.parent].left = id } else { records[job.parent].right = id }
            }
            let (start, end) = (job.start, job.end)
            let count = end - start
            let (impurity, nodeValue) = statistics(feature: 0, start: start, end: end, counts: &nodeCounts)
            var record = Record(depth: job.depth, impurity: impurity, samples: count, value: nodeValue)

            let maysplit = job.depth < maxDepth && count >= hyperparameters.minSamplesSplit
                && count >= 2 * minLeaf && impurity > Double.ulpOfOne
            var bestProxy = -Double.infinity, bestFeature = -1, bestPosition = -1
            if maysplit {
                // Node-level sums the scans start from.
                var nodeSumOfSquares = 0.0, nodeSum = 0.0
                if isClassification {
                    for c in 0..<classCount {
                        nodeCountBuffer[c] = nodeCounts[c]
                        nodeSumOfSquares += nodeCounts[c] * nodeCounts[c]
                    }
                } else {
                    for p in start..<end { nodeSum += targetBuffer[index[p]] }
                }
                // The features to scan, in evaluation order: all of them, or (with maxFeatures)
                // a seeded random order until `featureBudget` non-constant ones are found.
                candidates.removeAll(keepingCapacity: true)
                var slot = 0
                while slot < d && candidates.count < featureBudget {
                    if featureBudget < d {
                        let pick = slot + Int.random(in: 0..<(d - slot), using: &generator)
                        featureOrder.swapAt(slot, pick)
                    }
                    let f = featureOrder[slot]
                    slot += 1
                    let values = value + f * n
                    if values[start] == values[end - 1] { continue } // constant here: not counted
                    candidates.append(f)
                }
                let node = NodeRange(
                    start: start, end: end, nodeCounts: nodeCountBuffer, nodeSumOfSquares: nodeSumOfSquares,
                    nodeSum: nodeSum)
                if count >= parallelThreshold && candidates.count > 1 {
                    let results = CandidateResults(proxy: candidateProxy, position: candidatePosition)
                    candidates.withUnsafeBufferPointer { features in
                        let list = FeatureList(features: features.baseAddress!)
                        DispatchQueue.concurrentPerform(iterations: features.count) { slot in
                            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: max(1, context.classCount))
                            defer { scratch.deallocate() }
                            let scan = context.scan(feature: list.features[slot], node: node, leftCounts: scratch)
                            results.proxy[slot] = scan.proxy
                            results.position[slot] = scan.position
                        }
                    }
                } else {
                    leftCounts.withUnsafeMutableBufferPointer { scratch in
                        for (slot, f) in candidates.enumerated() {
                            let scan = context.scan(feature: f, node: node, leftCounts: scratch.baseAddress ?? nodeCountBuffer)
                            candidateProxy[slot] = scan.proxy
                            candidatePosition[slot] = scan.position
                        }
                    }
                }
                // Best in evaluation order; a later feature must be strictly better.
                for (slot, f) in candidates.enumerated() where candidatePosition[slot] >= 0 && candidateProxy[slot] > bestProxy {
                    bestProxy = candidateProxy[slot]; bestFeature = f; bestPosition = candidatePosition[slot]
                }
            }
            guard bestFeature >= 0 else {
                records.append(record)
                continue
            }

            // The split: threshold midway, children's impurities for the information gain.
            let values = value + bestFeature * n
            let below = values[bestPosition - 1], above = values[bestPosition]
            var threshold = below / 2 + above / 2
            if threshold >= above || !threshold.isFinite { threshold = below }
            let leftImpurity = statistics(feature: bestFeature, start: start, end: bestPosition, counts: &leftCounts).impurity
            let rightImpurity = statistics(feature: bestFeature, start: bestPosition, end: end, counts: &leftCounts).impurity
            let leftShare = Double(bestPosition - start) / Double(count)
            record.feature = bestFeature
            record.threshold = threshold
            record.decrease = impurity - (leftShare * leftImpurity + (1 - leftShare) * rightImpurity)
            records.append(record)

            // Stably partition every feature's range into [left | right].
            let chosen = index + bestFeature * n
            for p in start..<bestPosition { goesLeft[chosen[p]] = true }
            for p in bestPosition..<end { goesLeft[chosen[p]] = false }
            if count >= parallelThreshold {
                let chosenFeature = bestFeature
                DispatchQueue.concurrentPerform(iterations: d) { g in
                    guard g != chosenFeature else { return }
                    let scratchIndex = UnsafeMutablePointer<Int>.allocate(capacity: count)
                    let scratchValue = UnsafeMutablePointer<Double>.allocate(capacity: count)
                    defer { scratchIndex.deallocate(); scratchValue.deallocate() }
                    context.partition(feature: g, start: start, end: end, scratchIndex: scratchIndex, scratchValue: scratchValue)
                }
            } else {
                for g in 0..<d where g != bestFeature {
                    context.partition(feature: g, start: start, end: end, scratchIndex: scratchIndex, scratchValue: scratchValue)
                }
            }
            stack.append(Pending(start: bestPosition, end: end, depth: job.depth + 1, parent: id, isLeft: false))
            stack.append(Pending(start: start, end: bestPosition, depth: job.depth + 1, parent: id, isLeft: true))
        }

        let nodes = records.enumerated().map { id, r in
            TreeNode(
                id: id, depth: r.depth, feature: r.feature >= 0 ? r.feature : nil,
                threshold: r.feature >= 0 ? r.threshold : nil, left: r.left >= 0 ? r.left : nil,
                right: r.right >= 0 ? r.right : nil, impurity: r.impurity, samples: r.samples,
                value: r.value, impurityDecrease: r.decrease)
        }
        return DecisionTree(nodes: nodes, featureCount: d)
    }

    /// By default, nodes with at least this many samples scan and partition their features in parallel.
    static let parallelThreshold = 4096
}

/// The per-feature sorted lists being filled at the start of growth (each feature its own region).
private struct PresortedLists: @unchecked Sendable {
    let index: UnsafeMutablePointer<Int>
    let value: UnsafeMutablePointer<Double>
    let x: UnsafePointer<Double>
    let rows: Int
    let columns: Int

    /// Sorts feature `f`'s values ascending, equal values by row, into its region of the lists.
    ///
    /// A stable least-significant-digit radix sort on the value's bits mapped to an unsigned key
    /// with the same order (sign bit flipped for positives, all bits for negatives; -0 counts as
    /// +0): eight byte-wide passes, each skipped when every key has the same byte. Starting from
    /// row order, stability leaves equal values in row order. O(n) per feature.
    func sortColumn(_ f: Int) {
        let n = rows
        // Raw buffers: this loop is hot and array writes would re-check uniqueness every time.
        var keys = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
        var keysSwap = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
        var order = UnsafeMutablePointer<Int>.allocate(capacity: n)
        var orderSwap = UnsafeMutablePointer<Int>.allocate(capacity: n)
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 256)
        defer {
            keys.deallocate(); keysSwap.deallocate(); order.deallocate(); orderSwap.deallocate()
            counts.deallocate()
        }
        for i in 0..<n {
            let bits = (x[i * columns + f] + 0.0).bitPattern
            keys[i] = bits >> 63 == 1 ? ~bits : bits | (1 << 63)
            order[i] = i
        }
        for shift in stride(from: UInt64(0), to: 64, by: 8) {
            counts.update(repeating: 0, count: 256)
            for i in 0..<n { counts[Int(truncatingIfNeeded: keys[i] >> shift) & 0xFF] += 1 }
            // Every key has the same byte here: the pass would change nothing.
            if counts[Int(truncatingIfNeeded: keys[0] >> shift) & 0xFF] == n { continue }
            var total = 0
            for b in 0..<256 { let c = counts[b]; counts[b] = total; total += c }
            for i in 0..<n {
                let digit = Int(truncatingIfNeeded: keys[i] >> shift) & 0xFF
                let target = counts[digit]
                counts[digit] = target + 1
                keysSwap[target] = keys[i]
                orderSwap[target] = order[i]
            }
            swap(&keys, &keysSwap)
            swap(&order, &orderSwap)
        }
        let base = f * n
        for p in 0..<n {
            index[base + p] = order[p]
            value[base + p] = x[order[p] * columns + f]
        }
    }
}

/// A node's sample range and the class counts or target sum its scans start from.
private struct NodeRange: @unchecked Sendable {
    let start: Int
    let end: Int
    let nodeCounts: UnsafePointer<Double>
    let nodeSumOfSquares: Double
    let nodeSum: Double
}

/// Where the parallel scans write their per-candidate results (one slot each).
private struct CandidateResults: @unchecked Sendable {
    let proxy: UnsafeMutablePointer<Double>
    let position: UnsafeMutablePointer<Int>
}

private struct FeatureList: @unchecked Sendable {
    let features: UnsafePointer<Int>
}

/// The presorted lists and targets of one tree being grown. Shared by the parallel scans: a scan
/// only reads, and a partition only touches its own feature's list.
private struct ScanContext: @unchecked Sendable {
    let n: Int
    let index: UnsafeMutablePointer<Int>
    let value: UnsafeMutablePointer<Double>
    let codes: UnsafePointer<Int>
    let targets: UnsafePointer<Double>
    let classCount: Int
    let criterion: SplitCriterion
    let isClassification: Bool
    let minLeaf: Int
    /// c log2 c for c = 0...n (entropy only).
    let xLog2x: UnsafePointer<Double>
    let goesLeft: UnsafeMutablePointer<Bool>

    // excerpt: tree-split-scan
    /// The best split position of one feature over a node: the first position p (the left child is
    /// start..<p) maximising a proxy that orders splits exactly as minus the weighted children
    /// impurity does. Returns position -1 if no split leaves `minLeaf` samples on both sides.
    ///
    /// Proxies (n_L, n_R child sizes; c the class counts; s the target sums):
    /// Gini: sum c_L^2 / n_L + sum c_R^2 / n_R; entropy: -(n_L H_L + n_R H_R)
    /// = sum c log2 c (both sides) - n_L log2 n_L - n_R log2 n_R; squared error: s_L^2 / n_L + s_R^2 / n_R.
    @inline(__always)
    func scan(feature f: Int, node: NodeRange, leftCounts left: UnsafeMutablePointer<Double>) -> (proxy: Double, position: Int) {
        let values = value + f * n, samples = index + f * n
        let start = node.start, end = node.end
        var bestProxy = -Double.infinity, bestPosition = -1
        let firstPosition = start + minLeaf, lastPosition = end - minLeaf
        guard firstPosition <= lastPosition else { return (bestProxy, bestPosition) }
        if isClassification {
            let total = node.nodeCounts
            for c in 0..<classCount { left[c] = 0 }
            var leftSquares = 0.0, rightSquares = node.nodeSumOfSquares
            for p in (start + 1)...lastPosition {
                let c = codes[samples[p - 1]]
                let right = total[c] - left[c]
                leftSquares += 2 * left[c] + 1
                rightSquares -= 2 * right - 1
                left[c] += 1
                if p < firstPosition || values[p] == values[p - 1] { continue }
                let nLeft = p - start, nRight = end - p
                let proxy: Double
                switch criterion {
                case .gini:
                    proxy = leftSquares / Double(nLeft) + rightSquares / Double(nRight)
                case .entropy:
                    var sum = -xLog2x[nLeft] - xLog2x[nRight]
                    for k in 0..<classCount {
                        let l = Int(left[k])
                        sum += xLog2x[l] + xLog2x[Int(total[k]) - l]
                    }
                    proxy = sum
                }
                if proxy > bestProxy { bestProxy = proxy; bestPosition = p }
            }
        } else {
            var leftSum = 0.0
            for p in (start + 1)...lastPosition {
                leftSum += targets[samples[p - 1]]
                if p < firstPosition || values[p] == values[p - 1] { continue }
                let rightSum = node.nodeSum - leftSum
                let proxy = leftSum * leftSum / Double(p - start) + rightSum * rightSum / Double(end - p)
                if proxy > bestProxy { bestProxy = proxy; bestPosition = p }
            }
        }
        return (bestProxy, bestPosition)
    }
    // end excerpt

    /// Stably partitions feature `g`'s range start..<end into [samples going left | going right],
    /// using `goesLeft` (set for the node's samples) and scratch space of end - start slots.
    func partition(
        feature g: Int, start: Int, end: Int, scratchIndex: UnsafeMutablePointer<Int>,
        scratchValue: UnsafeMutablePointer<Double>
    ) {
        let samples = index + g * n, values = value + g * n
        var write = start, spilled = 0
        for p in start..<end {
            let sample = samples[p], v = values[p]
            if goesLeft[sample] {
                samples[write] = sample; values[write] = v; write += 1
            } else {
                scratchIndex[spilled] = sample; scratchValue[spilled] = v; spilled += 1
            }
        }
        (samples + write).update(from: scratchIndex, count: spilled)
        (values + write).update(from: scratchValue, count: spilled)
    }
}
