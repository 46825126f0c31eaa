import { maskName } from '../../core/index.js';
import { canSee, scopeOwner, type Viewer } from '../access/resolve-viewer.js';
import type { ChurnSort, Intent, Locale } from '../intents/match-intent.js';
import type { MessageId } from '../i18n/messages.js';
import type { Block } from '../blocks/build-answer.js';
import { findQuestion } from '../intents/question-registry.js';
import type {
  ExecutionLogEntry,
  ExecutionLogStore,
  PeopleStore,
  SnapshotInfo,
  SnapshotStore,
  StoredCustomer,
} from '../store/store.js';

/** Where the answer is shown: a DM (or the CLI) may show the owner's full names; a channel never does. */
export type Surface = 'dm' | 'channel';

export interface AnswerContext {
  /** Answers read snapshots, the log and snoozes, and resolve a mentioned owner; never digests. */
  readonly store: SnapshotStore & ExecutionLogStore & PeopleStore;
  readonly viewer: Viewer;
  readonly locale: Locale;
  readonly surface: Surface;
  /** Today's date YYYY-MM-DD in the bot's clock (snoozes expire against it). */
  readonly today: string;
}

/** A customer as one answer shows it: the stored row plus the name this surface may show. */
export interface ShownCustomer extends StoredCustomer {
  readonly displayName: string | null;
}

/** A page of a list answer; `offset` and `pageSize` drive the next/previous buttons. */
export interface Page {
  readonly offset: number;
  readonly pageSize: number;
  readonly total: number;
}

export type Answer =
  | {
      readonly kind: 'churn';
      readonly snapshot: SnapshotInfo;
      readonly owner: string | undefined;
      readonly sort: ChurnSort;
      readonly customers: readonly ShownCustomer[];
      readonly page: Page;
    }
  | {
      readonly kind: 'segment';
      readonly snapshot: SnapshotInfo;
      readonly owner: string | undefined;
      readonly segment: string;
      readonly customers: readonly ShownCustomer[];
      readonly page: Page;
    }
  | {
      readonly kind: 'search';
      readonly snapshot: SnapshotInfo;
      readonly text: string;
      readonly customers: readonly ShownCustomer[];
    }
  | {
      readonly kind: 'customer';
      readonly snapshot: SnapshotInfo;
      readonly customer: ShownCustomer;
      readonly contacts: readonly ExecutionLogEntry[];
      readonly snoozedUntil: string | undefined;
    }
  | {
      readonly kind: 'summary';
      readonly snapshot: SnapshotInfo;
      readonly owner: string | undefined;
      readonly all: boolean;
      readonly counts: readonly { segment: string; count: number; revenue: number; churnRisks: number }[];
    }
  | { readonly kind: 'help'; readonly fallback: boolean }
  // A registry question's own answer (bot/intents/question-registry.ts), already rendered for the asker.
  | { readonly kind: 'rendered'; readonly question: string; readonly blocks: readonly Block[] }
  | { readonly kind: 'error'; readonly id: MessageId; readonly values?: Readonly<Record<string, string | number>> };

export const DEFAULT_PAGE_SIZE = 5;
export const MAX_PAGE_SIZE = 20;

/** Extra request details a button or slash command carries besides the intent. */
export interface AnswerRequest {
  readonly offset?: number;
  readonly pageSize?: number;
  /** A churn list's order, from a Sort button (overrides the question's phrasing). */
  readonly sort?: ChurnSort;
  /** Set when the help card answers a question that matched nothing. */
  readonly unmatched?: boolean;
}

/** Names the surface may show: full only in a DM to the customer's own owner (SPEC §10). */
function show(ctx: AnswerContext, customers: readonly StoredCustomer[]): ShownCustomer[] {
  return customers.map((c, i) => {
    const full = ctx.surface === 'dm' && ctx.viewer.owner !== undefined && c.owner === ctx.viewer.owner;
    const name = c.company ?? c.name;
    return { ...c, displayName: full ? name : maskName(name, i, ctx.locale) };
  });
}

function scopeError(error: 'not-mapped' | 'managers-only' | 'owner-not-mapped', user?: string): Answer {
  return { kind: 'error', id: `error.${error}`, ...(user ? { values: { user } } : {}) };
}

/** The page size a list question asked for ("top 10 at risk" → 10), within 1–MAX_PAGE_SIZE. */
export function pageSizeOf(intent: Intent, requested?: number): number {
  const limit = intent.kind === 'churn' ? intent.limit : undefined;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(requested ?? limit ?? DEFAULT_PAGE_SIZE)));
}

function clampPage(request: AnswerRequest, limit?: number): { offset: number; pageSize: number } {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(request.pageSize ?? limit ?? DEFAULT_PAGE_SIZE)));
  const offset = Math.max(0, Math.floor(request.offset ?? 0));
  return { offset, pageSize };
}

/**
 * Answers one matched question from the newest snapshot, scoped to what the
 * viewer may see. Every path — list, lookup, search, summary — applies the
 * same owner filter, so a salesperson cannot reach another owner's customer.
 * @example answerQuestion({ kind: 'churn' }, { store, viewer, locale: 'en', surface: 'dm', today }) // { kind: 'churn', customers: [...] }
 */
export async function answerQuestion(intent: Intent, ctx: AnswerContext, request: AnswerRequest = {}): Promise<Answer> {
  if (intent.kind === 'help') return { kind: 'help', fallback: request.unmatched ?? false };
  const snapshot = await ctx.store.latestSnapshot();
  if (!snapshot) return { kind: 'error', id: 'error.no-snapshot' };
  if (snapshot.customerCount === 0)
    return { kind: 'error', id: 'error.empty-snapshot', values: { asOf: snapshot.asOf } };
  switch (intent.kind) {
    case 'churn': {
      const scope = await scopeOwner(ctx.store, ctx.viewer, intent.ownerMention);
      if ('error' in scope) return scopeError(scope.error, scope.user);
      const { offset, pageSize } = clampPage(request, intent.limit);
      const sort = request.sort ?? intent.sort ?? 'risk';
      const { customers, total } = await ctx.store.churnRisks({
        snapshotId: snapshot.id,
        owner: scope.owner,
        limit: pageSize,
        offset,
        today: ctx.today,
        sort,
      });
      return {
        kind: 'churn',
        snapshot,
        owner: scope.owner,
        sort,
        customers: show(ctx, customers),
        page: { offset, pageSize, total },
      };
    }
    case 'segment': {
      const scope = await scopeOwner(ctx.store, ctx.viewer);
      if ('error' in scope) return scopeError(scope.error, scope.user);
      if (!snapshot.segments.includes(intent.segment))
        return { kind: 'error', id: 'segment.unknown', values: { segment: intent.segment } };
      const { offset, pageSize } = clampPage(request);
      const { customers, total } = await ctx.store.customersInSegment({
        snapshotId: snapshot.id,
        owner: scope.owner,
        segment: intent.segment,
        limit: pageSize,
        offset,
      });
      return {
        kind: 'segment',
        snapshot,
        owner: scope.owner,
        segment: intent.segment,
        customers: show(ctx, customers),
        page: { offset, pageSize, total },
      };
    }
    case 'lookup': {
      const scope = await scopeOwner(ctx.store, ctx.viewer);
      if ('error' in scope) return scopeError(scope.error, scope.user);
      const customer = await ctx.store.customer(snapshot.id, intent.customerId);
      // Another owner's customer reads as "not found": its existence is not the asker's to know.
      if (!customer || !canSee(ctx.viewer, customer.owner))
        return { kind: 'error', id: 'lookup.not-found', values: { id: intent.customerId } };
      const contacts = await ctx.store.executionLog({ customerId: customer.customerId });
      return {
        kind: 'customer',
        snapshot,
        customer: show(ctx, [customer])[0]!,
        contacts,
        snoozedUntil: await ctx.store.snoozedUntil(customer.customerId),
      };
    }
    case 'search': {
      const scope = await scopeOwner(ctx.store, ctx.viewer);
      if ('error' in scope) return scopeError(scope.error, scope.user);
      const customers = await ctx.store.searchCustomers(snapshot.id, intent.text, scope.owner, DEFAULT_PAGE_SIZE);
      if (customers.length === 0) return { kind: 'error', id: 'search.none', values: { text: intent.text } };
      if (customers.length === 1) return answerQuestion({ kind: 'lookup', customerId: customers[0]!.customerId }, ctx);
      return { kind: 'search', snapshot, text: intent.text, customers: show(ctx, customers) };
    }
    case 'asked': {
      const question = findQuestion(intent.question);
      if (!question?.answer) return { kind: 'help', fallback: true };
      return { kind: 'rendered', question: question.id, blocks: await question.answer(ctx, intent) };
    }
    case 'summary': {
      const scope = await scopeOwner(ctx.store, ctx.viewer, intent.ownerMention);
      if ('error' in scope) return scopeError(scope.error, scope.user);
      return {
        kind: 'summary',
        snapshot,
        owner: scope.owner,
        all: scope.owner === undefined,
        counts: await ctx.store.segmentCounts(snapshot.id, scope.owner),
      };
    }
  }
}
