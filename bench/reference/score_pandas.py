"""Reference for `rfm-score-1m-customers`: pandas quintile scoring alone.

    /usr/bin/python3 bench/reference/score_pandas.py FEATURES.f64 CUSTOMERS

FEATURES.f64 holds three little-endian float64 columns of CUSTOMERS values
each, back to back: recency days, frequency, monetary (written by
bench/generate-features.ts). Loading them into a DataFrame is not timed; the
clock covers the three `pd.qcut(x.rank(method='first'), 5, labels=...)`
calls of the standard RFM recipe, nothing else (no segment names).

Prints one JSON line: { seconds, peakMemoryMB, customers, timing, phases, scoreCounts }.
"""

import json
import resource
import sys
import time

import numpy as np
import pandas as pd


def main():
    path, customers = sys.argv[1], int(sys.argv[2])
    columns = np.fromfile(path, dtype="<f8").reshape(3, customers)
    df = pd.DataFrame({"recency": columns[0], "frequency": columns[1], "monetary": columns[2]})

    phases = {"rank": 0.0, "qcut": 0.0}
    started = time.perf_counter()
    for score, column, labels in (("R", "recency", [5, 4, 3, 2, 1]), ("F", "frequency", [1, 2, 3, 4, 5]), ("M", "monetary", [1, 2, 3, 4, 5])):
        t0 = time.perf_counter()
        ranks = df[column].rank(method="first")
        t1 = time.perf_counter()
        df[score] = pd.qcut(ranks, 5, labels=labels)
        phases["rank"] += t1 - t0
        phases["qcut"] += time.perf_counter() - t1
    seconds = time.perf_counter() - started

    print(json.dumps({
        "seconds": seconds,
        "peakMemoryMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "customers": customers,
        "timing": "scoring only (data loaded before the clock starts)",
        "phases": phases,
        # How many customers got each score 1..5, a cheap sanity check.
        "scoreCounts": {name: [int((df[name] == s).sum()) for s in range(1, 6)] for name in "RFM"},
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
