import type { PeopleStore } from '../store/store.js';

/**
 * Who is asking, as far as scoping goes. A salesperson sees only customers
 * whose owner column is theirs (SPEC §10); a manager sees everyone's, or one
 * owner's when asked. Decided on every request from the Slack user id, never
 * from ids carried in a button or modal (those can be forged).
 */
export interface Viewer {
  /** The Slack user, when the question came from Slack. */
  readonly slackUserId?: string;
  /** The owner name (客户经理) this user is mapped to. */
  readonly owner?: string;
  readonly manager: boolean;
  readonly admin: boolean;
}

/** Bot-wide settings that bear on access. */
export interface AccessConfig {
  /** Slack user ids with the manager role from configuration (TIERLINE_MANAGERS), besides those stored. */
  readonly managers: readonly string[];
  /** Slack user ids with the admin role from configuration (TIERLINE_ADMINS). */
  readonly admins: readonly string[];
}

/** Looks up the viewer of a Slack user: owner mapping and role. */
export async function resolveViewer(store: PeopleStore, slackUserId: string, config: AccessConfig): Promise<Viewer> {
  const role = await store.roleOf(slackUserId);
  const admin = role === 'admin' || config.admins.includes(slackUserId);
  const manager = admin || role === 'manager' || config.managers.includes(slackUserId);
  const owner = await store.ownerOfSlackUser(slackUserId);
  return { slackUserId, ...(owner !== undefined ? { owner } : {}), manager, admin };
}

/** The error of a scoping decision, with a stable code. */
export type ScopeError = {
  readonly error: 'not-mapped' | 'managers-only' | 'owner-not-mapped';
  readonly user?: string;
};

/**
 * The owner filter for a question: a salesperson always gets their own
 * owner; a manager gets the requested owner (a mention resolved through the
 * mapping) or everyone (`undefined`).
 */
export async function scopeOwner(
  store: PeopleStore,
  viewer: Viewer,
  requestedSlackUser?: string,
): Promise<{ owner: string | undefined } | ScopeError> {
  if (requestedSlackUser !== undefined && requestedSlackUser !== viewer.slackUserId) {
    if (!viewer.manager) return { error: 'managers-only' };
    const owner = await store.ownerOfSlackUser(requestedSlackUser);
    if (owner === undefined) return { error: 'owner-not-mapped', user: requestedSlackUser };
    return { owner };
  }
  if (viewer.manager) return { owner: requestedSlackUser !== undefined ? viewer.owner : undefined };
  if (viewer.owner === undefined) return { error: 'not-mapped' };
  return { owner: viewer.owner };
}

/** Whether the viewer may see this customer (owner match, or manager). */
export function canSee(viewer: Viewer, customerOwner: string | null): boolean {
  return viewer.manager || (viewer.owner !== undefined && customerOwner === viewer.owner);
}
