/// How far a decision tree may grow, with scikit-learn's defaults (grow until pure).
///
/// ```swift
/// let shallow = DecisionTreeHyperparameters(maxDepth: 3, minSamplesLeaf: 5)
/// ```
public struct DecisionTreeHyperparameters: Sendable, Equatable, Hashable {
    /// The deepest a node may be (the root is depth 0), or nil for no limit. Must be >= 1.
    public var maxDepth: Int?
    /// A node with fewer samples becomes a leaf. Must be >= 2.
    public var minSamplesSplit: Int
    /// A split must leave at least this many samples on each side. Must be >= 1.
    public var minSamplesLeaf: Int
    /// How many features to try at each node (drawn at random with `seed`), or nil for all.
    /// Must be in 1...features. Constant features are skipped without counting, as in scikit-learn.
    public var maxFeatures: Int?
    /// Seeds the feature draws when `maxFeatures` is set; the same seed gives the same tree.
    public var seed: UInt64

    public init(
        maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1,
        maxFeatures: Int? = nil, seed: UInt64 = 0
    ) {
        self.maxDepth = maxDepth
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.maxFeatures = maxFeatures
        self.seed = seed
    }

    /// Throws `invalidHyperparameter` for a setting that cannot grow a tree on `features` columns.
    func validate(features: Int) throws {
        if let maxDepth, maxDepth < 1 {
            throw ModelError.invalidHyperparameter(
                name: "maxDepth", value: "\(maxDepth)", reason: "a tree needs depth at least 1 (use nil for no limit)")
        }
        if minSamplesSplit < 2 {
            throw ModelError.invalidHyperparameter(
                name: "minSamplesSplit", value: "\(minSamplesSplit)", reason: "splitting needs at least 2 samples")
        }
        if minSamplesLeaf < 1 {
            throw ModelError.invalidHyperparameter(
                name: "minSamplesLeaf", value: "\(minSamplesLeaf)", reason: "a leaf holds at least 1 sample")
        }
        if let maxFeatures, maxFeatures < 1 || maxFeatures > features {
            throw ModelError.invalidHyperparameter(
                name: "maxFeatures", value: "\(maxFeatures)", reason: "must be between 1 and the \(features) feature(s)")
        }
    }
}
