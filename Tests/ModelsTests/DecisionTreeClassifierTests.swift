import Testing
@testable import Models

@Suite struct DecisionTreeClassifierTests {
    @Test func oneSplitByHand() throws {
        let model = try DecisionTreeClassifier().fit(Matrix([[1], [2], [3], [4]]), [0, 0, 1, 1])
        let tree = model.tree
        #expect(tree.nodes.count == 3 && tree.depth == 1 && tree.leafCount == 2)
        let root = tree.nodes[0]
        #expect(root.feature == 0 && root.threshold == 2.5)
        #expect(root.impurity == 0.5 && root.samples == 4 && root.value == [2, 2])
        #expect(root.impurityDecrease == 0.5)
        #expect(root.left == 1 && root.right == 2)
        #expect(tree.nodes[1].value == [2, 0] && tree.nodes[2].value == [0, 2])
        #expect(tree.nodes[1].isLeaf && tree.nodes[1].depth == 1 && tree.nodes[1].impurity == 0)
        #expect(try tree.decisionPath(for: [3.7]) == [0, 2])
        #expect(try tree.decisionPath(for: [2.5]) == [0, 1]) // <= threshold goes left
        #expect(try model.predict(Matrix([[0], [2.6]])) == [0, 1])
        #expect(model.featureImportances == [1])
    }

    @Test func picksTheInformativeFeature() throws {
        // Feature 0 is noise, feature 1 separates the classes at 5.
        let x = Matrix([[3, 1], [1, 2], [2, 3], [3, 7], [1, 8], [2, 9]])
        let model = try DecisionTreeClassifier(criterion: .entropy).fit(x, [0, 0, 0, 1, 1, 1])
        #expect(model.tree.nodes[0].feature == 1 && model.tree.nodes[0].threshold == 5)
        #expect(model.tree.nodes[0].impurity == 1) // one bit: half and half
        #expect(model.featureImportances == [0, 1])
        #expect(model.classCount == 2 && model.featureCount == 2)
        #expect(try model.predict(Matrix([[0, 4.9], [0, 5.1]])) == [0, 1])
    }

    @Test func depthTwoXorLikeTreeByHand() throws {
        // Class 1 only when both features are large: two splits needed.
        let x = Matrix([[0, 0], [0, 1], [1, 0], [1, 1], [1, 1], [0, 0]])
        let y = [0, 0, 0, 1, 1, 0]
        let model = try DecisionTreeClassifier().fit(x, y)
        // Root: both features give the same gain (4/6 * 0.5 = 1/3 after the split); feature 0 wins the tie.
        let root = model.tree.nodes[0]
        #expect(root.feature == 0 && root.threshold == 0.5)
        #expect(abs(root.impurity - (1 - (4.0 / 6) * (4.0 / 6) - (2.0 / 6) * (2.0 / 6))) < 1e-15)
        #expect(abs(root.impurityDecrease - (root.impurity - 3.0 / 6 * (1 - 1.0 / 9 - 4.0 / 9))) < 1e-15)
        #expect(model.tree.depth == 2 && model.tree.leafCount == 3)
        #expect(try model.score(x, y) == 1)
        let shallow = try DecisionTreeClassifier(maxDepth: 1).fit(x, y)
        #expect(shallow.tree.depth == 1)
        #expect(try shallow.predictProbabilities(Matrix([[1, 1]])).row(0) == [1.0 / 3, 2.0 / 3])
    }

    @Test func signedAndExtremeValuesSortCorrectly() throws {
        // Presorting maps doubles to sortable bit patterns: negatives, -0, tiny and huge values.
        let values: [Double] = [5, -3, -0.0, 2, 0.0, -1e300, 1e-300, 1e300, -Double.leastNormalMagnitude / 4]
        let labels = values.map { $0 <= 1e-300 ? 0 : 1 }
        let model = try DecisionTreeClassifier().fit(Matrix(values.map { [$0] }), labels)
        #expect(model.tree.nodes[0].threshold == 1e-300 / 2 + 2.0 / 2)
        #expect(model.tree.nodes.count == 3)
        #expect(model.tree.nodes[1].samples == 6 && model.tree.nodes[2].samples == 3)
    }

    @Test func minSamplesLeafMovesTheThreshold() throws {
        let x = Matrix([[1], [2], [3], [4], [5], [6]])
        let y = [0, 1, 1, 1, 1, 1]
        #expect(try DecisionTreeClassifier(maxDepth: 1).fit(x, y).tree.nodes[0].threshold == 1.5)
        let constrained = try DecisionTreeClassifier(maxDepth: 1, minSamplesLeaf: 2).fit(x, y)
        #expect(constrained.tree.nodes[0].threshold == 2.5)
        #expect(try DecisionTreeClassifier(minSamplesSplit: 7).fit(x, y).tree.nodes.count == 1)
    }

    /// The root split must be the exhaustive optimum, checked by a naive search written here.
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func rootSplitIsTheExhaustiveOptimum(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let n = 40, d = 3
        let x = Matrix(rows: n, columns: d, storage: (0..<(n * d)).map { _ in Double(generator.next() % 8) - 4 })
        let y = (0..<n).map { _ in Int(generator.next() % 3) }
        func giniOf(_ labels: [Int]) -> Double {
            1 - (0..<3).map { c in
                let p = Double(labels.filter { $0 == c }.count) / Double(labels.count)
                return p * p
            }.reduce(0, +)
        }
        var best = Double.infinity
        for f in 0..<d {
            for t in stride(from: -3.5, through: 2.5, by: 1) {
                let left = (0..<n).filter { x[$0, f] <= t }.map { y[$0] }
                let right = (0..<n).filter { x[$0, f] > t }.map { y[$0] }
                if left.isEmpty || right.isEmpty { continue }
                best = min(best, (Double(left.count) * giniOf(left) + Double(right.count) * giniOf(right)) / Double(n))
            }
        }
        let root = try DecisionTreeClassifier(maxDepth: 1).fit(x, y).tree.nodes[0]
        #expect(abs((root.impurity - root.impurityDecrease) - best) < 1e-12)
        #expect(abs(root.impurity - giniOf(y)) < 1e-15)
    }

    @Test func unlimitedDepthMemorisesDistinctPoints() throws {
        var generator = SeededGenerator(seed: 5)
        let x = Matrix(rows: 300, columns: 4, storage: (0..<1200).map { _ in generator.nextGaussian() })
        let y = (0..<300).map { _ in Int(generator.next() % 4) }
        let model = try DecisionTreeClassifier(criterion: .entropy).fit(x, y)
        #expect(try model.score(x, y) == 1)
        #expect(model.tree.nodes.filter(\.isLeaf).allSatisfy { $0.impurity == 0 })
        #expect(abs(model.featureImportances.reduce(0, +) - 1) < 1e-12)
        // Structure is consistent: children one level deeper, samples add up.
        for node in model.tree.nodes where !node.isLeaf {
            let left = model.tree.nodes[node.left!], right = model.tree.nodes[node.right!]
            #expect(left.depth == node.depth + 1 && right.depth == node.depth + 1)
            #expect(left.samples + right.samples == node.samples)
            #expect(node.left == node.id + 1)
        }
        #expect(model.tree.leafCount == model.tree.nodes.count / 2 + 1)
    }

    @Test func maxFeaturesIsSeededAndDeterministic() throws {
        var generator = SeededGenerator(seed: 8)
        let x = Matrix(rows: 200, columns: 6, storage: (0..<1200).map { _ in generator.nextGaussian() })
        let y = (0..<200).map { x[$0, 0] + x[$0, 3] > 0 ? 1 : 0 }
        let a = try DecisionTreeClassifier(maxFeatures: 2, seed: 42).fit(x, y)
        let b = try DecisionTreeClassifier(maxFeatures: 2, seed: 42).fit(x, y)
        #expect(a.tree == b.tree)
        let others = try (1...5).map { try DecisionTreeClassifier(maxFeatures: 2, seed: $0).fit(x, y).tree }
        #expect(others.contains { $0 != a.tree })
        #expect(try DecisionTreeClassifier().fit(x, y).tree == DecisionTreeClassifier().fit(x, y).tree)
    }

    @Test(arguments: [SplitCriterion.gini, .entropy])
    func parallelAndSerialGrowthGiveTheSameTree(criterion: SplitCriterion) throws {
        var generator = SeededGenerator(seed: 21)
        let x = Matrix(rows: 3000, columns: 5, storage: (0..<15000).map { _ in (generator.nextGaussian() * 4).rounded() })
        let y = (0..<3000).map { x[$0, 1] + generator.nextGaussian() > 0 ? 2 : Int(generator.next() % 2) }
        let settings = DecisionTreeHyperparameters(minSamplesLeaf: 2, maxFeatures: 4, seed: 9)
        let target = TreeBuilder.Target.classification(codes: y, classCount: 3, criterion: criterion)
        let serial = TreeBuilder.grow(x, target: target, hyperparameters: settings, parallelThreshold: .max)
        let parallel = TreeBuilder.grow(x, target: target, hyperparameters: settings, parallelThreshold: 1)
        #expect(serial == parallel)
        #expect(serial.nodes.count > 100)
        let regression = TreeBuilder.Target.regression(y.map(Double.init))
        #expect(TreeBuilder.grow(x, target: regression, hyperparameters: settings, parallelThreshold: .max)
            == TreeBuilder.grow(x, target: regression, hyperparameters: settings, parallelThreshold: 1))
    }

    @Test func identicalRowsGiveOneLeaf() throws {
        // No feature varies, so there is nothing to split on: a single leaf with the majority.
        let model = try DecisionTreeClassifier().fit(Matrix([[1], [1], [1]]), [1, 0, 1])
        #expect(model.tree.nodes.count == 1 && model.tree.depth == 0 && model.tree.leafCount == 1)
        #expect(try model.predict(Matrix([[9]])) == [1])
        #expect(model.featureImportances == [0])
        #expect(throws: ModelError.self) { try DecisionTreeClassifier().fit(Matrix([[1], [2]]), [3, 3]) }
    }

    @Test func errorsAreTyped() throws {
        let x = Matrix([[1, 2], [3, 4]])
        #expect(throws: ModelError.invalidHyperparameter(
            name: "maxDepth", value: "0", reason: "a tree needs depth at least 1 (use nil for no limit)")) {
            try DecisionTreeClassifier(maxDepth: 0).fit(x, [0, 1])
        }
        #expect(throws: ModelError.self) { try DecisionTreeClassifier(minSamplesSplit: 1).fit(x, [0, 1]) }
        #expect(throws: ModelError.self) { try DecisionTreeClassifier(minSamplesLeaf: 0).fit(x, [0, 1]) }
        #expect(throws: ModelError.self) { try DecisionTreeClassifier(maxFeatures: 3).fit(x, [0, 1]) }
        #expect(throws: ModelError.self) { try DecisionTreeClassifier(maxFeatures: 0).fit(x, [0, 1]) }
        #expect(throws: ModelError.self) { try DecisionTreeClassifier().fit(Matrix(rows: 0, columns: 2), []) }
        #expect(throws: ModelError.self) { try DecisionTreeClassifier().fit(x, [0]) }
        #expect(throws: ModelError.nonFinite(row: 1, column: 0)) {
            try DecisionTreeClassifier().fit(Matrix([[1, 2], [.nan, 4]]), [0, 1])
        }
        let model = try DecisionTreeClassifier().fit(x, [0, 1])
        #expect(throws: ModelError.self) { try model.predict(Matrix([[1, 2, 3]])) }
        #expect(throws: ModelError.self) { try model.tree.decisionPath(for: [1]) }
        #expect(throws: ModelError.nonFinite(row: 0, column: 1)) { try model.predict(Matrix([[1, .nan]])) }
    }
}
