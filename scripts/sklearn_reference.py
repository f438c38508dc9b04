#!/usr/bin/env python3
"""Reference numbers from scikit-learn for the Swift models' tests.

How to run (from the repository root):

    python3 -m pip install -r scripts/requirements-reference.txt
    python3 scripts/sklearn_reference.py

It reads the shipped CSVs in Sources/Models/Resources/datasets/ and writes
Tests/ModelsTests/Fixtures/sklearn_reference.json (pretty-printed, keys sorted,
floats written with Python's repr, i.e. the shortest text that reads back to the
same double). Running it twice gives the same bytes. The versions that produced
the committed fixture are pinned in scripts/requirements-reference.txt and
written into the fixture under "versions" (first run: Python 3.11.7,
scikit-learn 1.9.1, numpy 2.4.6, scipy 1.17.1).

Nothing in the fixture is typed by hand: every number comes from scikit-learn
(or, for the few "optimality" and "ties" diagnostics, from numpy code below
that evaluates our own cost function at scikit-learn's answer).

Conventions that every experiment follows, so Swift code can redo it exactly
without Python:

* Row indices are 0-based into the CSV's data rows (header excluded). Where
  rows are dropped (cars: empty fields) the experiment lists the dropped
  original rows, and its split indices count the rows that remain, in order.
* A split is sklearn.model_selection.train_test_split(np.arange(n_rows),
  test_size=..., random_state=..., stratify=labels or None); both index lists
  are then sorted ascending, the test list is written to the fixture, and the
  models are fitted on the training rows in ascending CSV order (training rows =
  every row not in the test list).
* "z-scored" means sklearn StandardScaler fitted on the training rows (or on
  all rows where there is no split): mean and population standard deviation
  (ddof = 0). The fitted mean and scale are written out.
* Classification metrics use pos_label = 1; confusion matrices are
  [[TN, FP], [FN, TP]] (rows = true class, columns = predicted class).

Solver settings: LinearRegression(tol=0) everywhere (its default tol = 1e-6
is a singular-value cut-off that silently returns a non-optimal cubic on the
cars data; see cars_polynomial.all_rows_raw_powers[].sklearn_default_tol_r2).
Logistic fits use newton-cholesky with tol 1e-10 (L-BFGS at the same tol left
gradients of our cost near 1e-7 on iris). SVC uses tol 1e-8.

Loss conventions (ours vs scikit-learn):

* Linear regression, ours: J = 1/(2m) sum(err^2) + lambda/(2m) ||w||^2 (the
  intercept b is not penalised). sklearn Ridge minimises
  sum(err^2) + alpha ||w||^2 (intercept not penalised either). Multiplying our
  J by 2m gives sklearn's objective, so alpha = lambda exactly.
* Logistic regression, ours: J = (1/m) sum(loss) + lambda/(2m) ||w||^2. sklearn
  minimises C sum(loss) + 0.5 ||w||^2 (internally: mean(loss) +
  1/(2 C m) ||w||^2). Multiplying our J by m/lambda gives sklearn's, so
  C = 1/lambda; C = inf (sklearn 1.8+'s way to say "no penalty") is lambda = 0.
  For the multinomial model the loss is the softmax cross-entropy over K
  classes with K weight rows (over-parameterised); the penalty covers all K
  rows. The intercepts are then only defined up to a common constant; gradient
  descent started from zero keeps their sum at zero, so "intercept_centered"
  (intercept minus its mean) is the value to compare.

Experiments (keys under "experiments"):

  houses            LinearRegression on raw and z-scored features, prediction
                    for the course's 1200 sqft / 3 bed / 1 floor / 40 years
                    house, Ridge for a few alphas.
  ex1data1          one-variable LinearRegression.
  anscombe          LinearRegression per series I-IV.
  cars_polynomial   Miles_per_Gallon ~ Horsepower, PolynomialFeatures 1-3 on
                    all complete rows, and train/validation MSE for degrees
                    1-10 on a fixed split (two scalings).
  diabetes          LinearRegression on 10 features; SGDRegressor (z-scored).
  ex2data1          unpenalised LogisticRegression, raw and z-scored.
  iris_logistic     multinomial LogisticRegression, all 4 features and petal
                    features only, several C.
  breast_cancer_logistic   stratified split, z-scored, C = 0.1, 1, 10: weights
                    and the usual classification metrics, ROC curve.
  iris_knn          KNeighborsClassifier on a fixed split, k x weights x metric.
  decision_trees    DecisionTreeClassifier (gini/entropy, depths 1-5 and
                    unlimited) on iris and breast cancer, a DecisionTreeRegressor
                    on ex1data1, full node arrays for two small trees.
  svm_linear_iris   linear SVC, setosa vs versicolor on petal features.
  svm_rbf_moons     RBF SVC on a two-moons set stored in the fixture.
  svm_rbf_breast_cancer    RBF SVC on z-scored breast cancer.
  mlp_digits        MLPClassifier on digits (pixels / 16), several seeds.
  mlp_moons         MLPClassifier on the stored moons, several seeds.
  metrics           hand-picked vectors (with ties) through sklearn.metrics.
"""

import csv
import hashlib
import json
import os
import platform
import sys
import warnings

import numpy as np
import scipy
import sklearn
from sklearn.datasets import make_moons
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge, SGDRegressor
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    log_loss,
    mean_absolute_error,
    mean_squared_error,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
    roc_curve,
)
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import PolynomialFeatures, StandardScaler
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATASETS = os.path.join(ROOT, "Sources", "Models", "Resources", "datasets")
OUTPUT = os.path.join(ROOT, "Tests", "ModelsTests", "Fixtures", "sklearn_reference.json")

# Tight solver settings, so the reference is the true optimum that our
# gradient descent converges to. Logistic fits use Newton's method
# (newton-cholesky): with tol 1e-10 L-BFGS still stopped with gradients of
# our cost around 1e-7 on iris, Newton reaches 1e-11 or less (the objective
# is the same; "optimality_max_abs_gradient" records what was reached).
LOGISTIC_SOLVER = "newton-cholesky"
SOLVER_TOL = 1e-10
SOLVER_MAX_ITER = 100_000
# LinearRegression's `tol` (default 1e-6) is the singular-value cut-off of its
# least-squares solve: a centred design whose condition number passes 1e6 (the
# cars cubic on raw horsepower powers) silently loses a direction and returns a
# worse fit than the quadratic. 0 keeps every singular value, i.e. the true
# least-squares answer.
LINEAR_TOL = 0.0


# ---------------------------------------------------------------- helpers

def floats(values):
    """A flat list of Python floats (repr keeps full precision)."""
    return [float(v) for v in np.ravel(values)]


def matrix(values):
    """A list of rows of Python floats."""
    return [[float(v) for v in row] for row in np.atleast_2d(np.asarray(values, dtype=float))]


def ints(values):
    return [int(v) for v in np.ravel(values)]


class Dataset:
    """One CSV: header, text rows, and numeric columns on request."""

    def __init__(self, name):
        self.name = name
        self.path = os.path.join(DATASETS, name + ".csv")
        with open(self.path, newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        self.header = rows[0]
        self.rows = rows[1:]
        with open(self.path, "rb") as handle:
            self.sha256 = hashlib.sha256(handle.read()).hexdigest()

    def column_index(self, name):
        return self.header.index(name)

    def numeric(self, columns, rows=None):
        """Float matrix of the named columns for the given row indices (all by default)."""
        indices = [self.column_index(c) for c in columns]
        chosen = range(len(self.rows)) if rows is None else rows
        return np.array([[float(self.rows[r][i]) for i in indices] for r in chosen], dtype=float)

    def complete_rows(self, columns):
        """Indices of rows where none of the named columns is empty."""
        indices = [self.column_index(c) for c in columns]
        return [r for r, row in enumerate(self.rows) if all(row[i] != "" for i in indices)]

    def describe(self):
        return {"file": self.name + ".csv", "data_rows": len(self.rows), "columns": self.header,
                "sha256": self.sha256}


DATASET_CACHE = {}


def dataset(name):
    if name not in DATASET_CACHE:
        DATASET_CACHE[name] = Dataset(name)
    return DATASET_CACHE[name]


def split(n_rows, test_size, random_state, stratify=None):
    """Sorted train and test row indices, by the documented rule."""
    train, test = train_test_split(np.arange(n_rows), test_size=test_size,
                                   random_state=random_state, stratify=stratify)
    train, test = np.sort(train), np.sort(test)
    record = {
        "rule": "train_test_split(np.arange(n_rows), test_size, random_state, stratify), "
                "indices sorted; train = all rows not in test, ascending",
        "n_rows": int(n_rows), "test_size": test_size, "random_state": random_state,
        "stratified": stratify is not None, "n_train": int(len(train)), "n_test": int(len(test)),
        "test_indices": ints(test),
    }
    return train, test, record


def scaler_record(scaler, fitted_on):
    return {"kind": "StandardScaler (mean, population std, ddof=0)", "fitted_on": fitted_on,
            "mean": floats(scaler.mean_), "scale": floats(scaler.scale_)}


def regression_metrics(y, prediction):
    return {"r2": float(r2_score(y, prediction)), "mse": float(mean_squared_error(y, prediction))}


def linear_fit(X, y):
    model = LinearRegression(tol=LINEAR_TOL).fit(X, y)
    prediction = model.predict(X)
    return model, {"coef": floats(model.coef_), "intercept": float(model.intercept_),
                   **regression_metrics(y, prediction), "rank": int(model.rank_)}


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def logistic_gradient_max_abs(X, y, coef, intercept, lam):
    """Largest |dJ/dtheta| of OUR binary cost at the given parameters (numpy)."""
    m = X.shape[0]
    residual = sigmoid(X @ coef + intercept) - y
    grad_w = X.T @ residual / m + lam / m * coef
    grad_b = residual.mean()
    return float(max(np.max(np.abs(grad_w)), abs(grad_b)))


def softmax_gradient_max_abs(X, y, coef, intercept, lam):
    """Largest |dJ/dtheta| of OUR softmax cost at the given parameters (numpy)."""
    m = X.shape[0]
    logits = X @ coef.T + intercept
    logits -= logits.max(axis=1, keepdims=True)
    probabilities = np.exp(logits)
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    onehot = np.eye(coef.shape[0])[y.astype(int)]
    residual = probabilities - onehot
    grad_w = residual.T @ X / m + lam / m * coef
    grad_b = residual.mean(axis=0)
    return float(max(np.max(np.abs(grad_w)), np.max(np.abs(grad_b))))


def logistic(C, solver=LOGISTIC_SOLVER):
    return LogisticRegression(C=C, solver=solver, tol=SOLVER_TOL, max_iter=SOLVER_MAX_ITER)


def c_record(C):
    """C and our lambda = 1/C; JSON has no infinity, so 'no penalty' is null / 0."""
    if np.isinf(C):
        return {"C": None, "lambda": 0.0, "penalty": "none (C = inf)"}
    return {"C": float(C), "lambda": float(1.0 / C), "penalty": "l2"}


def binary_classification_metrics(y, prediction):
    return {
        "accuracy": float(accuracy_score(y, prediction)),
        "precision": float(precision_score(y, prediction, zero_division=0.0)),
        "recall": float(recall_score(y, prediction, zero_division=0.0)),
        "f1": float(f1_score(y, prediction, zero_division=0.0)),
        "confusion_matrix": [ints(row) for row in confusion_matrix(y, prediction, labels=[0, 1])],
    }


def roc_record(y, score):
    """ROC points both with sklearn's default corner-dropping and without.

    sklearn's first threshold is +inf (the (0, 0) corner); JSON has no
    infinity, so it is written as null.
    """
    record = {}
    for drop in (True, False):
        fpr, tpr, thresholds = roc_curve(y, score, drop_intermediate=drop)
        record["drop_intermediate" if drop else "all_thresholds"] = {
            "fpr": floats(fpr), "tpr": floats(tpr),
            "thresholds": [None if np.isinf(t) else float(t) for t in thresholds],
        }
    record["auc"] = float(roc_auc_score(y, score))
    return record


# ------------------------------------------------------------ experiments

def houses():
    data = dataset("houses")
    features = ["size_sqft", "bedrooms", "floors", "age_years"]
    target = "price_1000usd"
    X, y = data.numeric(features), data.numeric([target]).ravel()
    example = np.array([[1200.0, 3.0, 1.0, 40.0]])

    raw_model, raw = linear_fit(X, y)
    raw["predictions_first_5_rows"] = floats(raw_model.predict(X[:5]))
    raw["example_prediction"] = float(raw_model.predict(example)[0])

    scaler = StandardScaler().fit(X)
    Z = scaler.transform(X)
    z_model, scaled = linear_fit(Z, y)
    scaled["scaler"] = scaler_record(scaler, "all rows")
    scaled["predictions_first_5_rows"] = floats(z_model.predict(Z[:5]))
    scaled["example_z"] = floats(scaler.transform(example))
    scaled["example_prediction"] = float(z_model.predict(scaler.transform(example))[0])

    ridge = []
    for features_kind, design in (("z-scored", Z), ("raw", X)):
        for alpha in (1.0, 10.0):
            model = Ridge(alpha=alpha, solver="cholesky").fit(design, y)
            prediction = model.predict(design)
            # Our cost's gradient at sklearn's answer with lambda = alpha: zero if the mapping holds.
            m = len(y)
            error = prediction - y
            gradient = np.append(design.T @ error / m + alpha / m * model.coef_, error.mean())
            ridge.append({"features": features_kind, "alpha": alpha, "lambda": alpha,
                          "coef": floats(model.coef_), "intercept": float(model.intercept_),
                          **regression_metrics(y, prediction),
                          "predictions_first_5_rows": floats(prediction[:5]),
                          "optimality_max_abs_gradient": float(np.max(np.abs(gradient)))})

    return {
        "dataset": "houses", "features": features, "target": target, "rows": "all 99",
        "example_house": {"features": features, "values": floats(example)},
        "linear_raw": raw, "linear_zscored": scaled,
        "ridge": ridge,
        "ridge_note": "sklearn Ridge(alpha, solver='cholesky') minimises sum(err^2) + alpha*||w||^2; "
                      "ours J = 1/(2m) sum(err^2) + lambda/(2m) ||w||^2 is that divided by 2m, so "
                      "lambda = alpha. z-scored ridge uses the same scaler as linear_zscored.",
    }


def ex1data1():
    data = dataset("ex1data1")
    X, y = data.numeric(["population_10k"]), data.numeric(["profit_10k_usd"]).ravel()
    model, record = linear_fit(X, y)
    queries = np.array([[3.5], [7.0]])
    record.update({"dataset": "ex1data1", "features": ["population_10k"],
                   "target": "profit_10k_usd",
                   "query_populations": floats(queries),
                   "query_predictions": floats(model.predict(queries))})
    return record


def anscombe():
    data = dataset("anscombe")
    series_column = data.column_index("series")
    result = []
    for series in ("I", "II", "III", "IV"):
        rows = [r for r, row in enumerate(data.rows) if row[series_column] == series]
        X, y = data.numeric(["x"], rows), data.numeric(["y"], rows).ravel()
        _, record = linear_fit(X, y)
        result.append({"series": series, "rows": ints(rows), "slope": record["coef"][0],
                       "intercept": record["intercept"], "r2": record["r2"], "mse": record["mse"]})
    return {"dataset": "anscombe", "feature": "x", "target": "y", "series": result}


def cars_polynomial():
    data = dataset("cars")
    feature, target = "Horsepower", "Miles_per_Gallon"
    kept = data.complete_rows([feature, target])
    dropped = [r for r in range(len(data.rows)) if r not in set(kept)]
    hp = data.numeric([feature], kept)
    y = data.numeric([target], kept).ravel()
    queries = np.array([[50.0], [100.0], [150.0], [200.0]])

    all_rows = []
    for degree in (1, 2, 3):
        poly = PolynomialFeatures(degree=degree, include_bias=False)
        model, record = linear_fit(poly.fit_transform(hp), y)
        record["degree"] = degree
        # What LinearRegression() with its default tol = 1e-6 gives on the same design.
        default = LinearRegression().fit(poly.transform(hp), y)
        record["sklearn_default_tol_r2"] = float(default.score(poly.transform(hp), y))
        record["sklearn_default_tol_rank"] = int(default.rank_)
        record["query_predictions"] = floats(model.predict(poly.transform(queries)))
        all_rows.append(record)

    train, test, split_record = split(len(kept), test_size=0.3, random_state=0)
    curves = {}
    for variant in ("zscored_powers_of_raw_hp", "powers_of_zscored_hp"):
        points = []
        for degree in range(1, 11):
            poly = PolynomialFeatures(degree=degree, include_bias=False)
            if variant == "zscored_powers_of_raw_hp":
                powers = poly.fit_transform(hp)
                scaler = StandardScaler().fit(powers[train])
                design = scaler.transform(powers)
            else:
                scaler = StandardScaler().fit(hp[train])
                design = poly.fit_transform(scaler.transform(hp))
            model = LinearRegression(tol=LINEAR_TOL).fit(design[train], y[train])
            with_bias = np.hstack([np.ones((len(train), 1)), design[train]])
            points.append({
                "degree": degree,
                "train_mse": float(mean_squared_error(y[train], model.predict(design[train]))),
                "validation_mse": float(mean_squared_error(y[test], model.predict(design[test]))),
                "coef": floats(model.coef_), "intercept": float(model.intercept_),
                "scaler": scaler_record(scaler, "training rows"),
                "design_condition_number": float(np.linalg.cond(with_bias)),
            })
        curves[variant] = points

    return {
        "dataset": "cars", "feature": feature, "target": target,
        "row_dropping": "rows with an empty Horsepower or Miles_per_Gallon are dropped",
        "dropped_rows": dropped, "n_rows_kept": len(kept),
        "polynomial": "PolynomialFeatures(degree, include_bias=False): columns hp, hp^2, ..., hp^degree",
        "all_rows_raw_powers": all_rows,
        "query_horsepower": floats(queries),
        "all_rows_note": "Fitted with LinearRegression(tol=0). sklearn_default_tol_r2 is what "
                         "LinearRegression() with its default tol = 1e-6 (a singular-value cut-off) "
                         "returns on the same raw powers: at degree 3 it drops a direction and "
                         "scores below the quadratic, which a nested model cannot truly do.",
        "split": split_record,
        "validation_curve": curves,
        "validation_curve_note": "LinearRegression (least squares) on the training rows. "
            "zscored_powers_of_raw_hp: powers of raw hp, each column z-scored on the training rows "
            "(scaler per degree, one mean/scale per power). powers_of_zscored_hp: hp z-scored on the "
            "training rows, then raised to powers, no further scaling. High degrees are badly "
            "conditioned (see design_condition_number, intercept column included); compare MSEs with "
            "a tolerance that grows with it, and coefficients only at low degree.",
    }


def diabetes():
    data = dataset("diabetes")
    features = data.header[:-1]
    target = "progression"
    X, y = data.numeric(features), data.numeric([target]).ravel()
    _, linear = linear_fit(X, y)

    scaler = StandardScaler().fit(X)
    Z = scaler.transform(X)
    settings = {"loss": "squared_error", "penalty": None, "alpha": 0.0, "learning_rate": "invscaling",
                "eta0": 0.01, "power_t": 0.25, "max_iter": 1000, "tol": 1e-6, "n_iter_no_change": 5,
                "early_stopping": False, "shuffle": True, "random_state": 0, "fit_intercept": True,
                "average": False}
    sgd = SGDRegressor(**settings).fit(Z, y)
    _, linear_z = linear_fit(Z, y)
    return {
        "dataset": "diabetes", "features": features, "target": target, "rows": "all 442",
        "linear_raw": linear,
        "linear_zscored": {**linear_z, "scaler": scaler_record(scaler, "all rows")},
        "sgd_zscored": {
            "settings": settings,
            "coef": floats(sgd.coef_), "intercept": float(sgd.intercept_[0]),
            "n_iter": int(sgd.n_iter_), "t": float(sgd.t_),
            **regression_metrics(y, sgd.predict(Z)),
            "note": "SGDRegressor's result depends on its own shuffling; compare only R^2 (and "
                    "coefficients loosely) against linear_zscored and this value within a tolerance. "
                    "invscaling: eta = eta0 / t^power_t, t counting sample updates from 1; an epoch "
                    "stops training when the epoch's summed loss has failed to improve on the best by "
                    "tol * n_samples for n_iter_no_change epochs in a row.",
        },
    }


def ex2data1():
    data = dataset("ex2data1")
    features = ["exam1_score", "exam2_score"]
    X, y = data.numeric(features), data.numeric(["admitted"]).ravel()
    query = np.array([[45.0, 85.0]])
    result = {"dataset": "ex2data1", "features": features, "target": "admitted",
              "rows": "all 100", "query_scores": floats(query)}
    scaler = StandardScaler().fit(X)
    for name, design, query_design, solver in (
            ("raw", X, query, LOGISTIC_SOLVER),
            ("zscored", scaler.transform(X), scaler.transform(query), LOGISTIC_SOLVER)):
        model = logistic(np.inf, solver).fit(design, y)
        probability = model.predict_proba(design)[:, 1]
        record = {
            "solver": solver, "tol": SOLVER_TOL, "max_iter": SOLVER_MAX_ITER, **c_record(np.inf),
            "coef": floats(model.coef_[0]), "intercept": float(model.intercept_[0]),
            "n_iter": int(model.n_iter_[0]),
            "accuracy": float(accuracy_score(y, model.predict(design))),
            "log_loss": float(log_loss(y, probability)),
            "query_probability": float(model.predict_proba(query_design)[0, 1]),
            "optimality_max_abs_gradient": logistic_gradient_max_abs(
                design, y, model.coef_[0], model.intercept_[0], 0.0),
        }
        if name == "zscored":
            record["scaler"] = scaler_record(scaler, "all rows")
        result[name] = record
    result["note"] = ("Unpenalised (C = inf). optimality_max_abs_gradient is our cost's gradient "
                      "at sklearn's answer (numpy).")
    return result


def iris_logistic():
    data = dataset("iris")
    all_features = data.header[:4]
    y = data.numeric(["species"]).ravel().astype(int)
    fits = []
    for feature_set, features in (("all", all_features),
                                  ("petal", ["petal_length_cm", "petal_width_cm"])):
        X = data.numeric(features)
        for C in (0.1, 1.0, 10.0, 100.0):
            model = logistic(C).fit(X, y)
            probabilities = model.predict_proba(X)
            prediction = model.predict(X)
            fits.append({
                "feature_set": feature_set, "features": features, **c_record(C),
                "solver": LOGISTIC_SOLVER, "tol": SOLVER_TOL, "max_iter": SOLVER_MAX_ITER,
                "n_iter": int(np.max(model.n_iter_)),
                "coef": matrix(model.coef_), "intercept": floats(model.intercept_),
                "intercept_centered": floats(model.intercept_ - model.intercept_.mean()),
                "accuracy": float(accuracy_score(y, prediction)),
                "log_loss": float(log_loss(y, probabilities)),
                "predictions": ints(prediction),
                "probabilities_first_row_of_each_class": matrix(probabilities[[0, 50, 100]]),
                "optimality_max_abs_gradient": softmax_gradient_max_abs(
                    X, y, model.coef_, model.intercept_, 1.0 / C),
            })
    return {"dataset": "iris", "target": "species", "rows": "all 150, no split, raw features (cm)",
            "model": "multinomial (softmax) LogisticRegression, coef is K x n (one row per class)",
            "fits": fits}


def breast_cancer_logistic():
    data = dataset("breast_cancer")
    features = data.header[:-1]
    X, y = data.numeric(features), data.numeric(["benign"]).ravel().astype(int)
    train, test, split_record = split(len(y), test_size=0.25, random_state=0, stratify=y)
    scaler = StandardScaler().fit(X[train])
    Z = scaler.transform(X)
    fits = []
    for C in (0.1, 1.0, 10.0):
        model = logistic(C).fit(Z[train], y[train])
        test_probability = model.predict_proba(Z[test])[:, 1]
        test_metrics = binary_classification_metrics(y[test], model.predict(Z[test]))
        fits.append({
            **c_record(C), "solver": LOGISTIC_SOLVER, "tol": SOLVER_TOL, "max_iter": SOLVER_MAX_ITER,
            "n_iter": int(model.n_iter_[0]),
            "coef": floats(model.coef_[0]), "intercept": float(model.intercept_[0]),
            "train_accuracy": float(accuracy_score(y[train], model.predict(Z[train]))),
            "train_log_loss": float(log_loss(y[train], model.predict_proba(Z[train])[:, 1])),
            "test": {**test_metrics, "log_loss": float(log_loss(y[test], test_probability))},
            "roc_test": roc_record(y[test], test_probability),
            "test_probabilities": floats(test_probability),
            "optimality_max_abs_gradient": logistic_gradient_max_abs(
                Z[train], y[train], model.coef_[0], model.intercept_[0], 1.0 / C),
        })
    return {"dataset": "breast_cancer", "features": features, "target": "benign",
            "positive_class": "1 = benign (sklearn's coding)",
            "split": split_record, "scaler": scaler_record(scaler, "training rows"),
            "fits": fits}


def knn_vote(counts, weights_sum, weights):
    """The class sklearn's KNeighborsClassifier picks from per-class counts or weight sums
    (argmax, so an exact tie goes to the smallest label)."""
    return int(np.argmax(counts if weights == "uniform" else weights_sum))


def knn_tie_dependent_rows(X_train, y_train, X_test, test_rows, k, metric, weights, n_classes):
    """Test rows whose prediction depends on which of several equally far training rows fill
    the last neighbour places (numpy, by enumerating every way to fill them)."""
    ambiguous = []
    for i, x in enumerate(X_test):
        difference = np.abs(X_train - x)
        distance = difference.sum(axis=1) if metric == "manhattan" else np.sqrt((difference ** 2).sum(axis=1))
        order = np.argsort(distance, kind="stable")
        kth = distance[order[k - 1]]
        near = np.abs(distance - kth) <= 1e-9 * max(1.0, kth)
        inside = order[:k][~near[order[:k]]]          # certainly among the k nearest
        tied = np.nonzero(near)[0]                    # compete for the remaining places
        places = k - len(inside)
        if len(tied) == places:
            continue
        inside_counts = np.bincount(y_train[inside], minlength=n_classes)
        tied_counts = np.bincount(y_train[tied], minlength=n_classes)
        zero = distance[inside] <= 0
        outcomes = set()
        for take in np.ndindex(*(tied_counts + 1)):
            if sum(take) != places:
                continue
            counts = inside_counts + np.array(take)
            if weights == "distance":
                if np.any(zero) or kth <= 0:
                    # sklearn: neighbours at distance 0 share all the weight.
                    zero_counts = np.bincount(y_train[inside][zero], minlength=n_classes)
                    if kth <= 0:
                        zero_counts = zero_counts + np.array(take)
                    outcomes.add(knn_vote(None, zero_counts, "distance"))
                    continue
                sums = np.bincount(y_train[inside], weights=1.0 / distance[inside], minlength=n_classes)
                outcomes.add(knn_vote(None, sums + np.array(take) / kth, "distance"))
            else:
                outcomes.add(knn_vote(counts, None, "uniform"))
        if len(outcomes) > 1:
            ambiguous.append(int(test_rows[i]))
    return ambiguous


def iris_knn():
    data = dataset("iris")
    features = data.header[:4]
    X, y = data.numeric(features), data.numeric(["species"]).ravel().astype(int)
    train, test, split_record = split(len(y), test_size=0.3, random_state=0, stratify=y)
    fits = []
    for metric in ("euclidean", "manhattan"):
        for k in (1, 3, 5, 7, 15):
            for weights in ("uniform", "distance"):
                model = KNeighborsClassifier(n_neighbors=k, weights=weights, metric=metric,
                                             algorithm="brute").fit(X[train], y[train])
                prediction = model.predict(X[test])
                record = {"k": k, "weights": weights, "metric": metric,
                          "test_accuracy": float(accuracy_score(y[test], prediction)),
                          "train_accuracy": float(accuracy_score(y[train], model.predict(X[train]))),
                          "test_predictions": ints(prediction),
                          "test_rows_depending_on_distance_ties": knn_tie_dependent_rows(
                              X[train], y[train], X[test], test, k, metric, weights, 3)}
                if weights == "uniform":
                    _, neighbours = model.kneighbors(X[test])
                    votes = np.array([np.bincount(y[train][n], minlength=3) for n in neighbours])
                    top = votes.max(axis=1)
                    record["test_rows_with_vote_tie"] = [
                        int(test[i]) for i in range(len(test)) if np.sum(votes[i] == top[i]) > 1]
                fits.append(record)
    return {"dataset": "iris", "features": features, "target": "species",
            "preprocessing": "none (raw cm)", "algorithm": "brute",
            "split": split_record, "fits": fits,
            "note": "test_predictions follow split.test_indices. train_accuracy predicts the "
                    "training rows themselves (each is its own nearest neighbour at distance 0). "
                    "With weights='distance' sklearn gives neighbours at distance 0 all the weight. "
                    "Uniform vote ties (test_rows_with_vote_tie, sklearn's own neighbours) go to the "
                    "smallest class label. Iris has one decimal, so many training rows are equally "
                    "far; test_rows_depending_on_distance_ties (numpy) lists the rows whose "
                    "prediction changes with the choice among equally far rows for the last places: "
                    "compare predictions exactly on all other rows."}


def tree_nodes(tree, feature_names):
    """All nodes of a fitted sklearn tree, in sklearn's (depth-first, preorder) node order."""
    t = tree.tree_
    nodes = []
    for node in range(t.node_count):
        leaf = t.children_left[node] == -1
        nodes.append({
            "id": node,
            "left": None if leaf else int(t.children_left[node]),
            "right": None if leaf else int(t.children_right[node]),
            "feature": None if leaf else int(t.feature[node]),
            "feature_name": None if leaf else feature_names[t.feature[node]],
            "threshold": None if leaf else float(t.threshold[node]),
            "impurity": float(t.impurity[node]),
            "n_samples": int(t.n_node_samples[node]),
            "value": floats(t.value[node]),
        })
    return nodes


def root_record(model, feature_names):
    t = model.tree_
    record = {"root_impurity": float(t.impurity[0]), "root_n_samples": int(t.n_node_samples[0])}
    if t.node_count > 1:
        left, right = t.children_left[0], t.children_right[0]
        n = t.weighted_n_node_samples
        decrease = t.impurity[0] - (n[left] * t.impurity[left] + n[right] * t.impurity[right]) / n[0]
        record.update({"root_feature": int(t.feature[0]),
                       "root_feature_name": feature_names[t.feature[0]],
                       "root_threshold": float(t.threshold[0]),
                       "root_impurity_decrease": float(decrease),
                       "left_n_samples": int(n[left]), "right_n_samples": int(n[right])})
    return record


def per_feature_root_splits(estimator, X, y, feature_names):
    """The best root split on each feature alone (a depth-1 sklearn tree per column)."""
    result = []
    for j, name in enumerate(feature_names):
        model = estimator().fit(X[:, [j]], y)
        record = root_record(model, [name])
        record.pop("root_feature", None)
        record.pop("root_feature_name", None)
        result.append({"feature": j, "feature_name": name, **record})
    return result


def decision_trees():
    experiments = []
    # Same splits as iris_knn and breast_cancer_logistic.
    for name, target, test_size, features_of in (
            ("iris", "species", 0.3, lambda d: d.header[:4]),
            ("breast_cancer", "benign", 0.25, lambda d: d.header[:-1])):
        data = dataset(name)
        features = features_of(data)
        X, y = data.numeric(features), data.numeric([target]).ravel().astype(int)
        train, test, split_record = split(len(y), test_size=test_size, random_state=0, stratify=y)
        fits = []
        for criterion in ("gini", "entropy"):
            for depth in (1, 2, 3, 4, 5, None):
                model = DecisionTreeClassifier(criterion=criterion, max_depth=depth,
                                               random_state=0).fit(X[train], y[train])
                fit = {"criterion": criterion, "max_depth": depth,
                       **root_record(model, features),
                       "train_accuracy": float(accuracy_score(y[train], model.predict(X[train]))),
                       "test_accuracy": float(accuracy_score(y[test], model.predict(X[test]))),
                       "n_leaves": int(model.get_n_leaves()), "depth": int(model.get_depth())}
                if depth == 3:
                    fit["feature_importances"] = floats(model.feature_importances_)
                if depth == 2 and criterion == "gini":
                    fit["nodes"] = tree_nodes(model, features)
                fits.append(fit)
        root_candidates = {
            criterion: per_feature_root_splits(
                lambda c=criterion: DecisionTreeClassifier(criterion=c, max_depth=1, random_state=0),
                X[train], y[train], features)
            for criterion in ("gini", "entropy")}
        experiments.append({"dataset": name, "features": features, "target": target,
                            "preprocessing": "none (raw values)", "random_state": 0,
                            "split": split_record, "fits": fits,
                            "root_split_per_feature": root_candidates})

    data = dataset("ex1data1")
    X, y = data.numeric(["population_10k"]), data.numeric(["profit_10k_usd"]).ravel()
    regressors = []
    for depth in (1, 2):
        model = DecisionTreeRegressor(criterion="squared_error", max_depth=depth, random_state=0).fit(X, y)
        regressors.append({"max_depth": depth, **root_record(model, ["population_10k"]),
                           "r2": float(r2_score(y, model.predict(X))),
                           "nodes": tree_nodes(model, ["population_10k"])})
    return {
        "classifiers": experiments,
        "regressor": {"dataset": "ex1data1", "features": ["population_10k"], "target": "profit_10k_usd",
                      "rows": "all 97", "criterion": "squared_error", "fits": regressors},
        "note": "Entropy is in bits (log base 2). Impurity of a regression node is the population "
                "variance of its targets (MSE around the node mean). sklearn casts X to float32 before "
                "searching splits, so a threshold is the float32 midpoint of two neighbouring values, "
                "widened to double (iris 2.45 is 2.4500000476837158): compare thresholds with a "
                "~1e-6 relative tolerance, or check which training values fall on each side. "
                "Equal-gain splits on different features (iris: petal length and petal width both "
                "isolate setosa) are broken by sklearn's random feature order (random_state), so "
                "root_split_per_feature lists each feature's best root split; deeper trees can differ "
                "in structure for the same reason. feature_importances is given at max_depth 3 and "
                "nodes (sklearn's preorder node arrays; value = class fractions for classifiers, mean "
                "for regressors) for the depth-2 gini tree.",
    }


def intercept_interval(X, y, w, dual_coef, support, C):
    """[low, high] of the intercepts b that satisfy the KKT conditions for this w (numpy).

    alpha = 0 needs y f >= 1, alpha = C needs y f <= 1, 0 < alpha < C needs y f = 1. When no
    alpha is free, b is not unique and libsvm reports the middle of this interval.
    """
    signs = np.where(y == 1, 1.0, -1.0)
    alpha = np.zeros(len(y))
    alpha[support] = np.abs(dual_coef)
    wx = X @ w
    low, high = -np.inf, np.inf
    for i in range(len(y)):
        bound = signs[i] - wx[i]  # y f = 1 exactly at b = bound (signs are +-1)
        at_lower = alpha[i] <= 1e-9 * C
        at_upper = alpha[i] >= C * (1 - 1e-9)
        wants_above = (at_lower and signs[i] > 0) or (at_upper and signs[i] < 0)
        wants_below = (at_lower and signs[i] < 0) or (at_upper and signs[i] > 0)
        if not at_lower and not at_upper:
            wants_above = wants_below = True
        if wants_above:
            low = max(low, bound)
        if wants_below:
            high = min(high, bound)
    # With a free alpha the interval is a single point; solver tolerance can leave the two ends
    # a hair apart in either order, so they are returned sorted.
    return sorted([float(low), float(high)])


def svm_linear_iris():
    data = dataset("iris")
    features = ["petal_length_cm", "petal_width_cm"]
    y_all = data.numeric(["species"]).ravel().astype(int)
    rows = [r for r in range(len(y_all)) if y_all[r] in (0, 1)]
    X, y = data.numeric(features, rows), y_all[rows]
    fits = []
    for C in (1.0, 1e6):
        model = SVC(kernel="linear", C=C, tol=1e-8, max_iter=-1).fit(X, y)
        w = model.coef_[0]
        decision = model.decision_function(X)
        support = model.support_
        fits.append({
            "b_interval": intercept_interval(X, y, w, model.dual_coef_[0], support, C),
            "C": C, "support_indices": ints(support),
            "support_vectors": matrix(model.support_vectors_),
            "n_support_per_class": ints(model.n_support_),
            "dual_coef": floats(model.dual_coef_[0]),
            "w": floats(w), "b": float(model.intercept_[0]),
            "margin_width": float(2.0 / np.linalg.norm(w)),
            "decision_at_support_vectors": floats(decision[support]),
            "train_accuracy": float(accuracy_score(y, model.predict(X))),
            "hinge_loss_mean": float(np.mean(np.maximum(0.0, 1.0 - np.where(y == 1, 1.0, -1.0) * decision))),
        })
    return {"dataset": "iris", "rows": "species 0 (setosa) and 1 (versicolor): CSV rows 0-99",
            "row_indices": ints(rows), "features": features, "target": "species",
            "preprocessing": "none (raw cm)", "kernel": "linear", "tol": 1e-8, "fits": fits,
            "note": "Labels: class 1 (versicolor) is +1, class 0 (setosa) is -1; decision = w.x + b. "
                    "b_interval (numpy, KKT conditions) is the range of valid b for this w: a single "
                    "point when some alpha is strictly between 0 and C; with C = 1 both support "
                    "vectors sit at alpha = C, so any b in the interval is optimal and libsvm "
                    "reports its middle. "
                    "dual_coef = alpha_i * y_i for each support vector. Petal features repeat, so "
                    "equal points can share the support-vector role; compare support vectors by "
                    "coordinates and w, b and the margin numerically."}


def moons_data():
    X, y = make_moons(n_samples=200, noise=0.25, random_state=0)
    return X, y, {"generator": "sklearn.datasets.make_moons(n_samples=200, noise=0.25, random_state=0)",
                  "x": matrix(X), "y": ints(y)}


def svm_rbf_moons():
    X, y, moons = moons_data()
    probes = np.array([[0.0, 0.0], [1.0, 0.5], [-1.0, 0.5], [2.0, -0.5], [0.5, 0.25]])
    fits = []
    for C, gamma in ((1.0, 0.5), (1.0, 2.0), (10.0, 2.0), (100.0, 10.0), (1000.0, 50.0)):
        model = SVC(kernel="rbf", C=C, gamma=gamma, tol=1e-8, max_iter=-1).fit(X, y)
        fits.append({"C": C, "gamma": gamma,
                     "train_accuracy": float(accuracy_score(y, model.predict(X))),
                     "n_support": int(len(model.support_)),
                     "n_support_per_class": ints(model.n_support_),
                     "support_indices": ints(model.support_),
                     "dual_coef": floats(model.dual_coef_[0]), "b": float(model.intercept_[0]),
                     "decision_at_probes": floats(model.decision_function(probes))})
    return {"data": moons, "kernel": "rbf: K(a, b) = exp(-gamma ||a - b||^2)", "tol": 1e-8,
            "preprocessing": "none", "probes": matrix(probes), "fits": fits,
            "note": "Labels: class 1 is +1. dual_coef = alpha_i * y_i."}


def svm_rbf_breast_cancer():
    data = dataset("breast_cancer")
    features = data.header[:-1]
    X, y = data.numeric(features), data.numeric(["benign"]).ravel().astype(int)
    train, test, split_record = split(len(y), test_size=0.25, random_state=0, stratify=y)
    scaler = StandardScaler().fit(X[train])
    Z = scaler.transform(X)
    gamma = float(1.0 / (Z.shape[1] * Z[train].var()))
    fits = []
    for C in (1.0, 10.0):
        model = SVC(kernel="rbf", C=C, gamma=gamma, tol=1e-8, max_iter=-1).fit(Z[train], y[train])
        fits.append({"C": C, "gamma": gamma,
                     "train_accuracy": float(accuracy_score(y[train], model.predict(Z[train]))),
                     "test_accuracy": float(accuracy_score(y[test], model.predict(Z[test]))),
                     "n_support": int(len(model.support_)),
                     "test_predictions": ints(model.predict(Z[test]))})
    return {"dataset": "breast_cancer", "features": features, "target": "benign",
            "split": split_record, "scaler": scaler_record(scaler, "training rows"),
            "gamma_rule": "sklearn gamma='scale' = 1 / (n_features * variance of all training "
                          "entries) after z-scoring (which is 1/30 up to rounding); passed explicitly",
            "tol": 1e-8, "fits": fits}


def mlp_digits():
    data = dataset("digits")
    features = data.header[:-1]
    X = data.numeric(features) / 16.0
    y = data.numeric(["digit"]).ravel().astype(int)
    train, test, split_record = split(len(y), test_size=0.25, random_state=0, stratify=y)
    configurations = []
    for hidden in ((64,), (64, 64)):
        settings = {"hidden_layer_sizes": list(hidden), "activation": "relu", "solver": "adam",
                    "alpha": 1e-4, "batch_size": 200, "learning_rate_init": 1e-3, "max_iter": 200,
                    "shuffle": True, "tol": 1e-4, "n_iter_no_change": 10, "early_stopping": False,
                    "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-8}
        runs = []
        for seed in range(5):
            model = MLPClassifier(**{**settings, "hidden_layer_sizes": hidden}, random_state=seed)
            capped = fit_counting_iteration_cap(model, X[train], y[train])
            runs.append({"random_state": seed, "n_iter": int(model.n_iter_),
                         "stopped_at_max_iter": capped,
                         "final_loss": float(model.loss_),
                         "train_accuracy": float(accuracy_score(y[train], model.predict(X[train]))),
                         "test_accuracy": float(accuracy_score(y[test], model.predict(X[test])))})
        test_accuracies = [r["test_accuracy"] for r in runs]
        configurations.append({"settings": settings, "runs": runs,
                               "test_accuracy_min": min(test_accuracies),
                               "test_accuracy_max": max(test_accuracies)})
    return {"dataset": "digits", "preprocessing": "pixels / 16", "target": "digit",
            "split": split_record, "configurations": configurations,
            "note": "Initialisation and shuffling differ from ours, so compare test accuracy with a "
                    "band around [test_accuracy_min, test_accuracy_max] over the recorded seeds. "
                    "sklearn's loss per mini-batch is the batch's mean cross-entropy + alpha/(2 * "
                    "batch size) * sum of squared weights (biases not penalised); final_loss is the "
                    "last epoch's average. It stops when the epoch loss improves by less than tol "
                    "for n_iter_no_change epochs, else after max_iter epochs (stopped_at_max_iter)."}


def mlp_moons():
    X, y, _ = moons_data()
    settings = {"hidden_layer_sizes": [16, 16], "activation": "tanh", "solver": "adam",
                "alpha": 1e-4, "batch_size": 32, "learning_rate_init": 0.01, "max_iter": 500,
                "shuffle": True, "tol": 1e-6, "n_iter_no_change": 20, "early_stopping": False}
    runs = []
    for seed in range(5):
        model = MLPClassifier(**{**settings, "hidden_layer_sizes": (16, 16)}, random_state=seed)
        capped = fit_counting_iteration_cap(model, X, y)
        runs.append({"random_state": seed, "n_iter": int(model.n_iter_),
                     "stopped_at_max_iter": capped,
                     "final_loss": float(model.loss_),
                     "train_accuracy": float(accuracy_score(y, model.predict(X)))})
    accuracies = [r["train_accuracy"] for r in runs]
    return {"data": "the moons stored in experiments.svm_rbf_moons.data", "settings": settings,
            "runs": runs, "train_accuracy_min": min(accuracies), "train_accuracy_max": max(accuracies)}


def metrics():
    cases = [
        ("ties", [0, 0, 1, 1, 0, 1, 0, 1, 1, 0],
         [0.1, 0.4, 0.35, 0.8, 0.4, 0.8, 0.2, 0.55, 0.35, 0.7]),
        ("perfect", [0, 0, 0, 1, 1, 1], [0.05, 0.2, 0.3, 0.6, 0.7, 0.95]),
        ("all_tied", [0, 1, 0, 1, 1], [0.5, 0.5, 0.5, 0.5, 0.5]),
        ("inverted_with_tie", [1, 1, 0, 0, 1, 0, 0], [0.1, 0.3, 0.9, 0.3, 0.2, 0.8, 0.6]),
        ("no_positive_predictions", [0, 1, 0, 1], [0.1, 0.4, 0.2, 0.45]),
    ]
    binary = []
    for name, y_true, y_score in cases:
        y_true_array, y_score_array = np.array(y_true), np.array(y_score)
        prediction = (y_score_array >= 0.5).astype(int)
        binary.append({"name": name, "y_true": y_true, "y_score": floats(y_score),
                       "threshold": 0.5, "y_pred": ints(prediction),
                       **binary_classification_metrics(y_true_array, prediction),
                       "log_loss": float(log_loss(y_true_array, y_score_array)),
                       "roc": roc_record(y_true_array, y_score_array)})

    y_true = [0, 1, 2, 2, 1, 0, 2, 1, 1, 0]
    y_pred = [0, 2, 2, 2, 1, 0, 1, 1, 0, 0]
    multiclass = {
        "y_true": y_true, "y_pred": y_pred,
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "confusion_matrix": [ints(r) for r in confusion_matrix(y_true, y_pred)],
        "precision_per_class": floats(precision_score(y_true, y_pred, average=None)),
        "recall_per_class": floats(recall_score(y_true, y_pred, average=None)),
        "f1_per_class": floats(f1_score(y_true, y_pred, average=None)),
        "f1_macro": float(f1_score(y_true, y_pred, average="macro")),
        "f1_weighted": float(f1_score(y_true, y_pred, average="weighted")),
    }

    regression_cases = [
        ("simple", [3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0]),
        ("worse_than_mean", [1.0, 2.0, 3.0], [3.0, 2.0, 1.0]),
        ("constant_truth_imperfect", [2.0, 2.0, 2.0], [1.0, 2.0, 3.0]),
        ("constant_truth_perfect", [2.0, 2.0, 2.0], [2.0, 2.0, 2.0]),
    ]
    regression = []
    for name, y_true, y_pred in regression_cases:
        regression.append({"name": name, "y_true": y_true, "y_pred": y_pred,
                           "r2": float(r2_score(y_true, y_pred)),
                           "mse": float(mean_squared_error(y_true, y_pred)),
                           "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
                           "mae": float(mean_absolute_error(y_true, y_pred))})
    return {
        "binary": binary, "multiclass": multiclass, "regression": regression,
        "note": "Binary predictions are y_score >= threshold. roc: sklearn orders thresholds "
                "decreasing, merges tied scores into one point, starts at (0, 0) with threshold "
                "+inf (null here); 'drop_intermediate' is sklearn's default output, which drops "
                "collinear corners, 'all_thresholds' keeps one point per distinct score. AUC is the "
                "trapezoid area (a tie counts one half). precision/recall/F1 with no predicted (or "
                "no true) positives are 0 (zero_division=0). r2 with constant y_true: sklearn returns "
                "1.0 for a perfect and 0.0 for an imperfect prediction (force_finite=True). "
                "log_loss is the mean cross-entropy with natural log.",
    }


CONVENTIONS = {
    "rows": "Row indices are 0-based into a CSV's data rows (header excluded); where rows are "
            "dropped, the dropped original rows are listed and split indices count the kept rows.",
    "split": "train_test_split(np.arange(n_rows), test_size, random_state, stratify); both lists "
             "sorted; only test_indices are stored; training rows are all other rows, ascending, "
             "and models were fitted on them in that order.",
    "scaling": "z-scored = StandardScaler fitted on the training rows (all rows where there is no "
               "split): mean and population standard deviation (ddof 0); mean and scale are stored.",
    "linear_loss": "ours J = 1/(2m) sum(err^2) + lambda/(2m) ||w||^2; sklearn Ridge minimises "
                   "sum(err^2) + alpha ||w||^2, so lambda = alpha; the intercept is never penalised. "
                   "LinearRegression is fitted with tol=0 (no singular-value cut-off).",
    "logistic_loss": "ours J = (1/m) sum(loss) + lambda/(2m) ||w||^2; sklearn minimises "
                     "C sum(loss) + 0.5 ||w||^2, so C = 1/lambda; C = null means infinity (no "
                     "penalty, lambda = 0). Multinomial: K weight rows, all penalised; intercepts are "
                     "defined up to a constant, compare intercept_centered.",
    "predict": "sklearn LogisticRegression.predict gives class 1 when p > 0.5 (decision > 0); the "
               "metrics cases use score >= threshold as stated in each case.",
    "classification_metrics": "pos_label 1; confusion matrix rows = true class, columns = predicted "
                              "([[TN, FP], [FN, TP]] for binary); log-loss is the mean natural-log "
                              "cross-entropy.",
    "nulls": "null stands for +infinity in ROC thresholds, for C = infinity, for max_depth = None, "
             "and for the missing split of a leaf node.",
    "optimality_max_abs_gradient": "largest |partial derivative| of OUR cost at sklearn's answer, "
                                   "computed with numpy: how exactly the reference is an optimum.",
}


EXPERIMENTS = {
    "houses": houses, "ex1data1": ex1data1, "anscombe": anscombe,
    "cars_polynomial": cars_polynomial, "diabetes": diabetes, "ex2data1": ex2data1,
    "iris_logistic": iris_logistic, "breast_cancer_logistic": breast_cancer_logistic,
    "iris_knn": iris_knn, "decision_trees": decision_trees, "svm_linear_iris": svm_linear_iris,
    "svm_rbf_moons": svm_rbf_moons, "svm_rbf_breast_cancer": svm_rbf_breast_cancer,
    "mlp_digits": mlp_digits, "mlp_moons": mlp_moons, "metrics": metrics,
}


def fit_counting_iteration_cap(model, X, y):
    """Fits an MLP; True when it stopped at max_iter (sklearn's ConvergenceWarning)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        model.fit(X, y)
    return any(issubclass(w.category, ConvergenceWarning) for w in caught)


def is_scalar(value):
    return value is None or isinstance(value, (bool, int, float, str))


def to_json(value, indent=0):
    """Pretty JSON with sorted keys: objects one key a line, a list of scalars on one line,
    a list of such lists one row a line. json.dumps writes each scalar (floats via repr)."""
    pad, inner = "  " * indent, "  " * (indent + 1)
    if is_scalar(value):
        return json.dumps(value, allow_nan=False, ensure_ascii=True)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{json.dumps(str(k))}: {to_json(value[k], indent + 1)}" for k in sorted(value)]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if all(is_scalar(v) for v in value):
            return "[" + ", ".join(to_json(v) for v in value) + "]"
        items = [inner + to_json(v, indent + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    raise TypeError(f"cannot write {type(value).__name__} to the fixture")


def main():
    # Any warning (a solver that did not converge, a deprecated parameter) stops the script:
    # a reference number must come from a fit that finished cleanly.
    warnings.simplefilter("error")
    experiments = {}
    for name, build in EXPERIMENTS.items():
        print(f"sklearn_reference: {name}", file=sys.stderr)
        experiments[name] = build()
    fixture = {
        "generated_by": "scripts/sklearn_reference.py",
        "conventions": CONVENTIONS,
        "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__,
                     "scipy": scipy.__version__, "python": platform.python_version()},
        "datasets": {name: DATASET_CACHE[name].describe() for name in sorted(DATASET_CACHE)},
        "experiments": experiments,
    }
    # allow_nan=False: a NaN or infinity anywhere is a bug in this script, not a value to write.
    text = to_json(fixture) + "\n"
    if json.loads(text) != fixture:
        raise RuntimeError("the fixture does not read back to the same values")
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    print(f"sklearn_reference: wrote {os.path.relpath(OUTPUT, ROOT)} ({len(text)} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
