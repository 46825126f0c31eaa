import type { WebClient } from '@slack/web-api';
import type { PeopleStore } from '../store/store.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether an owner value or mapping target is an email address. */
export function isEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

/** The result of an email lookup for one owner. */
export type EmailMapping = {
  readonly owner: string;
  readonly email: string;
  readonly slackUserId?: string;
  readonly error?: string;
};

/**
 * Maps owners to Slack users by email (users.lookupByEmail). `pairs` are
 * (owner, email); owner values that are themselves emails map to themselves.
 * A lookup that fails (`users_not_found`) is reported, never guessed.
 */
export async function mapOwnersByEmail(
  store: PeopleStore,
  client: WebClient,
  pairs: readonly { owner: string; email: string }[],
): Promise<EmailMapping[]> {
  const results: EmailMapping[] = [];
  for (const { owner, email } of pairs) {
    try {
      const found = await client.users.lookupByEmail({ email });
      const id = found.user?.id;
      if (!id) {
        results.push({ owner, email, error: 'users_not_found' });
        continue;
      }
      await store.mapOwner(owner, id, 'email');
      results.push({ owner, email, slackUserId: id });
    } catch (error) {
      results.push({
        owner,
        email,
        error: (error as { data?: { error?: string } }).data?.error ?? (error as { code?: string }).code ?? 'error',
      });
    }
  }
  return results;
}
