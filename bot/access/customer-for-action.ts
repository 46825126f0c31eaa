import type { BotDeps } from '../bot-deps.js';
import type { Locale } from '../intents/match-intent.js';
import type { MessageId } from '../i18n/messages.js';
import type { SnapshotInfo, StoredCustomer } from '../store/store.js';
import { canSee, resolveViewer, type Viewer } from './resolve-viewer.js';

/** The customer id a button carries (`{"c":"C003"}`), or undefined for anything else. */
export function customerIdOfValue(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as { c?: unknown };
    return typeof parsed.c === 'string' && parsed.c.length > 0 && parsed.c.length <= 100 ? parsed.c : undefined;
  } catch {
    return undefined;
  }
}

/** The locale a button carries (`"l":"zh-CN"`), else the bot's default. */
export function localeOfValue(value: string | undefined, fallback: Locale): Locale {
  try {
    return (JSON.parse(value ?? '') as { l?: unknown }).l === 'zh-CN' ? 'zh-CN' : fallback;
  } catch {
    return fallback;
  }
}

/**
 * The customer a button or modal acts on, re-checked against the clicking
 * user: button values and modal metadata come back from the client and may
 * be forged, so scoping is decided here again, never trusted from the value.
 */
export async function customerForAction(
  deps: BotDeps,
  slackUserId: string,
  customerId: string | undefined,
): Promise<
  | { viewer: Viewer; snapshot: SnapshotInfo; customer: StoredCustomer }
  | { error: MessageId; values?: Record<string, string> }
> {
  const viewer = await resolveViewer(deps.store, slackUserId, deps.access);
  const snapshot = await deps.store.latestSnapshot();
  if (!snapshot) return { error: 'error.no-snapshot' };
  if (!customerId) return { error: 'lookup.not-found', values: { id: '?' } };
  if (!viewer.manager && viewer.owner === undefined) return { error: 'error.not-mapped' };
  const customer = await deps.store.customer(snapshot.id, customerId);
  if (!customer || !canSee(viewer, customer.owner)) return { error: 'lookup.not-found', values: { id: customerId } };
  return { viewer, snapshot, customer };
}
