import { describe, expect, test } from 'vitest';
import {
  ChurnInputError,
  churnEventsFromFeatures,
  indexPurchases,
  spendInLastYear,
  type ChurnEvents,
} from '../../../core/churn/index.js';
import type { CustomerFeatures } from '../../../core/features/customer-features.js';

const events = (customer: number[], day: number[], value: number[], customers: number, asOfDay = 100): ChurnEvents => ({
  customer: Int32Array.from(customer),
  day: Int32Array.from(day),
  value: Float64Array.from(value),
  customers,
  asOfDay,
});

describe('indexPurchases', () => {
  test('groups orders by customer and day, ascending; refunds and the future are not purchases', () => {
    const index = indexPurchases(
      events([1, 0, 1, 1, 0, 2, 1], [50, 10, 20, 50, 120, 30, 40], [5, 7, 1, 2, 9, -30, -4], 4),
    );
    expect(Array.from(index.offsets)).toEqual([0, 1, 3, 3, 3]);
    expect(Array.from(index.day)).toEqual([10, 20, 50]);
    expect(Array.from(index.orders)).toEqual([1, 1, 2]);
    expect(Array.from(index.value)).toEqual([7, 1, 7]);
    expect(index).toMatchObject({ firstDay: 10, purchases: 4, refundsIgnored: 2, futureIgnored: 1 });
  });

  test('merging same-day orders in place keeps each later customer and the earliest day intact', () => {
    // Customer 0 merges three day-5 orders; customer 1's unsorted days then move left over the freed places.
    const index = indexPurchases(events([0, 0, 0, 1, 1, 1, 1], [5, 5, 5, 30, 3, 30, 8], [1, 2, 4, 8, 16, 32, 64], 2));
    expect(Array.from(index.offsets)).toEqual([0, 1, 4]);
    expect(Array.from(index.day)).toEqual([5, 3, 8, 30]);
    expect(Array.from(index.orders)).toEqual([3, 1, 1, 2]);
    expect(Array.from(index.value)).toEqual([7, 16, 64, 40]);
    expect(index.firstDay).toBe(3);
  });

  test('source columns are not modified', () => {
    const input = events([0, 0], [9, 3], [1, 2], 1);
    indexPurchases(input);
    expect(Array.from(input.day)).toEqual([9, 3]);
  });

  test.each([
    ['invalid-events', events([0], [1, 2], [1], 1), 'Event columns differ in length: customer 1, day 2, value 1.'],
    ['invalid-customer', events([0, 3], [1, 2], [1, 1], 2), 'Event 1: customer 3 is outside 0–1 (column customer).'],
    [
      'invalid-value',
      events([0, 1], [1, 2], [1, Number.NaN], 2),
      'Event 1: value NaN is not a finite number (column value, customer 1).',
    ],
    ['invalid-events', { ...events([], [], [], 1), asOfDay: 1.5 }, 'asOfDay must be a whole day number (got 1.5).'],
    [
      'invalid-attribute',
      { ...events([], [], [], 2), attributes: { complaints6m: new Float64Array(3) } },
      'Attribute complaints6m has 3 entries for 2 customers.',
    ],
  ])('%s: %s', (code, input, message) => {
    expect(() => indexPurchases(input)).toThrow(message);
    try {
      indexPurchases(input);
    } catch (error) {
      expect(error).toBeInstanceOf(ChurnInputError);
      expect((error as ChurnInputError).code).toBe(code);
    }
  });
});

test('spendInLastYear sums purchases of [t − 365, t)', () => {
  const index = indexPurchases(events([0, 0, 0, 1], [600, 635, 999, 700], [10, 20, 40, 5], 3, 1000));
  expect(Array.from(spendInLastYear(index))).toEqual([60, 5, 0]); // day 635 = t − 365 counts, 600 does not
});

test('churnEventsFromFeatures turns kept purchase entries into events and codes channel/region', () => {
  const features = {
    count: 2,
    asOfDay: 500,
    purchaseDays: {
      offsets: Int32Array.of(0, 2, 3),
      days: Int32Array.of(10, 40, 25),
      amounts: Float64Array.of(1, 2, 3),
    },
    behaviour: { complaints6m: Float64Array.of(0, 2) },
    attributes: { channel: ['web', undefined], region: ['north', 'north'] },
  } as unknown as CustomerFeatures;
  const out = churnEventsFromFeatures(features);
  expect(Array.from(out.customer)).toEqual([0, 0, 1]);
  expect(Array.from(out.day)).toEqual([10, 40, 25]);
  expect(out.asOfDay).toBe(500);
  expect(Array.from(out.attributes!.channel!)).toEqual([0, -1]);
  expect(Array.from(out.attributes!.region!)).toEqual([0, 0]);
  expect(Array.from(out.attributes!.complaints6m!)).toEqual([0, 2]);
  expect(() => churnEventsFromFeatures({ ...features, purchaseDays: undefined } as CustomerFeatures)).toThrow(
    /keepPurchaseDays/,
  );
});
