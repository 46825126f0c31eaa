"""Reference for `rfm-10m-transactions`: the standard pandas RFM recipe.

    /usr/bin/python3 bench/reference/rfm_pandas.py TRANSACTIONS.csv [--check C0000001,C0000002]

Reads `Customer ID,Order date,Amount` (other columns skipped by usecols),
then per customer: last purchase date and distinct purchase days (refunds,
i.e. negative amounts, are not purchases), net spend (refunds netted),
recency in days against as-of = newest date + 1 day, and quintile scores with
`pd.qcut(x.rank(method='first'), 5, labels=...)` for R (reversed), F and M.
The same rules as Tierline's defaults (frequencyBy 'day', refunds 'net').

Prints one JSON line: { seconds, peakMemoryMB, customers, timing, phases, sample }.
`seconds` runs from after the imports to the finished scores (interpreter and
pandas start-up excluded, as on our side); `sample` holds
[recencyDays, frequency, monetary] of each --check customer (None when absent),
computed after the clock stops.
"""

import argparse
import json
import resource
import sys
import time

import numpy as np
import pandas as pd

ID, DATE, AMOUNT = "Customer ID", "Order date", "Amount"


def rfm(path):
    """The recipe: returns the per-customer frame and the phase times."""
    phases = {}
    t0 = time.perf_counter()
    df = pd.read_csv(path, usecols=[ID, DATE, AMOUNT], dtype={ID: str, DATE: str, AMOUNT: np.float64})
    df[DATE] = pd.to_datetime(df[DATE], format="%Y-%m-%d")
    t1 = time.perf_counter()
    phases["read"] = t1 - t0

    as_of = df[DATE].max() + pd.Timedelta(days=1)
    purchases = df[df[AMOUNT] >= 0]
    by_customer = purchases.groupby(ID)[DATE]
    out = pd.DataFrame({"monetary": df.groupby(ID)[AMOUNT].sum()})
    last = by_customer.max().reindex(out.index)
    out["recency"] = (as_of - last).dt.days
    # A customer with only refunds has no purchase: frequency 0, recency unknown.
    out["frequency"] = by_customer.nunique().reindex(out.index).fillna(0).astype(np.int64)
    t2 = time.perf_counter()
    phases["aggregate"] = t2 - t1

    out["R"] = pd.qcut(out["recency"].rank(method="first"), 5, labels=[5, 4, 3, 2, 1])
    out["F"] = pd.qcut(out["frequency"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5])
    out["M"] = pd.qcut(out["monetary"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5])
    phases["score"] = time.perf_counter() - t2
    return out, phases


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--check", default="")
    args = parser.parse_args()

    started = time.perf_counter()
    out, phases = rfm(args.csv)
    seconds = time.perf_counter() - started

    sample = {}
    for customer in filter(None, args.check.split(",")):
        if customer in out.index:
            row = out.loc[customer]
            recency = None if pd.isna(row["recency"]) else float(row["recency"])
            sample[customer] = [recency, float(row["frequency"]), float(row["monetary"])]
        else:
            sample[customer] = None
    print(json.dumps({
        "seconds": seconds,
        "peakMemoryMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "customers": int(len(out)),
        "timing": "after imports",
        "phases": phases,
        "sample": sample,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
