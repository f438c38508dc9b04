/// The common shape of every model, in the spirit of scikit-learn's estimator contract but in
/// Swift's idiom.
///
/// An *estimator* is a plain value holding hyperparameters (with defaults). `fit` validates the data,
/// trains, and returns a separate *fitted* value whose learned parameters are `let`s, so an unfitted
/// model cannot be asked to predict:
///
/// ```swift
/// let model = try LinearRegression(learningRate: 0.1, iterations: 1000).fit(X, y)
/// let predictions = try model.predict(X)
/// let r2 = try model.score(X, y)
/// ```
///
/// Class labels are `Int` class codes `0..<k` everywhere (see `classCodes(from:)` to turn a numeric
/// CSV column into codes).
public protocol Regressor: Sendable {
    associatedtype Fitted: FittedRegressor
    /// Trains on the design matrix `X` (one row per example) and the targets `y`.
    func fit(_ X: Matrix, _ y: [Double]) throws -> Fitted
}

/// A trained regression model.
public protocol FittedRegressor: Sendable {
    /// The number of features (columns of X) the model was trained on.
    var featureCount: Int { get }
    /// One prediction per row of `X`; throws if `X` has the wrong width or a non-finite value.
    func predict(_ X: Matrix) throws -> [Double]
}

extension FittedRegressor {
    /// The coefficient of determination R^2 of the predictions for `X` against `y`
    /// (1 is perfect, 0 is no better than predicting the mean, negative is worse).
    public func score(_ X: Matrix, _ y: [Double]) throws -> Double {
        try r2Score(y, predict(X))
    }
}

/// A classifier: hyperparameters as a value; `fit` takes class codes `0..<k`.
public protocol Classifier: Sendable {
    associatedtype Fitted: FittedClassifier
    /// Trains on the design matrix `X` and the class codes `labels` (one per row, `0..<k`).
    func fit(_ X: Matrix, _ labels: [Int]) throws -> Fitted
}

/// A trained classifier.
public protocol FittedClassifier: Sendable {
    /// The number of features the model was trained on.
    var featureCount: Int { get }
    /// The number of classes `k`; predictions are codes in `0..<k`.
    var classCount: Int { get }
    /// An `X.rows x k` matrix whose row `i` holds the probability of each class for example `i`.
    func predictProbabilities(_ X: Matrix) throws -> Matrix
    /// The predicted class code for each row of `X`.
    func predict(_ X: Matrix) throws -> [Int]
}

extension FittedClassifier {
    /// The fraction of rows of `X` whose predicted class equals `labels`.
    public func score(_ X: Matrix, _ labels: [Int]) throws -> Double {
        try accuracy(labels, predict(X))
    }
}
