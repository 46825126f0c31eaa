"""Golden fixture for Tierline's gradient boosting: scikit-learn's HistGradientBoostingClassifier on fixed data.

    /usr/bin/python3 bench/reference/hgb_golden.py [--out test/fixtures/ml/hgb-golden.json]

Needs Debian's python3-sklearn (1.2) and numpy; CI has neither, so the
vitest suite (test/core/ml/sklearn-golden.test.ts) only reads the JSON this
writes. Rerun it (and commit the JSON) only when the data set changes; the
output is deterministic for a given sklearn/numpy.

The data: 5,000 churn-like rows × 8 features from numpy's RandomState
(seed below), a known nonlinear logit with Bernoulli noise, NaN in two
features (one of them informative: missing means riskier). Each feature is
stored as int16 codes with a decimal `scale` (value = code / scale, NaN =
-32768), so JavaScript and numpy decode the very same float64s. Rows
0..3999 train, 4000..4999 test (the rows are already in random order).

Writes: the data, the hyper-parameters (sklearn's defaults, early stopping
off), sklearn's test AUC and test probabilities (rounded to 1e-9), its
baseline, the bin edges of every feature, and the leaves per tree.
"""

import argparse
import base64
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

SEED = 20261207
ROWS = 5000
TRAIN = 4000
NAN_CODE = -32768
PARAMS = dict(max_iter=100, learning_rate=0.1, max_leaf_nodes=31, min_samples_leaf=20, l2_regularization=0.0, max_bins=255)


def make_data():
    rng = np.random.RandomState(SEED)
    recency = np.minimum(np.floor(rng.exponential(70, ROWS)), 730)  # days, whole
    frequency = rng.poisson(3, ROWS).astype(float)
    spend = np.round(np.exp(rng.normal(5.5, 0.8, ROWS)))  # whole yuan
    tenure = np.floor(rng.uniform(0, 1500, ROWS))
    gap_ratio = np.round(rng.gamma(2.0, 0.5, ROWS), 3)
    gap_ratio[rng.uniform(size=ROWS) < 0.12] = np.nan  # one order only: no gap
    satisfaction = np.round(rng.uniform(1, 5, ROWS), 2)
    complaints = (rng.uniform(size=ROWS) < 0.15).astype(float)
    logins = np.round(rng.normal(0, 1, ROWS), 3)
    logins[rng.uniform(size=ROWS) < 0.05] = np.nan  # no app account
    X = np.column_stack([recency, frequency, spend, tenure, gap_ratio, satisfaction, complaints, logins])
    logit = (
        -1.0
        + 1.6 * (recency > 90)
        + 0.012 * np.minimum(recency, 200) * (frequency <= 1)
        - 0.35 * frequency
        + 0.6 * np.sin(satisfaction * 2.0)
        + 0.9 * complaints * (spend > 300)
        + np.where(np.isnan(gap_ratio), 0.8, 0.5 * (gap_ratio - 1.0))
        - 0.3 * np.nan_to_num(logins)
        + 0.0004 * (tenure - 750)
    )
    y = (rng.uniform(size=ROWS) < 1 / (1 + np.exp(-logit))).astype(np.uint8)
    return X, y


SCALES = [1, 1, 1, 1, 1000, 100, 1, 1000]


def encode(X):
    columns = []
    for j, scale in enumerate(SCALES):
        col = X[:, j]
        codes = np.where(np.isnan(col), NAN_CODE, np.round(np.nan_to_num(col) * scale)).astype(np.int64)
        assert codes.max() < 32768 and codes[~np.isnan(col)].min() > NAN_CODE, f"feature {j} overflows int16 at scale {scale}"
        columns.append({"scale": scale, "codes": base64.b64encode(codes.astype("<i2").tobytes()).decode("ascii")})
    return columns


def decode(columns):
    out = []
    for column in columns:
        codes = np.frombuffer(base64.b64decode(column["codes"]), dtype="<i2").astype(float)
        out.append(np.where(codes == NAN_CODE, np.nan, codes / column["scale"]))
    return np.column_stack(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join("test", "fixtures", "ml", "hgb-golden.json"))
    args = parser.parse_args()

    X_raw, y = make_data()
    columns = encode(X_raw)
    X = decode(columns)  # train on exactly what the fixture holds
    X_train, y_train, X_test, y_test = X[:TRAIN], y[:TRAIN], X[TRAIN:], y[TRAIN:]

    model = HistGradientBoostingClassifier(**PARAMS, early_stopping=False, random_state=0)
    model.fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]
    fixture = {
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "seed": SEED,
        "rows": ROWS,
        "cols": X.shape[1],
        "train": TRAIN,
        "nanCode": NAN_CODE,
        "columns": columns,
        "labels": "".join(map(str, y.tolist())),
        "params": PARAMS,
        "baseline": float(model._baseline_prediction.ravel()[0]),
        "binEdges": [[float(v) for v in edges] for edges in model._bin_mapper.bin_thresholds_],
        "leavesPerTree": [int(p[0].get_n_leaf_nodes()) for p in model._predictors],
        "testAuc": float(roc_auc_score(y_test, proba)),
        "trainAuc": float(roc_auc_score(y_train, model.predict_proba(X_train)[:, 1])),
        "testProba": [round(float(p), 9) for p in proba],
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {args.out}: test AUC {fixture['testAuc']:.4f}, positives {y.mean():.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
