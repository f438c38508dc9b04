import Foundation
import Testing

/// The scikit-learn reference numbers in `Fixtures/sklearn_reference.json`, typed.
///
/// The fixture is written by `scripts/sklearn_reference.py` (see `Fixtures/README.md`); never edit it
/// by hand. Every setting an experiment used (dataset, columns, row dropping, split indices, scaler,
/// hyperparameters) is stored beside its results, so a test can redo the experiment with our models
/// and compare. JSON keys are snake_case and map to these camelCase names; `C` keeps sklearn's name.
/// Where sklearn's value is +infinity (the first ROC threshold) or "no penalty" (`C = inf`), the
/// fixture holds `null`, decoded here as `nil`.
///
/// Load it with `try ReferenceFixture.shared()` (decoded once per test process).
struct ReferenceFixture: Decodable, Sendable {
    let generatedBy: String
    let conventions: Conventions
    let versions: Versions
    let datasets: Datasets
    let experiments: Experiments

    /// The fixture decoded once; every test shares it.
    private static let cached = Result<ReferenceFixture, any Error> { try load() }

    /// The shared decoded fixture, or the error that stopped it from loading.
    static func shared() throws -> ReferenceFixture { try cached.get() }

    /// Reads and decodes the fixture from the test bundle.
    static func load() throws -> ReferenceFixture {
        guard let url = Bundle.module.url(
            forResource: "sklearn_reference", withExtension: "json", subdirectory: "Fixtures")
        else {
            throw FixtureError.missing("Fixtures/sklearn_reference.json is not in the test bundle")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ReferenceFixture.self, from: Data(contentsOf: url))
    }

    enum FixtureError: Error, CustomStringConvertible {
        case missing(String)
        var description: String {
            switch self {
            case .missing(let message): message
            }
        }
    }
}

// MARK: - Shared pieces

extension ReferenceFixture {
    /// Versions of the tools that produced the numbers.
    struct Versions: Decodable, Sendable {
        let sklearn: String
        let numpy: String
        let scipy: String
        let python: String
    }

    /// The rules every experiment follows, in words (also in `Fixtures/README.md`).
    struct Conventions: Decodable, Sendable {
        let rows: String
        let split: String
        let scaling: String
        let linearLoss: String
        let logisticLoss: String
        let predict: String
        let classificationMetrics: String
        let nulls: String
        let optimalityMaxAbsGradient: String
    }

    /// One shipped CSV as the script saw it (SHA-256 of the file's bytes).
    struct DatasetInfo: Decodable, Sendable {
        let file: String
        let dataRows: Int
        let columns: [String]
        let sha256: String
    }

    /// The CSVs the experiments read, by name.
    struct Datasets: Decodable, Sendable {
        let anscombe: DatasetInfo
        let breastCancer: DatasetInfo
        let cars: DatasetInfo
        let diabetes: DatasetInfo
        let digits: DatasetInfo
        let ex1data1: DatasetInfo
        let ex2data1: DatasetInfo
        let houses: DatasetInfo
        let iris: DatasetInfo
    }

    /// A train/test split: test rows are listed (0-based, ascending); training rows are all others.
    struct Split: Decodable, Sendable {
        let rule: String
        let nRows: Int
        let nTrain: Int
        let nTest: Int
        let testSize: Double
        let randomState: Int
        let stratified: Bool
        let testIndices: [Int]

        /// Every row not in the test set, ascending: the order sklearn's models were fitted in.
        var trainIndices: [Int] {
            let test = Set(testIndices)
            return (0..<nRows).filter { !test.contains($0) }
        }
    }

    /// A z-score scaler: mean and population standard deviation per column.
    struct Scaler: Decodable, Sendable {
        let kind: String
        let fittedOn: String
        let mean: [Double]
        let scale: [Double]
    }

    /// Least-squares coefficients with R^2 and MSE on the rows fitted.
    struct LinearFit: Decodable, Sendable {
        let coef: [Double]
        let intercept: Double
        let r2: Double
        let mse: Double
        /// Rank of the centred design as sklearn's least-squares solve saw it.
        let rank: Int
        let scaler: Scaler?
    }

    /// ROC points in sklearn's order (thresholds decreasing; `nil` is the +infinity start).
    struct ROCPoints: Decodable, Sendable {
        let fpr: [Double]
        let tpr: [Double]
        let thresholds: [Double?]

        /// The thresholds with sklearn's +infinity restored.
        var thresholdsWithInfinity: [Double] { thresholds.map { $0 ?? .infinity } }
    }

    /// A ROC curve both as sklearn returns it by default and with every distinct score kept.
    struct ROC: Decodable, Sendable {
        let auc: Double
        let dropIntermediate: ROCPoints
        let allThresholds: ROCPoints
    }

    /// Binary metrics with class 1 positive; confusion matrix `[[TN, FP], [FN, TP]]`.
    struct BinaryMetrics: Decodable, Sendable {
        let accuracy: Double
        let precision: Double
        let recall: Double
        let f1: Double
        let confusionMatrix: [[Int]]
        let logLoss: Double?
    }

    /// Every experiment in the fixture.
    struct Experiments: Decodable, Sendable {
        let houses: Houses
        let ex1data1: Ex1Data1
        let anscombe: Anscombe
        let carsPolynomial: CarsPolynomial
        let diabetes: Diabetes
        let ex2data1: Ex2Data1
        let irisLogistic: IrisLogistic
        let breastCancerLogistic: BreastCancerLogistic
        let irisKnn: IrisKNN
        let decisionTrees: DecisionTrees
        let svmLinearIris: SVMLinearIris
        let svmRbfMoons: SVMRBFMoons
        let svmRbfBreastCancer: SVMRBFBreastCancer
        let mlpDigits: MLPDigits
        let mlpMoons: MLPMoons
        let metrics: Metrics
    }
}

// MARK: - Linear models

extension ReferenceFixture {
    /// Houses: raw and z-scored least squares, the course's example house, ridge.
    struct Houses: Decodable, Sendable {
        struct ExampleHouse: Decodable, Sendable {
            let features: [String]
            let values: [Double]
        }
        struct Fit: Decodable, Sendable {
            let coef: [Double]
            let intercept: Double
            let r2: Double
            let mse: Double
            let rank: Int
            let predictionsFirst5Rows: [Double]
            let examplePrediction: Double
            /// The example house after the scaler (z-scored fit only).
            let exampleZ: [Double]?
            let scaler: Scaler?
        }
        struct Ridge: Decodable, Sendable {
            /// "z-scored" (with `linearZscored.scaler`) or "raw".
            let features: String
            let alpha: Double
            /// Our lambda; equal to sklearn's alpha.
            let lambda: Double
            let coef: [Double]
            let intercept: Double
            let r2: Double
            let mse: Double
            let predictionsFirst5Rows: [Double]
            /// Largest |gradient| of our ridge cost (lambda = alpha) at sklearn's answer.
            let optimalityMaxAbsGradient: Double
        }
        let dataset: String
        let features: [String]
        let target: String
        let exampleHouse: ExampleHouse
        let linearRaw: Fit
        let linearZscored: Fit
        let ridge: [Ridge]
        let ridgeNote: String
    }

    /// The food-truck data: one-feature least squares and two predictions.
    struct Ex1Data1: Decodable, Sendable {
        let dataset: String
        let features: [String]
        let target: String
        let coef: [Double]
        let intercept: Double
        let r2: Double
        let mse: Double
        let rank: Int
        /// Populations to predict for, in the feature's unit (10,000s).
        let queryPopulations: [Double]
        let queryPredictions: [Double]
    }

    /// Anscombe's quartet: one least-squares line per series.
    struct Anscombe: Decodable, Sendable {
        struct Series: Decodable, Sendable {
            let series: String
            let rows: [Int]
            let slope: Double
            let intercept: Double
            let r2: Double
            let mse: Double
        }
        let dataset: String
        let feature: String
        let target: String
        let series: [Series]
    }

    /// Miles per gallon on horsepower: polynomial fits and a validation curve.
    struct CarsPolynomial: Decodable, Sendable {
        struct PolynomialFit: Decodable, Sendable {
            let degree: Int
            /// Coefficients of hp, hp^2, ..., hp^degree (raw powers).
            let coef: [Double]
            let intercept: Double
            let r2: Double
            let mse: Double
            let rank: Int
            /// Predictions at `queryHorsepower`.
            let queryPredictions: [Double]
            /// R^2 from `LinearRegression()` with its default singular-value cut-off (tol 1e-6):
            /// below the true optimum at degree 3, a warning about conditioning.
            let sklearnDefaultTolR2: Double
            let sklearnDefaultTolRank: Int
        }
        struct CurvePoint: Decodable, Sendable {
            let degree: Int
            let trainMse: Double
            let validationMse: Double
            let coef: [Double]
            let intercept: Double
            let scaler: Scaler
            /// Condition number of the training design matrix with its column of ones.
            let designConditionNumber: Double
        }
        struct ValidationCurve: Decodable, Sendable {
            /// Powers of raw horsepower, each power z-scored on the training rows.
            let zscoredPowersOfRawHp: [CurvePoint]
            /// Horsepower z-scored on the training rows, then raised to powers.
            let powersOfZscoredHp: [CurvePoint]
        }
        let dataset: String
        let feature: String
        let target: String
        /// Original 0-based CSV rows dropped for an empty feature or target.
        let droppedRows: [Int]
        let nRowsKept: Int
        let allRowsRawPowers: [PolynomialFit]
        let queryHorsepower: [Double]
        /// Indices count the kept rows, in CSV order.
        let split: Split
        let validationCurve: ValidationCurve
        let validationCurveNote: String
    }

    /// Diabetes: least squares on ten features and sklearn's SGD regressor.
    struct Diabetes: Decodable, Sendable {
        struct SGDSettings: Decodable, Sendable {
            let loss: String
            let alpha: Double
            let learningRate: String
            let eta0: Double
            let powerT: Double
            let maxIter: Int
            let tol: Double
            let nIterNoChange: Int
            let earlyStopping: Bool
            let shuffle: Bool
            let randomState: Int
            let fitIntercept: Bool
            let average: Bool
        }
        struct SGDFit: Decodable, Sendable {
            let settings: SGDSettings
            let coef: [Double]
            let intercept: Double
            let nIter: Int
            let t: Double
            let r2: Double
            let mse: Double
            let note: String
        }
        let dataset: String
        let features: [String]
        let target: String
        let linearRaw: LinearFit
        let linearZscored: LinearFit
        let sgdZscored: SGDFit
    }
}

// MARK: - Logistic regression

extension ReferenceFixture {
    /// Exam scores: unpenalised binary logistic regression, raw and z-scored.
    struct Ex2Data1: Decodable, Sendable {
        struct Fit: Decodable, Sendable {
            let C: Double?
            let lambda: Double
            let solver: String
            let tol: Double
            let maxIter: Int
            let nIter: Int
            let coef: [Double]
            let intercept: Double
            let accuracy: Double
            let logLoss: Double
            /// P(admitted) for `queryScores`.
            let queryProbability: Double
            /// Largest |gradient| of our cost at sklearn's answer.
            let optimalityMaxAbsGradient: Double
            let scaler: Scaler?
        }
        let dataset: String
        let features: [String]
        let target: String
        let queryScores: [Double]
        let raw: Fit
        let zscored: Fit
    }

    /// Iris: multinomial (softmax) logistic regression for several C.
    struct IrisLogistic: Decodable, Sendable {
        struct Fit: Decodable, Sendable {
            /// "all" or "petal".
            let featureSet: String
            let features: [String]
            let C: Double?
            let lambda: Double
            let solver: String
            let nIter: Int
            /// One row per class.
            let coef: [[Double]]
            let intercept: [Double]
            /// Intercepts minus their mean: the values gradient descent from zero reaches.
            let interceptCentered: [Double]
            let accuracy: Double
            let logLoss: Double
            let predictions: [Int]
            /// Probabilities for CSV rows 0, 50 and 100.
            let probabilitiesFirstRowOfEachClass: [[Double]]
            let optimalityMaxAbsGradient: Double
        }
        let dataset: String
        let target: String
        let fits: [Fit]
    }

    /// Breast cancer: stratified split, z-scored on train, L2 logistic regression.
    struct BreastCancerLogistic: Decodable, Sendable {
        struct Fit: Decodable, Sendable {
            let C: Double?
            let lambda: Double
            let solver: String
            let nIter: Int
            let coef: [Double]
            let intercept: Double
            let trainAccuracy: Double
            let trainLogLoss: Double
            let test: BinaryMetrics
            let rocTest: ROC
            /// P(benign) for each test row, in `split.testIndices` order.
            let testProbabilities: [Double]
            let optimalityMaxAbsGradient: Double
        }
        let dataset: String
        let features: [String]
        let target: String
        let split: Split
        let scaler: Scaler
        let fits: [Fit]
    }
}

// MARK: - Issue 5 models

extension ReferenceFixture {
    /// Iris k-nearest neighbours on a fixed split.
    struct IrisKNN: Decodable, Sendable {
        struct Fit: Decodable, Sendable {
            let k: Int
            /// "uniform" or "distance".
            let weights: String
            /// "euclidean" or "manhattan".
            let metric: String
            let testAccuracy: Double
            let trainAccuracy: Double
            /// In `split.testIndices` order.
            let testPredictions: [Int]
            /// Test rows (CSV indices) whose prediction depends on how equal distances are broken.
            let testRowsDependingOnDistanceTies: [Int]
            /// Uniform weights only: test rows whose vote was tied.
            let testRowsWithVoteTie: [Int]?
        }
        let dataset: String
        let features: [String]
        let target: String
        let split: Split
        let fits: [Fit]
    }

    /// One node of a fitted sklearn tree (preorder ids; leaves have no split).
    struct TreeNode: Decodable, Sendable {
        let id: Int
        let left: Int?
        let right: Int?
        let feature: Int?
        let featureName: String?
        let threshold: Double?
        let impurity: Double
        let nSamples: Int
        /// Class fractions (classifier) or the mean target (regressor).
        let value: [Double]
    }

    /// The best split at the root on one feature alone.
    struct RootSplit: Decodable, Sendable {
        let feature: Int
        let featureName: String
        let rootThreshold: Double?
        let rootImpurity: Double
        let rootImpurityDecrease: Double?
        let rootNSamples: Int
        let leftNSamples: Int?
        let rightNSamples: Int?
    }

    /// Decision trees: classifiers on iris and breast cancer, a regressor on ex1data1.
    struct DecisionTrees: Decodable, Sendable {
        struct ClassifierFit: Decodable, Sendable {
            let criterion: String
            /// nil = unlimited.
            let maxDepth: Int?
            let rootFeature: Int?
            let rootFeatureName: String?
            let rootThreshold: Double?
            let rootImpurity: Double
            let rootImpurityDecrease: Double?
            let rootNSamples: Int
            let leftNSamples: Int?
            let rightNSamples: Int?
            let trainAccuracy: Double
            let testAccuracy: Double
            let nLeaves: Int
            let depth: Int
            /// Present at max depth 3.
            let featureImportances: [Double]?
            /// Present for the depth-2 gini tree.
            let nodes: [TreeNode]?
        }
        struct RootSplitsPerFeature: Decodable, Sendable {
            let gini: [RootSplit]
            let entropy: [RootSplit]
        }
        struct Classifier: Decodable, Sendable {
            let dataset: String
            let features: [String]
            let target: String
            let randomState: Int
            let split: Split
            let fits: [ClassifierFit]
            let rootSplitPerFeature: RootSplitsPerFeature
        }
        struct RegressorFit: Decodable, Sendable {
            let maxDepth: Int
            let rootThreshold: Double?
            let rootImpurity: Double
            let rootImpurityDecrease: Double?
            let leftNSamples: Int?
            let rightNSamples: Int?
            let r2: Double
            let nodes: [TreeNode]
        }
        struct Regressor: Decodable, Sendable {
            let dataset: String
            let features: [String]
            let target: String
            let criterion: String
            let fits: [RegressorFit]
        }
        let classifiers: [Classifier]
        let regressor: Regressor
        let note: String
    }

    /// Linear SVM on iris setosa vs versicolor, petal features.
    struct SVMLinearIris: Decodable, Sendable {
        struct Fit: Decodable, Sendable {
            let C: Double
            let supportIndices: [Int]
            let supportVectors: [[Double]]
            let nSupportPerClass: [Int]
            /// alpha_i * y_i per support vector (class 1 is +1).
            let dualCoef: [Double]
            let w: [Double]
            let b: Double
            /// The range of optimal b for this w (a point up to solver accuracy when unique).
            let bInterval: [Double]
            let marginWidth: Double
            let decisionAtSupportVectors: [Double]
            let trainAccuracy: Double
            let hingeLossMean: Double
        }
        let dataset: String
        let rowIndices: [Int]
        let features: [String]
        let target: String
        let fits: [Fit]
    }

    /// Two moons stored as coordinates, so Swift can use the very same points.
    struct Moons: Decodable, Sendable {
        let generator: String
        let x: [[Double]]
        let y: [Int]
    }

    /// RBF SVM on the stored moons for several (C, gamma).
    struct SVMRBFMoons: Decodable, Sendable {
        struct Fit: Decodable, Sendable {
            let C: Double
            let gamma: Double
            let trainAccuracy: Double
            let nSupport: Int
            let nSupportPerClass: [Int]
            let supportIndices: [Int]
            let dualCoef: [Double]
            let b: Double
            /// Decision values at `probes`.
            let decisionAtProbes: [Double]
        }
        let data: Moons
        let probes: [[Double]]
        let fits: [Fit]
    }

    /// RBF SVM on z-scored breast cancer (same split as the logistic experiment).
    struct SVMRBFBreastCancer: Decodable, Sendable {
        struct Fit: Decodable, Sendable {
            let C: Double
            let gamma: Double
            let trainAccuracy: Double
            let testAccuracy: Double
            let nSupport: Int
            let testPredictions: [Int]
        }
        let dataset: String
        let split: Split
        let scaler: Scaler
        let gammaRule: String
        let fits: [Fit]
    }

    /// sklearn MLPClassifier settings as recorded.
    struct MLPSettings: Decodable, Sendable {
        let hiddenLayerSizes: [Int]
        let activation: String
        let solver: String
        let alpha: Double
        let batchSize: Int
        let learningRateInit: Double
        let maxIter: Int
        let shuffle: Bool
        let tol: Double
        let nIterNoChange: Int
        let earlyStopping: Bool
    }

    /// One seeded MLP training run.
    struct MLPRun: Decodable, Sendable {
        let randomState: Int
        let nIter: Int
        let stoppedAtMaxIter: Bool
        let finalLoss: Double
        let trainAccuracy: Double
        let testAccuracy: Double?
    }

    /// MLP on digits (pixels / 16): accuracy band over seeds.
    struct MLPDigits: Decodable, Sendable {
        struct Configuration: Decodable, Sendable {
            let settings: MLPSettings
            let runs: [MLPRun]
            let testAccuracyMin: Double
            let testAccuracyMax: Double
        }
        let dataset: String
        let preprocessing: String
        let split: Split
        let configurations: [Configuration]
    }

    /// MLP on the stored moons: training accuracy band over seeds.
    struct MLPMoons: Decodable, Sendable {
        let settings: MLPSettings
        let runs: [MLPRun]
        let trainAccuracyMin: Double
        let trainAccuracyMax: Double
    }
}

// MARK: - Metrics

extension ReferenceFixture {
    /// sklearn.metrics on hand-picked vectors.
    struct Metrics: Decodable, Sendable {
        struct BinaryCase: Decodable, Sendable {
            let name: String
            let yTrue: [Int]
            let yScore: [Double]
            /// Predicted 1 when the score is at least this.
            let threshold: Double
            let yPred: [Int]
            let accuracy: Double
            let precision: Double
            let recall: Double
            let f1: Double
            let confusionMatrix: [[Int]]
            let logLoss: Double
            let roc: ROC
        }
        struct Multiclass: Decodable, Sendable {
            let yTrue: [Int]
            let yPred: [Int]
            let accuracy: Double
            let confusionMatrix: [[Int]]
            let precisionPerClass: [Double]
            let recallPerClass: [Double]
            let f1PerClass: [Double]
            let f1Macro: Double
            let f1Weighted: Double
        }
        struct RegressionCase: Decodable, Sendable {
            let name: String
            let yTrue: [Double]
            let yPred: [Double]
            let r2: Double
            let mse: Double
            let rmse: Double
            let mae: Double
        }
        let binary: [BinaryCase]
        let multiclass: Multiclass
        let regression: [RegressionCase]
        let note: String
    }
}

// MARK: - The fixture itself

@Suite struct ReferenceFixtureTests {
    @Test func referenceFixtureLoads() throws {
        let fixture = try ReferenceFixture.shared()
        #expect(fixture.generatedBy == "scripts/sklearn_reference.py")
        for version in [fixture.versions.sklearn, fixture.versions.numpy,
                        fixture.versions.scipy, fixture.versions.python] {
            #expect(version.split(separator: ".").count >= 2, "version \(version)")
        }
        let experiments = fixture.experiments
        #expect(experiments.houses.linearRaw.coef.count == experiments.houses.features.count)
        #expect(experiments.anscombe.series.map(\.series) == ["I", "II", "III", "IV"])
        #expect(experiments.carsPolynomial.allRowsRawPowers.map(\.degree) == [1, 2, 3])
        #expect(experiments.carsPolynomial.validationCurve.zscoredPowersOfRawHp.map(\.degree)
            == Array(1...10))
        #expect(experiments.irisLogistic.fits.allSatisfy { $0.coef.count == 3 })
        #expect(experiments.breastCancerLogistic.fits.map(\.C) == [0.1, 1, 10])
        #expect(experiments.ex2data1.raw.C == nil && experiments.ex2data1.raw.lambda == 0)
        #expect(Set(experiments.irisKnn.fits.map(\.k)) == [1, 3, 5, 7, 15])
        #expect(experiments.decisionTrees.classifiers.map(\.dataset) == ["iris", "breast_cancer"])
        #expect(experiments.svmLinearIris.fits.count == 2)
        #expect(experiments.svmRbfMoons.data.x.count == experiments.svmRbfMoons.data.y.count)
        #expect(experiments.mlpDigits.configurations.allSatisfy { $0.runs.count == 5 })
        #expect(experiments.metrics.binary.count >= 3)
        #expect(fixture.datasets.iris.dataRows == 150)
    }

    /// Optional fields decode as nil when a key is misspelt, so check they arrived where the script
    /// writes them (snake_case keys such as `x_10k` would not map to `x10k`).
    @Test func optionalFieldsArePresentWhereExpected() throws {
        let experiments = try ReferenceFixture.shared().experiments
        #expect(experiments.houses.linearZscored.exampleZ?.count == 4)
        #expect(experiments.houses.linearZscored.scaler != nil)
        #expect(experiments.diabetes.linearZscored.scaler != nil)
        #expect(experiments.ex2data1.zscored.scaler != nil)
        #expect(experiments.breastCancerLogistic.fits.allSatisfy { $0.test.logLoss != nil })
        #expect(experiments.irisKnn.fits.filter { $0.weights == "uniform" }
            .allSatisfy { $0.testRowsWithVoteTie != nil })
        for classifier in experiments.decisionTrees.classifiers {
            #expect(classifier.fits.allSatisfy { $0.rootFeature != nil && $0.rootThreshold != nil })
            #expect(classifier.fits.filter { $0.maxDepth == 3 }.allSatisfy { $0.featureImportances != nil })
            #expect(classifier.fits.contains { $0.nodes != nil })
        }
        #expect(experiments.decisionTrees.regressor.fits.allSatisfy { $0.rootThreshold != nil })
        #expect(experiments.mlpDigits.configurations.allSatisfy { $0.runs.allSatisfy { $0.testAccuracy != nil } })
    }

    /// Every split is well formed: sorted, unique, in range, with the stated sizes.
    @Test func splitsAreConsistent() throws {
        let fixture = try ReferenceFixture.shared()
        let experiments = fixture.experiments
        var splits = [
            experiments.carsPolynomial.split, experiments.breastCancerLogistic.split,
            experiments.irisKnn.split, experiments.svmRbfBreastCancer.split, experiments.mlpDigits.split,
        ]
        splits += experiments.decisionTrees.classifiers.map(\.split)
        for split in splits {
            #expect(split.testIndices == split.testIndices.sorted())
            #expect(Set(split.testIndices).count == split.nTest)
            #expect(split.testIndices.allSatisfy { (0..<split.nRows).contains($0) })
            #expect(split.trainIndices.count == split.nTrain)
            #expect(split.nTrain + split.nTest == split.nRows)
        }
        // The logistic, tree and SVM experiments on breast cancer share one split.
        #expect(experiments.breastCancerLogistic.split.testIndices
            == experiments.svmRbfBreastCancer.split.testIndices)
        #expect(experiments.carsPolynomial.nRowsKept + experiments.carsPolynomial.droppedRows.count
            == fixture.datasets.cars.dataRows)
    }

    /// Per-row results line up with the rows they describe, and ROC curves start at +infinity.
    @Test func perRowResultsMatchTheirSplits() throws {
        let experiments = try ReferenceFixture.shared().experiments
        let knn = experiments.irisKnn
        #expect(knn.fits.allSatisfy { $0.testPredictions.count == knn.split.nTest })
        let cancer = experiments.breastCancerLogistic
        for fit in cancer.fits {
            #expect(fit.testProbabilities.count == cancer.split.nTest)
            #expect(fit.test.confusionMatrix.joined().reduce(0, +) == cancer.split.nTest)
            for points in [fit.rocTest.dropIntermediate, fit.rocTest.allThresholds] {
                #expect(points.thresholdsWithInfinity.first == .infinity)
                #expect(points.fpr.count == points.tpr.count && points.tpr.count == points.thresholds.count)
            }
        }
        #expect(experiments.svmRbfMoons.fits.allSatisfy {
            $0.supportIndices.count == $0.nSupport && $0.dualCoef.count == $0.nSupport
        })
    }
}
