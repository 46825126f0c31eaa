import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRawSampleCsv } from '../core/lifetime/cdnow.js';
import { run } from './run-cli.js';

// `model evaluate` back-tests every churn candidate with the holdout as the test window (issue 11 §4).
const dir = mkdtempSync(join(tmpdir(), 'tierline-evaluate-'));
const cdnow = join(dir, 'cdnow.csv');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => writeRawSampleCsv(cdnow));

interface Candidate {
  name: string;
  auc: number | null;
  precisionAt20: number | null;
  baseRate: number | null;
  status: string;
  reason: string;
}

describe('model evaluate: every churn candidate, supervised included', () => {
  it('--format json: models[] with name, auc, precisionAt20, baseRate, status, reason; selected; the BTYD holdout kept', async () => {
    // CDNOW: calibration to 1997-09-30, holdout to 1997-12-29 → H = 90 days, tested on (09-30, 12-29].
    const result = await run(
      'model',
      'evaluate',
      cdnow,
      '--calibration-end',
      '1997-09-30',
      '--holdout-end',
      '1997-12-29',
      '--format',
      'json',
    );
    expect(result.code).toBe(0);
    const out = JSON.parse(result.out) as {
      models: Candidate[];
      selected: string;
      horizonDays: number;
      holdout: { model: string }[];
    };
    expect(out.models.map((m) => m.name)).toEqual(['rules', 'cadence', 'bg-nbd', 'mbg-nbd', 'gbdt']);
    for (const m of out.models) {
      expect(Object.keys(m).sort()).toEqual(['auc', 'baseRate', 'name', 'precisionAt20', 'reason', 'status']);
      expect(['ok', 'degenerate', 'not-enough-data', 'failed']).toContain(m.status);
      if (m.status === 'ok') expect(m.auc).toBeGreaterThanOrEqual(0.5);
    }
    // Every candidate is measured on the same window: one base rate.
    expect(new Set(out.models.filter((m) => m.baseRate !== null).map((m) => m.baseRate)).size).toBe(1);
    expect(out.horizonDays).toBe(90);
    expect(out.models.map((m) => m.name)).toContain(out.selected);
    expect(out.models.find((m) => m.name === 'gbdt')!.status).toBe('ok');
    expect(out.holdout.map((h) => h.model)).toEqual(['bg-nbd', 'mbg-nbd']);
  });

  it('table view lists the candidates and the selection', async () => {
    const result = await run(
      'model',
      'evaluate',
      cdnow,
      '--calibration-end',
      '1997-09-30',
      '--holdout-end',
      '1997-12-29',
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'Churn candidates: no purchase in the 90 days after 1997-09-30 (to 1997-12-29), trained on the 90 days before',
    );
    expect(result.out).toMatch(/gbdt\s+0\.\d{3}\s+\d\.\d\d\s+\d\.\d\d\s+ok/);
    expect(result.out).toMatch(/^Selected: (rules|cadence|bg-nbd|mbg-nbd|gbdt)$/m);
  });

  it('a holdout shorter than a week is a usage error naming both flags', async () => {
    const result = await run(
      'model',
      'evaluate',
      cdnow,
      '--calibration-end',
      '1997-09-30',
      '--holdout-end',
      '1997-10-03',
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      '--holdout-end must be at least 7 days after --calibration-end for the churn back-test; got 3.',
    );
  });
});
