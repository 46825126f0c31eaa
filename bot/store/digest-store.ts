/** Digests: channel subscriptions and the record of each scheduled run (so one period posts once). */

export interface Subscription {
  readonly id: number;
  readonly channel: string;
  /** Croner pattern, e.g. `0 9 * * 1`. */
  readonly cron: string;
  readonly timeZone: string;
  /** `all`, `team` (the creator's owners: all for a manager) or one owner's customers. */
  readonly scope: { readonly kind: 'all' } | { readonly kind: 'owner'; readonly owner: string };
  readonly locale: 'en' | 'zh-CN';
  readonly createdBy: string;
  readonly createdAt: string;
  /**
   * The Slack workspace (team) and Enterprise Grid org the subscription was
   * made in: OAuth mode posts with that installation's bot token. Null or
   * absent in token mode (one workspace) and for subscriptions made before.
   */
  readonly teamId?: string | null;
  readonly enterpriseId?: string | null;
}

export type DigestRunStatus = 'claimed' | 'posted' | 'failed';

export interface DigestRun {
  readonly subscriptionId: number;
  /** The scheduled instant (UTC ISO) that names the period. */
  readonly period: string;
  readonly status: DigestRunStatus;
  readonly claimedBy: string;
  readonly claimedAt: string;
  readonly postedAt: string | null;
  readonly messageTs: string | null;
  readonly attempts: number;
  readonly error: string | null;
}

/** Digest subscriptions and runs. */
export interface DigestStore {
  addSubscription(subscription: Omit<Subscription, 'id'>): Promise<Subscription>;
  subscriptions(): Promise<Subscription[]>;
  removeSubscription(id: number): Promise<boolean>;

  /**
   * Claims (subscription, period) for `worker` in one write transaction.
   * Returns the run when this caller owns the claim: no run existed, or a run
   * claimed more than `staleAfterMs` ago never reached `posted`, or it failed.
   */
  claimDigestRun(
    subscriptionId: number,
    period: string,
    worker: string,
    now: string,
    staleAfterMs: number,
  ): Promise<DigestRun | undefined>;
  finishDigestRun(
    subscriptionId: number,
    period: string,
    outcome:
      { status: 'posted'; messageTs: string | null; at: string } | { status: 'failed'; error: string; at: string },
  ): Promise<void>;
  digestRuns(subscriptionId: number): Promise<DigestRun[]>;
}
