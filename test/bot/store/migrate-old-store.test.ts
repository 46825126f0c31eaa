import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../bot/answers/answer-question.js';
import { blocksToText } from '../../../bot/blocks/blocks-to-text.js';
import { buildAnswerBlocks } from '../../../bot/blocks/build-answer.js';
import { MIGRATIONS } from '../../../bot/store/migrations.js';
import { SqliteStore } from '../../../bot/store/sqlite-store.js';
import { importRows } from '../fixtures.js';

/** A store file as Tierline wrote it before migration 3: schema 2, one snapshot ranked by the old lifetime model's value at risk. */
function oldStore(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tl-old-store-')), 'tierline.db');
  const db = new Database(path);
  db.exec(MIGRATIONS[0]!);
  db.exec(MIGRATIONS[1]!);
  db.pragma('user_version = 2');
  db.prepare(
    "INSERT INTO snapshots (id, as_of, imported_at, source, scheme, segments, segment_labels, churn_source, customer_count) VALUES (1, '2026-10-01', 'x', 'old.csv', 'rfm', ?, ?, 'model', 3)",
  ).run(
    JSON.stringify(['at-risk', 'loyal']),
    JSON.stringify({ en: ['At risk', 'Loyal'], zh: ['流失风险', '忠诚客户'] }),
  );
  const insert = db.prepare(
    'INSERT INTO customers (snapshot_id, customer_id, name, company, owner, segment, recency_days, frequency, monetary, aov, last_purchase, churn_risk, churn_reason_en, churn_reason_zh, churn_probability, value_at_risk, rank_value, strategy_group, due_date) VALUES (1, ?, NULL, NULL, ?, ?, 100, 3, ?, 100, NULL, ?, ?, NULL, ?, ?, ?, NULL, NULL)',
  );
  // Ranked by value at risk, as migration 2 stored it: O2 (900) before O1 (300); O3 is not at risk.
  insert.run('O1', 'Maria', 0, 3000, 1, 'No purchase in 3 months', 0.1, 300, 300);
  insert.run('O2', 'Maria', 0, 2000, 1, 'No purchase in 3 months', 0.45, 900, 900);
  insert.run('O3', 'Maria', 1, 5000, 0, null, 0.05, 250, 250);
  db.close();
  return path;
}

describe('store migration 3 (one churn truth)', () => {
  it('opens a schema-2 store, keeps its snapshot readable with NULLs, and answers from it', async () => {
    const path = oldStore();
    const store = new SqliteStore(path);
    try {
      const raw = new Database(path, { readonly: true });
      expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      raw.close();
      const snapshot = (await store.latestSnapshot())!;
      expect(snapshot.churn).toBeUndefined();
      expect(snapshot.currency).toBeUndefined();
      // The old value at risk reads as the expected loss; by risk and by value both work.
      expect(await store.customer(1, 'O2')).toMatchObject({
        expectedLoss: 900,
        churnProbability: 0.45,
        churnRisk: true,
      });
      expect(
        (await store.churnRisks({ snapshotId: 1, limit: 5, offset: 0, today: '2026-11-25' })).customers.map(
          (c) => c.customerId,
        ),
      ).toEqual(['O2', 'O1']);
      expect(
        (
          await store.churnRisks({ snapshotId: 1, limit: 5, offset: 0, today: '2026-11-25', sort: 'value' })
        ).customers.map((c) => c.customerId),
      ).toEqual(['O2', 'O1']);
      const answer = await answerQuestion(
        { kind: 'churn' },
        { store, viewer: { manager: true, admin: false }, locale: 'en', surface: 'dm', today: '2026-11-25' },
      );
      const text = blocksToText(buildAnswerBlocks(answer, 'en'));
      // Old snapshots say how they were ranked, in yuan as they were stored.
      expect(text).toContain('Ranked by value at risk (lifetime model');
      expect(text).toContain('Expected loss: ¥900');
      expect(text).toContain('Spend: ¥2,000');
      // A new import into the migrated file carries the evidence.
      await importRows(store, undefined, '2026-11-01');
      expect((await store.latestSnapshot())!.churn?.model).toBe('rules');
      expect((await store.snapshotById(1))!.churn).toBeUndefined();
    } finally {
      store.close();
    }
  });
});
