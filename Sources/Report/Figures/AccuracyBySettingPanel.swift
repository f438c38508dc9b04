import Models
import Plot

/// Training and test accuracy of one classifier against the setting that controls its complexity
/// (k for k-NN, the maximum depth for a tree): ours as two lines, scikit-learn's as hollow markers on
/// top, so the reader sees both the overfitting gap and the agreement with the reference.
///
///     let panel = try AccuracyBySettingPanel(settings: [1, 2, 3], data: split, reference: sklearnPoints)
///         .panel(title: "Breast cancer, Gini", xLabel: "maximum depth", yLimits: 0.8...1.01,
///                legend: .bottomRight) { depth in try DecisionTreeClassifier(maxDepth: depth).fit($0, $1) }
struct AccuracyBySettingPanel: Sendable {
    /// scikit-learn's accuracies at one setting.
    struct ReferencePoint: Sendable {
        let setting: Int
        let trainAccuracy: Double
        let testAccuracy: Double
    }

    /// The settings our model is trained at, in drawing order.
    let settings: [Int]
    /// The rows to train and score on.
    let data: ClassificationSplit
    /// scikit-learn's accuracies, drawn as markers (any subset of `settings`).
    let reference: [ReferencePoint]

    /// Trains `fit(setting, trainX, trainY)` at each setting and draws the four series.
    /// `integerTicks` labels every setting on the x axis (for a short, sparse range of settings).
    func panel<Model: FittedClassifier>(
        title: String, xLabel: String, yLimits: ClosedRange<Double>, integerTicks: Bool = false,
        legend: LegendPlacement, fit: (Int, Matrix, [Int]) throws -> Model
    ) throws -> Panel {
        var train: [Double] = [], test: [Double] = []
        for setting in settings {
            let model = try fit(setting, data.trainX, data.trainY)
            train.append(try model.score(data.trainX, data.trainY))
            test.append(try model.score(data.testX, data.testY))
        }
        let xs = settings.map(Double.init)
        let referenceXs = reference.map { Double($0.setting) }
        return Panel(
            title: title, xLabel: xLabel, yLabel: "accuracy", yLimits: yLimits,
            xTicks: integerTicks ? xs.map { AxisTick($0, String(Int($0))) } : nil, legend: legend,
            marks: [
                .line(x: xs, y: train, marker: .circle, label: "training (ours)"),
                .line(x: xs, y: test, style: .dashed, marker: .square, label: "test (ours)"),
                .points(x: referenceXs, y: reference.map(\.trainAccuracy), marker: .circle, filled: false,
                        size: 15, color: .black, label: "training (scikit-learn)"),
                .points(x: referenceXs, y: reference.map(\.testAccuracy), marker: .square, filled: false,
                        size: 15, color: Color(hex: 0x777777), label: "test (scikit-learn)"),
            ])
    }
}
