/**
 * Our side of `bot-churn-digest-1m`, run as its own process by bench/run.ts:
 *
 *   node dist/bench/ours/bot-churn-digest.js STORE.db OWNERS QUERIES
 *
 * Opens the bot's store (not timed), then times, in-process:
 * 1. the churn-risk answer a salesperson gets — answerQuestion + Block Kit +
 *    text, for QUERIES random owners (seeded), reporting p50 / p95 / max;
 * 2. the same for a manager (every owner's customers);
 * 3. the weekly digest of the whole store (both snapshots read, migration,
 *    new risks, win-back), which is `seconds`.
 * Prints one JSON line with the digest figures the reference recomputes.
 */

import { createRng } from '../../core/index.js';
import { buildDigest, replyToIntent, SqliteStore, type BotDeps } from '../../bot/index.js';
import { ownerOf } from '../generate-bot-store.js';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

async function timeQueries(
  run: () => Promise<void>,
  count: number,
): Promise<{ p50: number; p95: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times.at(-1)! };
}

async function main(argv: readonly string[]): Promise<void> {
  const [path, ownersText, queriesText] = argv;
  if (!path || !ownersText || !queriesText) throw new Error('usage: bot-churn-digest.js STORE.db OWNERS QUERIES');
  const owners = Number(ownersText),
    queries = Number(queriesText);
  const store = new SqliteStore(path);
  const deps: BotDeps = {
    store,
    access: { managers: [], admins: [] },
    now: () => new Date('2026-11-09T09:00:00Z'),
    defaultLocale: 'en',
    log: () => {},
  };
  const rng = createRng(42);
  const ask = async (owner: string | undefined, offset: number): Promise<void> => {
    const viewer = owner === undefined ? { manager: true, admin: false } : { owner, manager: false, admin: false };
    const reply = await replyToIntent(deps, viewer, { kind: 'churn' }, 'dm', 'en', { offset });
    if (reply.answer.kind !== 'churn' || reply.answer.customers.length === 0)
      throw new Error(`no churn answer for ${owner ?? 'manager'}`);
  };
  // One warm-up query: the first one pays for page-cache misses and statement preparation.
  await ask(ownerOf(0, owners), 0);
  const salesperson = await timeQueries(
    () => ask(ownerOf(rng.int(0, owners - 1), owners), rng.next() < 0.2 ? 5 : 0),
    queries,
  );
  const manager = await timeQueries(() => ask(undefined, 0), Math.max(10, Math.floor(queries / 10)));

  const started = performance.now();
  const digest = (await buildDigest(store, undefined))!;
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  console.log(
    JSON.stringify({
      seconds,
      peakMemoryMB: process.resourceUsage().maxRSS / 1024,
      customers: digest.total,
      timing: 'digest of the whole store (2 snapshots); churn answers timed separately (churnMs)',
      phases: { digest: seconds },
      // Milliseconds, outside `phases` (which the report prints as seconds).
      churnMs: { p50: salesperson.p50, p95: salesperson.p95, max: salesperson.max, managerP95: manager.p95 },
      tiers: Object.fromEntries(digest.tiers.map((t) => [t.segment, t.count])),
      upgraded: digest.upgraded,
      downgraded: digest.downgraded,
      newChurnRisks: digest.newChurnRisks,
      winBack: digest.winBack.won,
      atRiskBefore: digest.winBack.atRisk,
    }),
  );
}

await main(process.argv.slice(2));
