import Foundation
import Testing
@testable import Report

/// The shape and values of `report fit --json`, checked against scikit-learn's reference numbers.
@Suite struct FitJSONTests {
    /// The houses experiment of the scikit-learn fixture (ModelsTests/Fixtures), read from the package.
    static func housesReference() throws -> [String: Any] {
        let url = packageRoot.appendingPathComponent("Tests/ModelsTests/Fixtures/sklearn_reference.json")
        let fixture = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let experiments = try #require(fixture["experiments"] as? [String: Any])
        return try #require(experiments["houses"] as? [String: Any])
    }

    static let requiredKeys = ["model", "task", "data", "hyperparameters", "classes", "feature_names", "weights", "intercept",
                               "scaled_weights", "scaled_intercept", "iterations_run", "epochs_run", "final_cost", "diverged",
                               "divergence", "cost_history", "tree", "svm", "metrics", "warnings", "charts", "predictions"]

    @Test func normalEquationOnHousesMatchesScikitLearn() throws {
        let houses = try Self.housesReference()
        let raw = try #require(houses["linear_raw"] as? [String: Any])
        let zscored = try #require(houses["linear_zscored"] as? [String: Any])
        let features = try #require(houses["features"] as? [String])
        let run = runFit(["linear-regression", "--data", datasetPath("houses.csv"), "--target", "price_1000usd",
                          "--features", features.joined(separator: ","), "--solver", "normal", "--test-fraction", "0", "--json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let json = try run.json()
        #expect(Set(json.keys) == Set(Self.requiredKeys))
        #expect(json["model"] as? String == "linear-regression")
        #expect(json["task"] as? String == "regression")
        #expect(json["feature_names"] as? [String] == features)
        // Original units equal sklearn's fit on the raw data; scaled ones its fit on z-scored data.
        let weights = try #require(numbers(json["weights"]))
        let expected = try #require(numbers(raw["coef"]))
        #expect(weights.count == expected.count)
        for (ours, theirs) in zip(weights, expected) { #expect(abs(ours - theirs) <= 1e-6 * max(1, abs(theirs))) }
        let intercept = try #require((json["intercept"] as? NSNumber)?.doubleValue)
        let expectedIntercept = try #require((raw["intercept"] as? NSNumber)?.doubleValue)
        #expect(abs(intercept - expectedIntercept) <= 1e-6 * abs(expectedIntercept))
        let scaled = try #require(numbers(json["scaled_weights"]))
        for (ours, theirs) in zip(scaled, try #require(numbers(zscored["coef"]))) { #expect(abs(ours - theirs) <= 1e-6 * max(1, abs(theirs))) }
        let scaledIntercept = try #require((json["scaled_intercept"] as? NSNumber)?.doubleValue)
        #expect(abs(scaledIntercept - (zscored["intercept"] as! NSNumber).doubleValue) <= 1e-6)
        // Metrics on the rows fitted (all of them) equal sklearn's R^2 and MSE; there is no test set.
        let metrics = try #require(json["metrics"] as? [String: Any])
        let train = try #require(metrics["train"] as? [String: Any])
        #expect(abs((train["r2"] as! NSNumber).doubleValue - (raw["r2"] as! NSNumber).doubleValue) <= 1e-9)
        #expect(abs((train["mse"] as! NSNumber).doubleValue - (raw["mse"] as! NSNumber).doubleValue) <= 1e-6)
        #expect(metrics["test"] is NSNull)
        // The normal equation's final cost is the same half MSE gradient descent minimises.
        #expect(abs((json["final_cost"] as! NSNumber).doubleValue - (raw["mse"] as! NSNumber).doubleValue / 2) <= 1e-6)
        #expect(json["iterations_run"] is NSNull && json["cost_history"] is NSNull)
        #expect(json["diverged"] as? Bool == false)
        let data = try #require(json["data"] as? [String: Any])
        #expect(data["rows"] as? Int == 99 && data["train_rows"] as? Int == 99 && data["test_rows"] as? Int == 0)
        let hyperparameters = try #require(json["hyperparameters"] as? [String: Any])
        #expect(hyperparameters["solver"] as? String == "normal" && hyperparameters["scale"] as? String == "zscore")
    }

    @Test func gradientDescentReportsItsHistoryAndBothMetricSets() throws {
        let run = runFit(["linear-regression", "--data", datasetPath("houses.csv"), "--target", "price_1000usd",
                          "--iterations", "300", "--json"])
        #expect(run.exitCode == 0)
        let json = try run.json()
        #expect(json["iterations_run"] as? Int == 300)
        let history = try #require(json["cost_history"] as? [String: Any])
        let costs = try #require(numbers(history["costs"]))
        #expect(costs.count == 301 && history["unit"] as? String == "iteration")
        #expect(zip(costs, costs.dropFirst()).allSatisfy { $1 <= $0 }, "the cost never rises at this rate")
        #expect((json["final_cost"] as? NSNumber)?.doubleValue == costs.last)
        let metrics = try #require(json["metrics"] as? [String: Any])
        let test = try #require(metrics["test"] as? [String: Any])
        #expect(Set(test.keys) == ["r2", "mse", "rmse", "mae"])
        #expect((test["r2"] as! NSNumber).doubleValue > 0.8)
        #expect((json["data"] as? [String: Any])?["test_rows"] as? Int == 20)
    }

    @Test func softmaxOnIrisHasOneRowOfWeightsPerClass() throws {
        let run = runFit(["logistic-regression", "--data", datasetPath("iris.csv"), "--target", "species",
                          "--features", "petal_length_cm,petal_width_cm", "--json"])
        #expect(run.exitCode == 0)
        let json = try run.json()
        #expect(json["task"] as? String == "classification")
        #expect(json["classes"] as? [String] == ["0", "1", "2"])
        let weights = try #require(json["weights"] as? [[Double]])
        #expect(weights.count == 3 && weights.allSatisfy { $0.count == 2 })
        #expect(numbers(json["intercept"])?.count == 3)
        #expect((json["scaled_weights"] as? [[Double]])?.count == 3)
        let metrics = try #require(json["metrics"] as? [String: Any])
        let test = try #require(metrics["test"] as? [String: Any])
        let confusion = try #require(test["confusion_matrix"] as? [[Int]])
        #expect(confusion.joined().reduce(0, +) == 30)
        #expect(confusion.indices.allSatisfy { confusion[$0].reduce(0, +) == 10 }, "stratified: 10 test rows per class")
        #expect((test["accuracy"] as! NSNumber).doubleValue >= 0.9)
        #expect((test["log_loss"] as! NSNumber).doubleValue > 0)
    }

    @Test func treeAndNeighboursHaveNoWeightsButTheirOwnFacts() throws {
        let tree = try runFit(["decision-tree", "--data", datasetPath("wine.csv"), "--target", "cultivar",
                               "--max-depth", "3", "--json"]).json()
        #expect(tree["weights"] is NSNull && tree["intercept"] is NSNull && tree["scaled_weights"] is NSNull)
        let facts = try #require(tree["tree"] as? [String: Any])
        #expect(facts["depth"] as? Int == 3)
        let importances = try #require(numbers(facts["feature_importances"]))
        #expect(importances.count == 13 && abs(importances.reduce(0, +) - 1) < 1e-9)
        let knn = try runFit(["knn", "--data", datasetPath("diabetes.csv"), "--target", "progression",
                              "--neighbors", "9", "--json"]).json()
        #expect(knn["task"] as? String == "regression")
        #expect((knn["hyperparameters"] as? [String: Any])?["neighbors"] as? Int == 9)
        #expect(knn["tree"] is NSNull && knn["iterations_run"] is NSNull)
    }

    /// A linear SVM's weights in original units give the same decision as the trained machine.
    @Test func linearSupportVectorMachineReportsWeightsInOriginalUnits() throws {
        let run = runFit(["svm", "--data", datasetPath("ex2data1.csv"), "--target", "admitted", "--kernel", "linear",
                          "--c", "10", "--test-fraction", "0", "--json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let json = try run.json()
        let weights = try #require(numbers(json["weights"]))
        let intercept = try #require((json["intercept"] as? NSNumber)?.doubleValue)
        #expect(weights.count == 2 && weights.allSatisfy { $0 > 0 }, "both exam scores raise the chance of admission")
        // The boundary w . x + b = 0 in exam points: a student with 60 in exam 1 needs this much in exam 2.
        let needed = -(intercept + weights[0] * 60) / weights[1]
        #expect(needed > 60 && needed < 100, "\(needed)")
        let svm = try #require(json["svm"] as? [String: Any])
        #expect((svm["support_vectors"] as? Int ?? 0) > 2 && svm["machines"] as? Int == 1)
        let train = try #require((json["metrics"] as? [String: Any])?["train"] as? [String: Any])
        #expect((train["accuracy"] as! NSNumber).doubleValue >= 0.85)
        #expect((json["hyperparameters"] as? [String: Any])?["kernel"] as? String == "linear")
    }

    @Test func neuralNetworkRecordsTrainingAndTestLossPerEpoch() throws {
        let run = runFit(["neural-network", "--data", datasetPath("iris.csv"), "--target", "species", "--hidden", "8",
                          "--epochs", "40", "--learning-rate", "0.01", "--batch-size", "16", "--json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let json = try run.json()
        let history = try #require(json["cost_history"] as? [String: Any])
        let costs = try #require(numbers(history["costs"])), test = try #require(numbers(history["validation_costs"]))
        #expect(costs.count == 40 && test.count == 40 && history["unit"] as? String == "epoch")
        #expect(costs.last! < costs.first! / 2)
        #expect(json["epochs_run"] as? Int == 40 && json["weights"] is NSNull)
        #expect((json["hyperparameters"] as? [String: Any])?["hidden"] as? [Int] == [8])
    }
}
