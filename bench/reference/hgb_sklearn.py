"""Reference for `churn-gbdt-1m`: scikit-learn's HistGradientBoostingClassifier on the same churn features.

    /usr/bin/python3 bench/reference/hgb_sklearn.py FEATURES.bin CUSTOMERS

FEATURES.bin holds CUSTOMERS × 12 little-endian float64 values row-major
(NaN = missing), then CUSTOMERS label bytes (written by
bench/generate-churn-features.ts). Loading is not timed. Times fit on the
first 80% of rows and predict_proba on the last 20%, with the hyper-
parameters Tierline uses (sklearn's defaults, early_stopping=False,
random_state=0), on all the cores sklearn's OpenMP finds. AUC is not timed.

Prints one JSON line: { seconds, peakMemoryMB, customers, timing, phases,
trainRows, testRows, testAuc, cpuSeconds (all threads), trees, leaves, threads }.
"""

import json
import os
import resource
import sys
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

COLS = 12
TRAIN_SHARE = 0.8
PARAMS = dict(max_iter=100, learning_rate=0.1, max_leaf_nodes=31, min_samples_leaf=20, l2_regularization=0.0, max_bins=255, early_stopping=False, random_state=0)


def main():
    path, customers = sys.argv[1], int(sys.argv[2])
    features = np.fromfile(path, dtype="<f8", count=customers * COLS).reshape(customers, COLS)
    labels = np.fromfile(path, dtype=np.uint8, offset=customers * COLS * 8)
    assert labels.shape[0] == customers, f"{path}: expected {customers} labels, found {labels.shape[0]}"
    train_rows = int(customers * TRAIN_SHARE)
    X_train, y_train, X_test, y_test = features[:train_rows], labels[:train_rows], features[train_rows:], labels[train_rows:]

    cpu_started = time.process_time()
    started = time.perf_counter()
    model = HistGradientBoostingClassifier(**PARAMS).fit(X_train, y_train)
    fitted = time.perf_counter()
    proba = model.predict_proba(X_test)[:, 1]
    finished = time.perf_counter()
    cpu_seconds = time.process_time() - cpu_started

    print(json.dumps({
        "seconds": finished - started,
        "peakMemoryMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "customers": customers,
        "timing": "HistGradientBoostingClassifier.fit on 80% (binning + 100 trees) + predict_proba on 20%, data loaded before the clock starts",
        "phases": {"fit": fitted - started, "score": finished - fitted},
        "trainRows": train_rows,
        "testRows": customers - train_rows,
        "testAuc": float(roc_auc_score(y_test, proba)),
        "cpuSeconds": cpu_seconds,
        "trees": len(model._predictors),
        "leaves": int(sum(p[0].get_n_leaf_nodes() for p in model._predictors)),
        "threads": len(os.sched_getaffinity(0)),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
