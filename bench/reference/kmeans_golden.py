"""Golden fixtures for Tierline's k-means: scikit-learn's answers on small data.

    /usr/bin/python3 bench/reference/kmeans_golden.py [--out test/fixtures/kmeans]

Needs Debian's python3-sklearn (1.2) and numpy; CI has neither, so the
vitest suite (test/core/kmeans/sklearn-golden.test.ts) only reads the JSON
this writes. Rerun it (and commit the JSON) only when the data sets change;
the output is deterministic for a given sklearn/numpy.

For each data set it writes `<name>.json` with:
- `raw`: the unstandardized rows (flat, row-major, `columns` wide) and
  `logColumns` (columns put through log1p(max(x, 0)) before scaling);
- `standardized`, `mean`, `scale`: StandardScaler's output and parameters
  (population standard deviation);
- `tol` (relative, as passed to KMeans) and `tolerance` (sklearn's absolute
  threshold: tol × mean(var(X, axis=0)));
- `runs`: for each k, the initial centroids given to
  KMeans(n_clusters=k, init=<them>, n_init=1, algorithm='lloyd', tol, max_iter)
  (drawn by sklearn.cluster.kmeans_plusplus, random_state=k, or chosen by
  hand to force an empty cluster) and sklearn's labels, centers, inertia,
  n_iter and silhouette_score on all rows (exact, no sampling).
Numbers are written with Python's shortest round-trip repr, so every float64
survives the JSON trip exactly.
"""

import argparse
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.cluster import KMeans, kmeans_plusplus
from sklearn.datasets import make_blobs
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

TOL = 1e-4
MAX_ITER = 300


def blobs():
    """3 well-separated blobs of 300 points in 3-D, rounded to 4 decimals (compact JSON)."""
    X, _ = make_blobs(n_samples=[300, 300, 300], centers=[[0, 0, 0], [6, 6, 0], [0, 7, 7]], cluster_std=1.2, random_state=7)
    return np.round(X, 4), [False, False, False]


def rfm_like():
    """2,000 skewed customers: whole-day recency, whole purchases, money with cents (a few refunds)."""
    rng = np.random.RandomState(20261201)
    n = 2000
    persona = rng.choice(4, size=n, p=[0.15, 0.35, 0.2, 0.3])
    recency = np.where(persona == 0, 1 + np.floor(rng.exponential(12, n)),
              np.where(persona == 1, 1 + np.floor(rng.exponential(45, n)),
              np.where(persona == 2, rng.randint(1, 121, n), rng.randint(180, 731, n))))
    mean_f = np.array([12.0, 5.0, 1.0, 2.0])[persona]
    frequency = np.where(persona == 2, 1, rng.geometric(1 / mean_f))
    median = np.array([150.0, 80.0, 60.0, 70.0])[persona]
    money = np.round(frequency * np.exp(np.log(median) + 0.6 * rng.standard_normal(n)), 2)
    money[rng.rand(n) < 0.005] *= -0.1  # net refunds: log1p clamps them at 0
    money = np.round(money, 2)
    return np.column_stack((recency, frequency, money)).astype(np.float64), [False, False, True]


def standardize(raw, log_columns):
    X = raw.copy()
    for j, logged in enumerate(log_columns):
        if logged:
            X[:, j] = np.log1p(np.maximum(X[:, j], 0.0))
    scaler = StandardScaler().fit(X)
    return scaler.transform(X), scaler


def run(X, k, init):
    model = KMeans(n_clusters=k, init=init, n_init=1, algorithm="lloyd", tol=TOL, max_iter=MAX_ITER).fit(X)
    labels = model.labels_
    silhouette = float(silhouette_score(X, labels)) if 2 <= len(set(labels)) <= len(X) - 1 else None
    return {
        "k": k,
        "init": init.ravel().tolist(),
        "labels": labels.tolist(),
        "centers": model.cluster_centers_.ravel().tolist(),
        "inertia": float(model.inertia_),
        "nIter": int(model.n_iter_),
        "silhouette": silhouette,
    }


def fixture(name, description, raw, log_columns, extra_inits=()):
    X, scaler = standardize(raw, log_columns)
    runs = []
    for k in range(2, 6):
        init, _ = kmeans_plusplus(X, k, random_state=k)
        runs.append(run(X, k, init))
    for label, init in extra_inits:
        entry = run(X, len(init), np.asarray(init, dtype=np.float64))
        entry["note"] = label
        runs.append(entry)
    return {
        "name": name,
        "description": description,
        "generatedBy": f"bench/reference/kmeans_golden.py (scikit-learn {sklearn.__version__}, numpy {np.__version__})",
        "rows": int(X.shape[0]),
        "columns": int(X.shape[1]),
        "logColumns": log_columns,
        "raw": raw.ravel().tolist(),
        "standardized": X.ravel().tolist(),
        "mean": scaler.mean_.tolist(),
        "scale": scaler.scale_.tolist(),
        "tol": TOL,
        "tolerance": float(np.mean(np.var(X, axis=0)) * TOL),
        "maxIter": MAX_ITER,
        "runs": runs,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "fixtures", "kmeans")))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    raw, logs = blobs()
    # A centroid far from every point gets no point in the first E-step: sklearn relocates it to the farthest point.
    far = [("empty cluster relocated", [[-1.0, -1.0, -1.0], [1.0, 1.0, 1.0], [40.0, 40.0, 40.0]])]
    fixtures = [
        fixture("blobs-3x300", "make_blobs: 3 blobs x 300 points in 3-D (std 1.2), rounded to 4 decimals", raw, logs, far),
        fixture("rfm-2000", "2,000 RFM-like customers from 4 personas; money through log1p(max(m, 0))", *rfm_like()),
    ]
    for data in fixtures:
        path = os.path.join(args.out, data["name"] + ".json")
        with open(path, "w") as f:
            json.dump(data, f, separators=(",", ":"))
            f.write("\n")
        print(f"wrote {path} ({os.path.getsize(path):,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
