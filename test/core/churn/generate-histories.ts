// Generated purchase histories with a known truth for the churn back-test
// tests: each builder returns events as predictChurn reads them.
import type { ChurnEvents } from '../../../core/churn/index.js';
import { sampleGamma } from '../../../core/lifetime/index.js';
import { createRng, type Rng } from '../../../core/random/create-rng.js';

export const AS_OF = 20_000; // 2024-10-04, any day works

class EventList {
  customer: number[] = [];
  day: number[] = [];
  value: number[] = [];
  add(c: number, d: number, v: number): void {
    this.customer.push(c);
    this.day.push(Math.floor(d));
    this.value.push(v);
  }
  build(customers: number, asOfDay = AS_OF): ChurnEvents {
    return {
      customer: Int32Array.from(this.customer),
      day: Int32Array.from(this.day),
      value: Float64Array.from(this.value),
      customers,
      asOfDay,
    };
  }
}

function beta(rng: Rng, a: number, b: number): number {
  const x = sampleGamma(rng, a),
    y = sampleGamma(rng, b);
  return x / (x + y);
}

/**
 * BG/NBD with dropout, in days: λ ~ Gamma(r, α), p ~ Beta(a, b); customers
 * join uniformly over the first `joinDays` of a `spanDays` history ending at t.
 */
export function btydHistory(
  customers: number,
  seed: number,
  params = { r: 0.8, alpha: 40, a: 1.2, b: 4 },
  spanDays = 730,
  joinDays = 365,
): ChurnEvents {
  const rng = createRng(seed);
  const list = new EventList();
  const start = AS_OF - spanDays;
  for (let c = 0; c < customers; c++) {
    const lambda = sampleGamma(rng, params.r) / params.alpha;
    const p = beta(rng, params.a, params.b);
    let d = start + rng.next() * joinDays;
    const spend = 50 + rng.next() * 200;
    list.add(c, d, spend);
    for (;;) {
      d += -Math.log(1 - rng.next()) / lambda;
      if (d >= AS_OF) break;
      list.add(c, d, spend * (0.5 + rng.next()));
      if (rng.next() < p) break;
    }
  }
  return list.build(customers);
}

/**
 * Regulars with their own rhythm (gap 7–120 days, ±30% jitter) who may stop
 * for good at a random day; a quarter are one-time buyers.
 */
export function regularsWhoStop(customers: number, seed: number, spanDays = 900): ChurnEvents {
  const rng = createRng(seed);
  const list = new EventList();
  const start = AS_OF - spanDays;
  for (let c = 0; c < customers; c++) {
    let d = start + rng.next() * (spanDays - 30);
    const spend = 100 + rng.next() * 1500;
    list.add(c, d, spend);
    if (rng.next() < 0.25) continue;
    const gap = 7 + rng.next() * 113;
    const stop = rng.next() < 0.5 ? start + rng.next() * spanDays * 1.3 : Number.POSITIVE_INFINITY;
    for (;;) {
      d += gap * (0.7 + 0.6 * rng.next());
      if (d >= AS_OF || d >= stop) break;
      list.add(c, d, spend * (0.8 + 0.4 * rng.next()));
    }
  }
  return list.build(customers);
}

/** Seasonal buyers: once a year around their own day (±10 days), some stop; plus monthly regulars. */
export function seasonalBuyers(customers: number, seed: number): ChurnEvents {
  const rng = createRng(seed);
  const list = new EventList();
  const start = AS_OF - 1100;
  for (let c = 0; c < customers; c++) {
    const stop = rng.next() < 0.4 ? start + rng.next() * 1300 : Number.POSITIVE_INFINITY;
    if (c % 2 === 0) {
      const season = rng.next() * 365;
      for (let year = 0; year < 4; year++) {
        const d = start + year * 365 + season + (rng.next() - 0.5) * 20;
        if (d < AS_OF && d < stop) list.add(c, d, 300);
      }
    } else {
      for (let d = start + rng.next() * 30; d < AS_OF && d < stop; d += 25 + rng.next() * 10) list.add(c, d, 80);
    }
  }
  return list.build(customers);
}

/** Everyone bought exactly once, spread over two years. */
export function oneTimeBuyers(customers: number, seed: number): ChurnEvents {
  const rng = createRng(seed);
  const list = new EventList();
  for (let c = 0; c < customers; c++) list.add(c, AS_OF - 1 - rng.next() * 730, 100);
  return list.build(customers);
}

/** The lapsed regular of issue 11: 6 orders about monthly, 6,900 in all, silent 150 days before t. */
export function addLapsedRegular(events: ChurnEvents): { events: ChurnEvents; customer: number } {
  const c = events.customers;
  const days = [330, 300, 270, 240, 210, 180].map((back) => AS_OF - back + 30); // last one 150 days before t
  const values = [1000, 1200, 1100, 1300, 1150, 1150];
  return {
    customer: c,
    events: {
      ...events,
      customer: Int32Array.from([...events.customer, ...days.map(() => c)]),
      day: Int32Array.from([...events.day, ...days]),
      value: Float64Array.from([...events.value, ...values]),
      customers: c + 1,
    },
  };
}

/** AUC of ranking the test window by recency alone (longer silence = more likely lapsed), for comparison. */
export { rankAuc } from '../../../core/lifetime/index.js';
