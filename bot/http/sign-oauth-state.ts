import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/bolt';

/** How long an "Add to Slack" click stays valid: Slack's own installer uses 10 minutes. */
export const STATE_MAX_AGE_MS = 10 * 60_000;

/** Why a state was refused (stable codes: logs, the install page, tests). */
export type StateRefusal = 'state-invalid' | 'state-expired';

const refuse = (code: StateRefusal): Error =>
  Object.assign(new Error(code === 'state-expired' ? 'The install link expired.' : 'The install state is not ours.'), {
    code,
  });

const sign = (secret: string, payload: string): Buffer => createHmac('sha256', secret).update(payload).digest();

/**
 * The OAuth `state` for "Add to Slack": the install options and the time,
 * HMAC-signed with SLACK_STATE_SECRET, valid for `maxAgeMs` on the bot's
 * clock (Bolt's own store reads the system clock, which tests cannot move).
 * Bolt also checks that the state came back to the browser that started the
 * install (a cookie), so a state alone cannot be replayed elsewhere.
 * @throws (verify) an Error with code `state-invalid` or `state-expired`.
 */
export function createOAuthStateStore(
  secret: string,
  options: { readonly now?: () => number; readonly maxAgeMs?: number } = {},
): StateStore {
  const now = options.now ?? Date.now;
  const maxAgeMs = options.maxAgeMs ?? STATE_MAX_AGE_MS;
  return {
    async generateStateParam(installOptions: InstallURLOptions): Promise<string> {
      const payload = Buffer.from(
        JSON.stringify({ o: installOptions, t: now(), n: randomBytes(8).toString('hex') }),
      ).toString('base64url');
      return `${payload}.${sign(secret, payload).toString('base64url')}`;
    },
    async verifyStateParam(_systemNow: Date, state: string): Promise<InstallURLOptions> {
      const [payload, signature, extra] = state.split('.');
      if (!payload || !signature || extra !== undefined) throw refuse('state-invalid');
      const given = Buffer.from(signature, 'base64url'),
        expected = sign(secret, payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refuse('state-invalid');
      let parsed: { o?: InstallURLOptions; t?: number };
      try {
        parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof parsed;
      } catch {
        throw refuse('state-invalid');
      }
      if (typeof parsed.t !== 'number' || !parsed.o) throw refuse('state-invalid');
      const age = now() - parsed.t;
      if (age < 0 || age > maxAgeMs) throw refuse('state-expired');
      return parsed.o;
    },
  };
}
