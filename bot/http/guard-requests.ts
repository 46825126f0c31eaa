import type { IncomingMessage, ServerResponse } from 'node:http';
import { defaultBodyLimit, HTTPModuleFunctions, isValidSlackRequest } from '@slack/bolt';
import { z } from 'zod';

/** Slack signs each request with its timestamp; anything further than this from our clock, either way, is refused. */
export const TIMESTAMP_WINDOW_MS = 5 * 60_000;

export interface GuardOptions {
  readonly signingSecret: string;
  /** Epoch ms (tests move it). */
  readonly now?: () => number;
  /** Largest body accepted (Bolt's default, 4 MB). */
  readonly bodyLimit?: number;
  /** Logs one line per refusal: a code, never the body. */
  readonly log?: (line: string) => void;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Why a request was refused before Bolt saw it (stable codes for logs and tests). */
export type Refusal = 'bad-signature' | 'timestamp-out-of-window' | 'replayed' | 'body-too-large' | 'malformed-body';

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Keep draining (so the client gets our answer) but stop keeping bytes.
    if (size > limit) continue;
    chunks.push(chunk as Buffer);
  }
  return size > limit ? 'too-large' : Buffer.concat(chunks);
}

const id = z.string().min(1);
const user = z.object({ id });
/**
 * The least of each envelope Bolt routes on. Bolt reads `body.ssl_check`
 * before its own try (so `payload=null` killed the process) and waits 3 s
 * before answering a body no listener matches; Slack never sends these
 * shapes, so they get a quick 400 instead. Fields beyond routing are the
 * listeners' to check.
 */
const ROUTABLE = z.union([
  z.object({ command: id, user_id: id, channel_id: id }),
  z.object({ type: z.literal('url_verification'), challenge: z.string() }),
  // Bolt reads `event.channel.id` when the channel is not a string, and matches patterns on `event.text`.
  z.object({
    type: z.literal('event_callback'),
    event: z.object({
      type: id,
      channel: z.union([z.string(), z.object({ id: z.string() })]).optional(),
      user: z.union([z.string(), z.object({ id: z.string() })]).optional(),
      text: z.string().optional(),
    }),
  }),
  z.object({ type: z.literal('block_actions'), user, actions: z.array(z.object({ action_id: id })).min(1) }),
  z.object({ type: z.enum(['view_submission', 'view_closed']), user, view: z.object({ callback_id: z.string() }) }),
  z.object({ type: z.literal('shortcut'), user, callback_id: id }),
  z.object({ type: z.literal('message_action'), user, callback_id: id, channel: z.object({ id }) }),
  z.object({ type: z.literal('block_suggestion'), user, action_id: id }),
]);

function isRoutable(req: IncomingMessage & { rawBody: Buffer }): boolean {
  try {
    return ROUTABLE.safeParse(HTTPModuleFunctions.parseHTTPRequestBody(req)).success;
  } catch {
    return false;
  }
}

/**
 * Wraps Bolt's request listener: every POST is read (up to the body limit,
 * else 413), its signature checked, its timestamp required within 5 minutes
 * of our clock in either direction (Bolt refuses only stale ones), a
 * (timestamp, signature) pair seen before refused (a replay inside the
 * window), all with 401; a signed body that is not a Slack envelope
 * (`payload=null`, not JSON, no user or actions) gets 400. Only then does Bolt see it, pre-read (Bolt reuses
 * `rawBody`). The signature covers the body, so two different requests never
 * share one.
 */
export function guardRequests(listener: Listener, options: GuardOptions): Listener {
  const now = options.now ?? Date.now;
  const limit = options.bodyLimit ?? defaultBodyLimit;
  const seen = new Map<string, number>();
  const refuse = (res: ServerResponse, status: number, code: Refusal) => {
    options.log?.(`request refused: ${code}`);
    if (!res.headersSent) res.writeHead(status).end();
  };
  return (req, res) => {
    if (req.method !== 'POST') return listener(req, res);
    void (async () => {
      const body = await readBody(req, limit);
      if (body === 'too-large') return refuse(res, 413, 'body-too-large');
      const text = body.toString('utf8');
      // ssl_check requests are unsigned by design; Bolt strips anything else from them.
      if (
        req.headers['content-type'] === 'application/x-www-form-urlencoded' &&
        new URLSearchParams(text).get('ssl_check') === '1'
      ) {
        Object.assign(req, { rawBody: body });
        return listener(req, res);
      }
      const signature = req.headers['x-slack-signature'],
        timestampText = req.headers['x-slack-request-timestamp'];
      const timestamp = Number(timestampText);
      if (typeof signature !== 'string' || typeof timestampText !== 'string' || !Number.isInteger(timestamp))
        return refuse(res, 401, 'bad-signature');
      const t = now();
      if (Math.abs(t - timestamp * 1000) > TIMESTAMP_WINDOW_MS) return refuse(res, 401, 'timestamp-out-of-window');
      // Bolt checks again with the system clock; this check is the one that carries our clock.
      if (
        !isValidSlackRequest({
          signingSecret: options.signingSecret,
          body: text,
          headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
          nowMilliseconds: t,
        })
      )
        return refuse(res, 401, 'bad-signature');
      for (const [key, at] of seen) if (t - at > 2 * TIMESTAMP_WINDOW_MS) seen.delete(key);
      const key = `${timestamp}:${signature}`;
      if (seen.has(key)) return refuse(res, 401, 'replayed');
      seen.set(key, t);
      const buffered = Object.assign(req, { rawBody: body });
      if (!isRoutable(buffered)) return refuse(res, 400, 'malformed-body');
      listener(buffered, res);
    })().catch(() => refuse(res, 400, 'malformed-body'));
  };
}
