import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRawSampleCsv } from '../core/lifetime/cdnow.js';
import { run } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tierline-model-'));
const cdnow = join(dir, 'cdnow.csv');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => writeRawSampleCsv(cdnow));

describe('tierline model', () => {
  it('fit reproduces the published CDNOW parameters as JSON', async () => {
    const result = await run('model', 'fit', cdnow, '--calibration-end', '1997-09-30', '--format', 'json');
    expect(result.code).toBe(0);
    const fitted = JSON.parse(result.out) as {
      bgnbd: Record<string, number>;
      mbgnbd: Record<string, number>;
      gammaGamma: Record<string, number>;
      customers: number;
      reliable: boolean;
    };
    expect(fitted.customers).toBe(2357);
    const within = (actual: number, expected: number, tolerance: number) =>
      expect(Math.abs(actual / expected - 1)).toBeLessThan(tolerance);
    within(fitted.bgnbd.r!, 0.243, 0.005);
    within(fitted.bgnbd.alpha!, 4.414, 0.005);
    within(fitted.bgnbd.a!, 0.793, 0.005);
    within(fitted.bgnbd.b!, 2.426, 0.005);
    within(fitted.bgnbd.logLikelihood!, -9582.4, 0.0005);
    within(fitted.mbgnbd.r!, 0.525, 0.01);
    within(fitted.gammaGamma.p!, 6.25, 0.01);
    within(fitted.gammaGamma.q!, 3.74, 0.01);
    within(fitted.gammaGamma.v!, 15.44, 0.01);
    expect(fitted.reliable).toBe(true);
  });

  it('evaluate compares the holdout forecast with what customers bought', async () => {
    const result = await run(
      'model',
      'evaluate',
      cdnow,
      '--calibration-end',
      '1997-09-30',
      '--holdout-end',
      '1998-06-30',
      '--format',
      'json',
    );
    expect(result.code).toBe(0);
    const evaluation = JSON.parse(result.out) as {
      holdout: {
        model: string;
        actual: number;
        predicted: number;
        mae: number;
        auc: number;
        aucExpectedPurchases: number;
      }[];
    };
    const bg = evaluation.holdout.find((m) => m.model === 'bg-nbd')!;
    expect(bg.actual).toBe(1882);
    expect(bg.predicted).toBeCloseTo(1653.4, 1);
    expect(bg.aucExpectedPurchases).toBeGreaterThan(0.7);
    const mbg = evaluation.holdout.find((m) => m.model === 'mbg-nbd')!;
    expect(mbg.auc).toBeGreaterThan(0.6);
    const table = await run(
      'model',
      'evaluate',
      cdnow,
      '--calibration-end',
      '1997-09-30',
      '--holdout-end',
      '1998-06-30',
    );
    expect(table.out).toContain('BG/NBD: predicted 1653.4 vs actual 1882 repeat purchases');
    expect(table.out).toContain('7+');
  });

  it('rejects bad usage with exit 1 and thin data with exit 2', async () => {
    expect((await run('model')).code).toBe(1);
    expect(await run('model', 'predict', cdnow)).toMatchObject({
      code: 1,
      err: expect.stringContaining('unknown action "predict"'),
    });
    expect(await run('model', 'fit', cdnow)).toMatchObject({
      code: 1,
      err: expect.stringContaining('--calibration-end is required'),
    });
    expect(await run('model', 'evaluate', cdnow, '--calibration-end', '1997-09-30')).toMatchObject({
      code: 1,
      err: expect.stringContaining('--holdout-end is required'),
    });
    expect(await run('model', 'fit', cdnow, '--calibration-end', '1997-02-30')).toMatchObject({ code: 1 });
    const oneTime = join(dir, 'one-time.csv');
    writeFileSync(oneTime, 'Customer ID,Order date,Amount\nA,2024-01-01,10\nB,2024-01-02,20\nC,2024-01-03,30\n');
    const thin = await run('model', 'fit', oneTime, '--calibration-end', '2024-02-01');
    expect(thin.code).toBe(2);
    expect(thin.err).toMatch(/^tierline: /);
  });
});
