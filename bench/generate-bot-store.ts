/**
 * The bot benchmark's input: a store file with two weekly snapshots of
 * `customers` customers spread over `owners` owners (bench/data/, reused).
 * Seeded, so every run measures the same store. The later snapshot moves
 * about 15% of customers one or two segments, brings a third of the at-risk
 * customers back (smaller recency) and flags new churn risks, so the digest's
 * migration, new-risk and win-back paths all do real work.
 */

import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRng, RFM_SEGMENTS, segmentLabel } from '../core/index.js';
import { SqliteStore, type NewSnapshot, type StoredCustomer } from '../bot/index.js';
import { DATA_DIR } from './paths.js';

const SEGMENTS = [...RFM_SEGMENTS, 'unclassified'];
// Segment shares like the bundled sample's (README table), champions … lost.
const SHARES = [0.115, 0.081, 0.11, 0.105, 0.049, 0.092, 0.033, 0.124, 0.026, 0.143, 0.122];

/** The owner name of customer c. */
export function ownerOf(c: number, owners: number): string {
  return `Owner ${String(c % owners).padStart(3, '0')}`;
}

function snapshotRow(asOf: string): NewSnapshot {
  return {
    asOf,
    importedAt: `${asOf}T06:00:00.000Z`,
    source: 'bench',
    scheme: 'rfm',
    segments: SEGMENTS,
    segmentLabels: {
      en: SEGMENTS.map((s) => segmentLabel(s, 'en')),
      zh: SEGMENTS.map((s) => segmentLabel(s, 'zh-CN')),
    },
    churnSource: 'spec-rule',
  };
}

function* customersOf(customers: number, owners: number, later: boolean): Generator<StoredCustomer> {
  // Same seed for both snapshots, so a customer's base draw is the same; the later one perturbs it.
  const rng = createRng(20261101);
  const drift = createRng(20261108);
  for (let c = 0; c < customers; c++) {
    let u = rng.next(),
      s = 0;
    while (s < SHARES.length - 1 && u > SHARES[s]!) u -= SHARES[s++]!;
    const monetary = Math.round(Math.exp(6 + 2 * rng.next() + rng.normal()) * 100) / 100;
    let recency = Math.floor(rng.next() * 500);
    let churn = rng.next() < 0.25;
    if (later) {
      const move = drift.next();
      if (move < 0.075) s = Math.max(0, s - 1 - (drift.next() < 0.3 ? 1 : 0));
      else if (move < 0.15) s = Math.min(SHARES.length - 1, s + 1 + (drift.next() < 0.3 ? 1 : 0));
      const back = drift.next() < 0.33;
      recency = churn && back ? Math.floor(drift.next() * 7) : recency + 7;
      churn = churn ? !back : drift.next() < 0.02;
    }
    yield {
      customerId: 'C' + String(c + 1).padStart(7, '0'),
      name: `Customer ${c + 1}`,
      company: null,
      owner: ownerOf(c, owners),
      segment: SEGMENTS[s]!,
      recencyDays: recency,
      frequency: 1 + Math.floor(rng.next() * 30),
      monetary,
      averageOrderValue: monetary / 3,
      lastPurchaseDate: '2026-10-01',
      churnRisk: churn,
      churnReasonEn: churn ? 'No purchase in 3 months; lifetime purchases 2 ≤ 3' : null,
      churnReasonZh: churn ? '近3个月未消费，累计消费2次 ≤ 3' : null,
      churnProbability: null,
      expectedLoss: null,
      strategyGroup: churn ? 'churn-risk' : 'potential',
      dueDate: '2026-11-15',
    };
  }
}

/** Path of the store for (customers, owners), generating it when missing (written to a temp name, then renamed). */
export async function ensureBotStore(customers: number, owners: number, log: (line: string) => void): Promise<string> {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, `bot-store-${customers}-${owners}.db`);
  if (existsSync(path)) return path;
  const temp = `${path}.partial`;
  rmSync(temp, { force: true });
  log(`  generating ${path} (two snapshots of ${customers.toLocaleString('en-US')} customers, ${owners} owners) …`);
  const store = new SqliteStore(temp);
  await store.addSnapshot(snapshotRow('2026-11-01'), customersOf(customers, owners, false));
  await store.addSnapshot(snapshotRow('2026-11-08'), customersOf(customers, owners, true));
  await store.close();
  for (const suffix of ['-wal', '-shm']) rmSync(temp + suffix, { force: true });
  renameSync(temp, path);
  return path;
}
