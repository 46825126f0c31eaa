"""Reference side of `bot-churn-digest-1m`: the same store, answered with
Python's sqlite3 and pandas instead of the bot.

    python3 bot_store_sqlite.py STORE.db OWNERS QUERIES

1. The salesperson churn answer as the bare SQL page + count the bot runs
   (no Block Kit, no text): p50 / p95 / max over QUERIES seeded random owners.
2. The manager query (every owner).
3. The digest figures from both snapshots with pandas: tier counts, upgrades
   and downgrades by the RFM value order, new churn risks, win-back.
Prints one JSON line like ours.
"""
import json
import random
import resource
import sqlite3
import sys
import time

import pandas as pd

RFM_ORDER = ['champions', 'loyal', 'potential-loyalist', 'new', 'promising', 'need-attention', 'about-to-sleep', 'at-risk', 'cant-lose', 'hibernating', 'lost']
CHURN_SQL = (
    "FROM customers c WHERE c.snapshot_id = ? {scope} AND c.churn_risk = 1 "
    "AND NOT EXISTS (SELECT 1 FROM snoozes s WHERE s.customer_id = c.customer_id AND s.until > ?)"
)


def percentile(sorted_times, p):
    import math
    return sorted_times[min(len(sorted_times) - 1, math.ceil(p * len(sorted_times)) - 1)]


def time_queries(run, count):
    times = []
    for _ in range(count):
        t = time.perf_counter()
        run()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return percentile(times, 0.5), percentile(times, 0.95), times[-1]


def main(path, owners, queries):
    db = sqlite3.connect(path)
    latest, previous = [r[0] for r in db.execute('SELECT id FROM snapshots ORDER BY as_of DESC, id DESC LIMIT 2')]
    rng = random.Random(42)

    def ask(owner, offset):
        scope = '' if owner is None else 'AND c.owner = ?'
        args = [latest] + ([] if owner is None else [owner]) + ['2026-11-09']
        rows = db.execute('SELECT * ' + CHURN_SQL.format(scope=scope) + ' ORDER BY c.rank_value DESC, c.customer_id LIMIT 5 OFFSET ?', args + [offset]).fetchall()
        db.execute('SELECT COUNT(*) ' + CHURN_SQL.format(scope=scope), args).fetchone()
        if not rows:
            raise SystemExit('no churn answer')

    owner_of = lambda c: 'Owner %03d' % (c % owners)
    ask(owner_of(0), 0)
    p50, p95, worst = time_queries(lambda: ask(owner_of(rng.randint(0, owners - 1)), 5 if rng.random() < 0.2 else 0), queries)
    _, manager_p95, _ = time_queries(lambda: ask(None, 0), max(10, queries // 10))

    started = time.perf_counter()
    segments = json.loads(db.execute('SELECT segments FROM snapshots WHERE id = ?', (latest,)).fetchone()[0])
    cols = 'customer_id, segment, monetary, churn_risk, recency_days'
    now = pd.read_sql_query(f'SELECT {cols} FROM customers WHERE snapshot_id = ?', db, params=(latest,))
    before = pd.read_sql_query(f'SELECT {cols} FROM customers WHERE snapshot_id = ?', db, params=(previous,))
    tiers = now['segment'].value_counts()
    both = now.merge(before, on='customer_id', how='left', suffixes=('', '_before'))
    rank = {s: RFM_ORDER.index(s) if s in RFM_ORDER else -1 for s in segments}
    to_rank = both['segment'].map(lambda i: rank[segments[i]])
    from_rank = both['segment_before'].map(lambda i: rank[segments[int(i)]] if i == i else -1)
    known = (to_rank >= 0) & (from_rank >= 0) & both['segment_before'].notna()
    upgraded = int((known & (from_rank > to_rank)).sum())
    downgraded = int((known & (from_rank < to_rank)).sum())
    new_risks = int(((both['churn_risk'] == 1) & ((both['churn_risk_before'] != 1) | both['churn_risk_before'].isna())).sum())
    at_risk = both['churn_risk_before'] == 1
    won = int((at_risk & (both['recency_days'] < both['recency_days_before'] + 7)).sum())
    seconds = time.perf_counter() - started
    print(json.dumps({
        'seconds': seconds,
        'peakMemoryMB': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        'customers': int(len(now)),
        'timing': 'digest figures with pandas from both snapshots; churn SQL timed separately (churnMs)',
        'phases': {'digest': seconds},
        'churnMs': {'p50': p50, 'p95': p95, 'max': worst, 'managerP95': manager_p95},
        'tiers': {segments[int(i)]: int(n) for i, n in tiers.items()},
        'upgraded': upgraded,
        'downgraded': downgraded,
        'newChurnRisks': new_risks,
        'winBack': won,
        'atRiskBefore': int(at_risk.sum()),
    }))


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
