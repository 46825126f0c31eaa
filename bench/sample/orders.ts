import type { Rng } from '../../core/index.js';
import { calendarDate } from './dates.js';
import { SIZE_AMOUNT_FACTOR } from './personas.js';
import type { CustomerProfile } from './profiles.js';
import { DistinctPicker, logNormal, uniform } from './sampling.js';

/** One clean order or refund, before ids and formatting. */
export interface Order {
  /** Index into the profiles array. */
  readonly customer: number;
  readonly day: number;
  /** Whole fen (0.01 yuan) so amounts print exactly; negative = refund. */
  readonly cents: number;
  readonly online: boolean;
}

/** The analysed period: two years ending on `endDay`, both ends inclusive. */
export interface Window {
  readonly startDay: number;
  readonly endDay: number;
}

const MIN_CENTS = 990;
const MAX_CENTS = 500_000_000;
/** Share of a large enterprise's orders that are bulk B2B purchases. */
const BULK_ORDER_SHARE = 0.04;

/**
 * Draws every customer's orders from their persona: first and last order
 * dates fix recency and tenure, the rest fall in between, busier around the
 * 618 and Double-11 shopping festivals.
 */
export function drawOrders(rng: Rng, profiles: readonly CustomerProfile[], window: Window): Order[] {
  const weights = seasonWeights(window);
  const orders: Order[] = [];
  profiles.forEach((profile, customer) => {
    orders.push(...drawCustomerOrders(rng, profile, customer, window, weights));
  });
  return orders;
}

function drawCustomerOrders(
  rng: Rng,
  profile: CustomerProfile,
  customer: number,
  window: Window,
  weights: Float64Array,
): Order[] {
  const persona = profile.persona;
  const recency = rng.int(...persona.recencyDays);
  const [minOrders, maxOrders] = persona.orders;
  const [rateMin, rateMax] = persona.ordersPerMonth;
  let firstAgo = rng.int(Math.max(persona.firstOrderDaysAgo[0], recency), Math.max(persona.firstOrderDaysAgo[1], recency));
  let count: number;
  if (rateMax > 0) {
    const perMonth = uniform(rng, rateMin, rateMax);
    count = 1 + Math.round((perMonth * (firstAgo - recency)) / 30);
  } else {
    count = rng.int(minOrders, maxOrders);
    if (count === 1) firstAgo = recency;
  }
  count = Math.min(maxOrders, Math.max(minOrders, count));

  const lastDay = window.endDay - recency;
  const firstDay = window.endDay - firstAgo;
  const days = [firstDay];
  if (count > 1) days.push(lastDay);
  for (let i = 2; i < count; i++) days.push(seasonalDay(rng, firstDay, lastDay, window, weights));
  days.sort((a, b) => a - b);

  const median = persona.medianAmount * SIZE_AMOUNT_FACTOR[profile.size] * Math.exp(0.35 * rng.normal());
  const onlineShare = Math.min(0.95, Math.max(0.05, persona.onlineShare + 0.25 * rng.normal()));
  return days.map((day) => {
    let amount = logNormal(rng, median, persona.amountSigma);
    if (profile.size === '大型企业' && rng.next() < BULK_ORDER_SHARE) amount *= uniform(rng, 8, 25);
    const cents = Math.min(MAX_CENTS, Math.max(MIN_CENTS, Math.round(amount * 100)));
    return { customer, day, cents, online: rng.next() < onlineShare };
  });
}

/** Relative order volume per day of the window: festivals sell more. */
function seasonWeights(window: Window): Float64Array {
  const weights = new Float64Array(window.endDay - window.startDay + 1);
  for (let day = window.startDay; day <= window.endDay; day++) {
    const { month, day: date } = calendarDate(day);
    let weight = 1;
    if (month === 11 && date <= 11) weight = 2.5; // Double 11 (双十一)
    else if (month === 6 && date <= 18) weight = 2; // 618
    else if (month === 12 && date <= 12) weight = 1.5; // Double 12
    else if (month === 2 && date <= 15) weight = 0.6; // Spring Festival lull
    weights[day - window.startDay] = weight;
  }
  return weights;
}

const MAX_WEIGHT = 2.5;

/** A day in [from, to] drawn by rejection against the season weights. */
function seasonalDay(rng: Rng, from: number, to: number, window: Window, weights: Float64Array): number {
  for (let attempt = 0; attempt < 20; attempt++) {
    const day = rng.int(from, to);
    if (rng.next() * MAX_WEIGHT < (weights[day - window.startDay] ?? 1)) return day;
  }
  return rng.int(from, to);
}

export interface Refund {
  readonly order: Order;
  /** Index of the refunded order in the input array. */
  readonly source: number;
}

/**
 * Full refunds of `count` distinct orders: same customer and channel, the
 * negated amount, 1–30 days later (never after the window).
 */
export function drawRefunds(rng: Rng, orders: readonly Order[], count: number, window: Window): Refund[] {
  const picker = new DistinctPicker(rng, orders.length);
  const sources = picker.take(count, (i) => (orders[i]?.day ?? window.endDay) < window.endDay, 'refund');
  return sources.map((source) => {
    const order = orders[source] as Order;
    return {
      source,
      order: {
        customer: order.customer,
        day: Math.min(window.endDay, order.day + rng.int(1, 30)),
        cents: -order.cents,
        online: order.online,
      },
    };
  });
}
