import { expect, test } from 'vitest';
import { assessBtydFit, fitBtydAt, indexPurchases, noPurchaseProbability } from '../../../core/churn/index.js';
import { bgNbdPAlive, mbgNbdPAlive, sampleGamma, type FittedTransactionModel } from '../../../core/lifetime/index.js';
import { createRng } from '../../../core/random/create-rng.js';

const CDNOW_BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

test('P(no purchase in H) = 1 − P(alive) + P(alive)·((α+T)/(α+T+H))^(r+x), by hand at a CDNOW customer', () => {
  const pAlive = bgNbdPAlive(CDNOW_BG, 2, 30.43, 38.86);
  const expected = 1 - pAlive + pAlive * Math.pow((4.414 + 38.86) / (4.414 + 38.86 + 39), 0.243 + 2);
  expect(noPurchaseProbability('bg-nbd', CDNOW_BG, 39, 2, 30.43, 38.86)).toBeCloseTo(expected, 14);
  // One-time buyer under BG/NBD is alive: only the gamma-Poisson silence remains.
  expect(noPurchaseProbability('bg-nbd', CDNOW_BG, 39, 0, 0, 38.86)).toBeCloseTo(Math.pow(43.274 / 82.274, 0.243), 12);
  const mbg = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
  const pa = mbgNbdPAlive(mbg, 0, 0, 38.86);
  expect(noPurchaseProbability('mbg-nbd', mbg, 39, 0, 0, 38.86)).toBeCloseTo(
    1 - pa + pa * Math.pow(45.043 / 84.043, 0.525),
    12,
  );
});

test('P(no purchase in H) matches a simulation of the BG/NBD story, per history group', () => {
  // Customers all aged T = 52, observed over a further H = 26; compare by calibration frequency group.
  const rng = createRng(11);
  const params = { r: 0.9, alpha: 6, a: 0.8, b: 2.5 };
  const T = 52,
    H = 26;
  const groups = new Map<number, { predicted: number; silent: number; n: number }>();
  for (let i = 0; i < 60_000; i++) {
    const lambda = sampleGamma(rng, params.r) / params.alpha;
    const g1 = sampleGamma(rng, params.a),
      g2 = sampleGamma(rng, params.b);
    const p = g1 / (g1 + g2);
    let t = 0,
      x = 0,
      tx = 0,
      alive = true,
      futureBuys = 0;
    for (;;) {
      t += -Math.log(1 - rng.next()) / lambda;
      if (t > T + H || !alive) break;
      if (t <= T) {
        x++;
        tx = t;
      } else futureBuys++;
      if (rng.next() < p) alive = false;
    }
    // First purchase at 0 is not counted in x (x counts repeats), matching the model.
    const key = Math.min(x, 4);
    const g = groups.get(key) ?? { predicted: 0, silent: 0, n: 0 };
    g.predicted += noPurchaseProbability('bg-nbd', params, H, x, tx, T);
    g.silent += futureBuys === 0 ? 1 : 0;
    g.n++;
    groups.set(key, g);
  }
  for (const [, g] of groups) {
    const se = Math.sqrt(0.25 / g.n);
    expect(Math.abs(g.predicted / g.n - g.silent / g.n)).toBeLessThan(4 * se + 0.005);
  }
});

const fakeFit = (
  params: Record<'r' | 'alpha' | 'a' | 'b', number>,
  logSd: number[],
  extra: Partial<FittedTransactionModel> = {},
): FittedTransactionModel => {
  const cov = new Float64Array(16);
  logSd.forEach((sd, i) => (cov[i * 5] = sd * sd));
  const names = ['r', 'alpha', 'a', 'b'] as const;
  return {
    model: 'bg-nbd',
    params,
    parameterNames: names,
    logCovariance: cov,
    standardErrors: Object.fromEntries(names.map((n, i) => [n, params[n] * logSd[i]!])) as Record<
      (typeof names)[number],
      number
    >,
    logLikelihood: -1,
    customers: 100,
    uniqueRows: 50,
    converged: true,
    iterations: 10,
    evaluations: 20,
    method: 'bfgs',
    ...extra,
  };
};

test('degenerate fits are named in plain words; a sound fit is not', () => {
  expect(assessBtydFit(fakeFit(CDNOW_BG, [0.1, 0.2, 0.3, 0.4]))).toBeUndefined();
  expect(assessBtydFit(fakeFit({ r: 0.5, alpha: 20, a: 6e-7, b: 3 }, [0.1, 0.1, 0.1, 0.1]))).toMatchObject({
    code: 'no-dropout',
    reason: expect.stringMatching(/^the model finds no drop-out, so it cannot say who has stopped buying/),
  });
  // The retailer case: se(b) ≈ 4 million on b ≈ 2 → sd of log b ≈ 2e6.
  expect(assessBtydFit(fakeFit({ r: 0.5, alpha: 20, a: 0.01, b: 2 }, [0.1, 0.1, 0.5, 2e6]))).toMatchObject({
    code: 'unidentified',
    reason: expect.stringMatching(/no drop-out.*standard error of b ≈ 4\.0e\+6/),
  });
  expect(assessBtydFit(fakeFit(CDNOW_BG, [0.1, 0.1, 0.1, 0.1], { logCovariance: undefined }))?.code).toBe(
    'unidentified',
  );
  expect(assessBtydFit(fakeFit({ ...CDNOW_BG, alpha: 5e7 }, [0.1, 0.1, 0.1, 0.1]))?.code).toBe('parameter-at-bound');
  expect(assessBtydFit(fakeFit(CDNOW_BG, [0.1, 0.1, 0.1, 0.1], { converged: false }))?.code).toBe('not-converged');
});

test('customers who never drop out (pure Poisson buyers) give a degenerate BG/NBD fit', () => {
  const rng = createRng(5);
  const customer: number[] = [],
    day: number[] = [],
    value: number[] = [];
  const t = 10_000,
    n = 1500;
  for (let c = 0; c < n; c++) {
    const lambda = sampleGamma(rng, 2) / 60;
    for (let d = t - 700 + rng.next() * 300; d < t; d += -Math.log(1 - rng.next()) / lambda) {
      customer.push(c);
      day.push(Math.floor(d));
      value.push(10);
    }
  }
  const index = indexPurchases({
    customer: Int32Array.from(customer),
    day: Int32Array.from(day),
    value: Float64Array.from(value),
    customers: n,
    asOfDay: t,
  });
  const { fit, noPurchase } = fitBtydAt(index, t, 90, 'bg-nbd');
  expect(assessBtydFit(fit)).toBeDefined();
  expect(noPurchase.length).toBe(n);
});
