"""Reference for `kmeans-auto-k-1m`: scikit-learn k-means auto-K with silhouette.

    /usr/bin/python3 bench/reference/kmeans_sklearn.py FEATURES.f64 CUSTOMERS [--k-min 2] [--k-max 8]

FEATURES.f64 holds three little-endian float64 columns of CUSTOMERS values
each, back to back: recency days, frequency, monetary (written by
bench/generate-kmeans-features.ts). Loading is not timed. The clock covers
what Tierline's `clusterCustomers` does with `restarts: 1`:

- money → log1p(max(money, 0)) (Tierline's default `logMonetary: true`);
- StandardScaler (z-score, population standard deviation);
- for k in k-min..k-max: KMeans(n_clusters=k, n_init=1, random_state=0)
  (k-means++ init, Lloyd, tol 1e-4, max_iter 300) and
  silhouette_score(sample_size=10000, random_state=0);
- the chosen K = the best silhouette.

Prints one JSON line: { seconds, peakMemoryMB, customers, timing, phases,
chosenK, silhouettes, inertias } (silhouettes and inertias keyed by K).
"""

import argparse
import json
import resource
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("customers", type=int)
    parser.add_argument("--k-min", type=int, default=2)
    parser.add_argument("--k-max", type=int, default=8)
    args = parser.parse_args()
    columns = np.fromfile(args.path, dtype="<f8").reshape(3, args.customers)

    phases = {"standardize": 0.0, "kmeans": 0.0, "silhouette": 0.0}
    started = time.perf_counter()
    X = np.column_stack((columns[0], columns[1], np.log1p(np.maximum(columns[2], 0.0))))
    X = StandardScaler().fit_transform(X)
    phases["standardize"] = time.perf_counter() - started

    silhouettes, inertias, iterations = {}, {}, {}
    for k in range(args.k_min, args.k_max + 1):
        t0 = time.perf_counter()
        model = KMeans(n_clusters=k, n_init=1, random_state=0).fit(X)
        t1 = time.perf_counter()
        silhouettes[k] = float(silhouette_score(X, model.labels_, sample_size=10000, random_state=0))
        phases["kmeans"] += t1 - t0
        phases["silhouette"] += time.perf_counter() - t1
        inertias[k] = float(model.inertia_)
        iterations[k] = int(model.n_iter_)
    chosen = max(silhouettes, key=lambda k: silhouettes[k])
    seconds = time.perf_counter() - started

    print(json.dumps({
        "seconds": seconds,
        "peakMemoryMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "customers": args.customers,
        "timing": "log1p + StandardScaler + per K (KMeans n_init=1 + silhouette_score sample 10,000), data loaded before the clock starts",
        "phases": phases,
        "chosenK": chosen,
        "silhouettes": {str(k): v for k, v in silhouettes.items()},
        "inertias": {str(k): v for k, v in inertias.items()},
        "iterations": {str(k): v for k, v in iterations.items()},
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
