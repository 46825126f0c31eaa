import { z } from 'zod';
import { parseOptions } from '../util/parse-options.js';
import { createRng, type Rng } from '../random/create-rng.js';
import type { TransactionParams } from './transaction-model.js';

/** Options of `simulateRepeatPurchases`; every default lives here. */
export const simulateOptionsSchema = z
  .object({
    customers: z.number().int().min(1).max(100_000_000),
    /** Each customer's age T is uniform on [minAge, maxAge] (in the model's time unit). */
    minAge: z.number().nonnegative().default(39),
    maxAge: z.number().nonnegative().default(39),
    model: z.enum(['bg-nbd', 'mbg-nbd']).default('bg-nbd'),
    seed: z.number().int().default(42),
  })
  .strict()
  .refine((o) => o.maxAge >= o.minAge, { message: 'must be ≥ minAge', path: ['maxAge'] });

export type SimulateOptions = z.input<typeof simulateOptionsSchema>;

/** Simulated calibration columns plus each customer's true latent state. */
export interface SimulatedCustomers {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly age: Float64Array;
  /** 1 when the customer is still alive at T. */
  readonly alive: Uint8Array;
}

/**
 * Draws customers from the BG/NBD (or MBG/NBD) generative story with a
 * seeded RNG: λ ~ Gamma(r, rate α), p ~ Beta(a, b); purchases arrive as a
 * Poisson(λ) process; after each repeat purchase (MBG/NBD: also right after
 * the first) the customer drops out with probability p. Same seed, same data.
 * @throws OptionsError for invalid options.
 * @example simulateRepeatPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: 5000, seed: 7 }).frequency.length === 5000
 */
export function simulateRepeatPurchases(params: TransactionParams, optionsInput: SimulateOptions): SimulatedCustomers {
  const options = parseOptions(simulateOptionsSchema, optionsInput);
  const rng = createRng(options.seed);
  const n = options.customers;
  const modified = options.model === 'mbg-nbd';
  const frequency = new Float64Array(n),
    recency = new Float64Array(n),
    age = new Float64Array(n);
  const alive = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const T = options.minAge + (options.maxAge - options.minAge) * rng.next();
    const lambda = sampleGamma(rng, params.r) / params.alpha;
    const x1 = sampleGamma(rng, params.a);
    const p = x1 / (x1 + sampleGamma(rng, params.b));
    let t = 0,
      x = 0,
      last = 0,
      living = !(modified && rng.next() < p);
    while (living) {
      t += -Math.log(1 - rng.next()) / lambda;
      if (t > T) break;
      x++;
      last = t;
      if (rng.next() < p) living = false;
    }
    frequency[i] = x;
    recency[i] = last;
    age[i] = T;
    alive[i] = living ? 1 : 0;
  }
  return { frequency, recency, age, alive };
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000); shape < 1 via the boost
 * Gamma(shape) = Gamma(shape + 1) · U^(1/shape).
 * @example sampleGamma(createRng(1), 0.5) > 0
 */
export function sampleGamma(rng: Rng, shape: number): number {
  if (shape < 1) {
    const u = 1 - rng.next();
    return sampleGamma(rng, shape + 1) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  while (true) {
    let x: number, v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}
