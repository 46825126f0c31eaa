import { Cron } from 'croner';
import type { DigestStore, Subscription } from '../store/store.js';
import { lastOccurrence } from './parse-schedule.js';

/** What posting one digest needs from the outside world (Slack in the bot, a fake in tests). */
export interface DigestPoster {
  /** Posts the digest of `subscription` for `period`; resolves to the message ts. */
  post(subscription: Subscription, period: string): Promise<string | null>;
  /**
   * Whether a digest for (subscription, period) is already in the channel —
   * asked only when a claim went stale (a process died mid-post), so a
   * message that did reach Slack is not posted twice.
   */
  alreadyPosted(subscription: Subscription, period: string, since: Date): Promise<string | null | false>;
}

export interface SchedulerOptions {
  readonly store: DigestStore;
  readonly poster: DigestPoster;
  /** Names this process in claims (host:pid in the bot). */
  readonly worker: string;
  /** The clock; tests pass a fake one. */
  readonly now?: () => Date;
  /** A digest missed while the bot was down is still posted if at most this late (default 12 h). */
  readonly graceMs?: number;
  /** A claim older than this without a post is taken over (default 10 min). */
  readonly staleAfterMs?: number;
  /** Logs without personal data (ids and codes only). */
  readonly log?: (line: string) => void;
}

/** The outcome of one subscription on one tick, for logs and tests. */
export type TickOutcome = {
  readonly subscriptionId: number;
  readonly period?: string;
  readonly result: 'posted' | 'not-due' | 'taken' | 'recovered' | 'failed' | 'skipped';
  readonly error?: string;
};

/** The workspace a subscription was made in, for logs (ids only). */
function workspaceOf(subscription: Subscription): string {
  if (subscription.teamId) return `team ${subscription.teamId}`;
  if (subscription.enterpriseId) return `enterprise ${subscription.enterpriseId}`;
  return 'its workspace (none recorded)';
}

/**
 * Weekly digests, exactly once per (subscription, period). The period is the
 * scheduled instant in UTC (croner computes it in the subscription's time
 * zone, DST included). Each tick claims the period in one SQLite write
 * transaction before posting, so a second process on the same store, or this
 * one restarted, finds the claim and stays silent; a claim left by a process
 * that died mid-post is taken over only after `staleAfterMs`, and only after
 * checking the channel for the message it may have sent. On start every
 * subscription is ticked once: a digest missed within the grace window is
 * posted now.
 */
export class DigestScheduler {
  private readonly jobs = new Map<number, Cron>();
  private readonly now: () => Date;
  private readonly graceMs: number;
  private readonly staleAfterMs: number;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? (() => new Date());
    this.graceMs = options.graceMs ?? 12 * 3600_000;
    this.staleAfterMs = options.staleAfterMs ?? 10 * 60_000;
  }

  /** Ticks one subscription at the clock's time. */
  async tickSubscription(subscription: Subscription): Promise<TickOutcome> {
    const now = this.now();
    const due = lastOccurrence(subscription, now);
    if (!due || now.getTime() - due.getTime() > this.graceMs)
      return { subscriptionId: subscription.id, result: 'not-due' };
    const period = due.toISOString();
    const claim = await this.options.store.claimDigestRun(
      subscription.id,
      period,
      this.options.worker,
      now.toISOString(),
      this.staleAfterMs,
    );
    if (!claim) return { subscriptionId: subscription.id, period, result: 'taken' };
    try {
      if (claim.attempts > 1) {
        // A previous claim was not finished: it may have posted before dying.
        const found = await this.options.poster.alreadyPosted(subscription, period, due);
        if (found !== false) {
          await this.options.store.finishDigestRun(subscription.id, period, {
            status: 'posted',
            messageTs: found,
            at: this.now().toISOString(),
          });
          return { subscriptionId: subscription.id, period, result: 'recovered' };
        }
      }
      const ts = await this.options.poster.post(subscription, period);
      await this.options.store.finishDigestRun(subscription.id, period, {
        status: 'posted',
        messageTs: ts,
        at: this.now().toISOString(),
      });
      this.options.log?.(`digest posted: subscription ${subscription.id}, period ${period}`);
      return { subscriptionId: subscription.id, period, result: 'posted' };
    } catch (error) {
      // Slack's own error ("channel_not_found") says more than the client's wrapper code.
      const code = (error as { data?: { error?: string } }).data?.error ?? (error as { code?: string }).code ?? 'error';
      // Failed runs are claimable again on the next tick within the grace window.
      await this.options.store.finishDigestRun(subscription.id, period, {
        status: 'failed',
        error: code,
        at: this.now().toISOString(),
      });
      if (code === 'workspace-not-installed') {
        // OAuth mode: the workspace uninstalled the app (or none was recorded). Nothing to post with: skip.
        this.options.log?.(
          `digest skipped: subscription ${subscription.id}, period ${period}, no installation for ${workspaceOf(subscription)}`,
        );
        return { subscriptionId: subscription.id, period, result: 'skipped', error: code };
      }
      this.options.log?.(`digest failed: subscription ${subscription.id}, period ${period}, ${code}`);
      return { subscriptionId: subscription.id, period, result: 'failed', error: code };
    }
  }

  /** Ticks every subscription (start-up catch-up, and tests with a fake clock). */
  async tick(): Promise<TickOutcome[]> {
    const outcomes: TickOutcome[] = [];
    for (const subscription of await this.options.store.subscriptions())
      outcomes.push(await this.tickSubscription(subscription));
    return outcomes;
  }

  /** Catches up, then schedules one croner job per subscription in its time zone. */
  async start(): Promise<TickOutcome[]> {
    const outcomes = await this.tick();
    await this.refresh();
    return outcomes;
  }

  /** Re-reads the subscriptions (after subscribe/unsubscribe) and (re)creates their jobs. */
  async refresh(): Promise<void> {
    const current = new Map((await this.options.store.subscriptions()).map((s) => [s.id, s]));
    for (const [id, job] of this.jobs) {
      if (!current.has(id)) {
        job.stop();
        this.jobs.delete(id);
      }
    }
    for (const subscription of current.values()) {
      if (this.jobs.has(subscription.id)) continue;
      const job = new Cron(subscription.cron, { timezone: subscription.timeZone, protect: true }, async () => {
        await this.tickSubscription(subscription);
      });
      this.jobs.set(subscription.id, job);
    }
  }

  /** Stops every job (shutdown, tests). */
  stop(): void {
    for (const job of this.jobs.values()) job.stop();
    this.jobs.clear();
  }
}
