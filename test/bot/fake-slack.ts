import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the fake Slack Web API (or a response_url). */
export interface RecordedCall {
  readonly method: string;
  readonly body: Record<string, unknown>;
  /** The bearer token the call carried (Web API calls), to check which workspace's token was used. */
  readonly token?: string;
}

/** A workspace that can install the app through the fake's oauth.v2.access (see `addInstallCode`). */
export interface FakeWorkspace {
  readonly teamId: string;
  readonly teamName: string;
  readonly botToken: string;
  readonly botUserId: string;
  readonly botId: string;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    // The WebClient sends arrays and objects (blocks, view, metadata) as JSON strings.
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

/**
 * A local stand-in for slack.com/api (WebClient `slackApiUrl`) and for
 * response_url, on 127.0.0.1 and a free port. It records every call and
 * answers ok; `failNext(method, status, headers, body)` makes the next call
 * of a method fail (429 with Retry-After, or an API error).
 */
export async function startFakeSlack() {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, { status: number; headers: Record<string, string>; body: unknown }[]>();
  const files = new Map<string, Buffer>();
  let ts = 1000;
  let base = '';
  let socketUrl = '';
  // OAuth: install code → workspace; bot token → workspace (auth.test answers for the token's own team).
  const installCodes = new Map<string, FakeWorkspace>();
  const workspaceOfToken = new Map<string, FakeWorkspace>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/files/')) {
      const file = files.get(url.pathname);
      res.writeHead(file ? 200 : 404).end(file);
      return;
    }
    const text = await readBody(req);
    if (url.pathname.startsWith('/upload/')) {
      calls.push({ method: 'upload', body: { bytes: text.length, text } });
      res.writeHead(200).end('OK');
      return;
    }
    const method = url.pathname.startsWith('/api/') ? url.pathname.slice(5) : url.pathname.slice(1);
    const body = parseBody(text, req.headers['content-type']);
    const failure = failures.get(method)?.shift();
    if (failure) {
      calls.push({ method: `${method}!${failure.status}`, body });
      res
        .writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers })
        .end(JSON.stringify(failure.body));
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    calls.push({ method, body, ...(bearer ? { token: bearer } : {}) });
    const ok = (extra: Record<string, unknown> = {}) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, ...extra }));
    const refuse = (error: string) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error }));
    if (method === 'oauth.v2.access') {
      const workspace = installCodes.get(String(body.code));
      if (!workspace) return refuse('invalid_code');
      installCodes.delete(String(body.code));
      workspaceOfToken.set(workspace.botToken, workspace);
      return ok({
        app_id: 'A1',
        access_token: workspace.botToken,
        token_type: 'bot',
        scope: 'chat:write,commands,im:history',
        bot_user_id: workspace.botUserId,
        team: { id: workspace.teamId, name: workspace.teamName },
        enterprise: null,
        is_enterprise_install: false,
        authed_user: { id: 'UINSTALLER' },
      });
    }
    const tokenWorkspace = bearer ? workspaceOfToken.get(bearer) : undefined;
    if (method === 'auth.test' && tokenWorkspace)
      return ok({
        user_id: tokenWorkspace.botUserId,
        bot_id: tokenWorkspace.botId,
        team_id: tokenWorkspace.teamId,
        user: 'tierline',
      });
    if (method === 'auth.test') return ok({ user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'tierline' });
    if (method === 'chat.postMessage') return ok({ ts: `${++ts}.000100`, channel: body.channel });
    if (method === 'apps.connections.open') return ok({ url: socketUrl });
    if (method === 'conversations.history') return ok({ messages: [] });
    if (method === 'files.getUploadURLExternal') return ok({ upload_url: `${base}/upload/F1`, file_id: 'F1' });
    if (method === 'files.completeUploadExternal') return ok({ files: [{ id: 'F1' }] });
    if (method === 'users.lookupByEmail')
      return body.email === 'maria@example.com'
        ? ok({ user: { id: 'UMARIA' } })
        : res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ ok: false, error: 'users_not_found' }));
    return ok();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    calls,
    apiUrl: `${base}/api/`,
    responseUrl: (id: string) => `${base}/response/${id}`,
    fileUrl: (name: string, content: Buffer) => {
      files.set(`/files/${name}`, content);
      return `${base}/files/${name}`;
    },
    /** Lets oauth.v2.access exchange `code` (once) for `workspace`'s bot token; any other code is invalid_code. */
    addInstallCode(code: string, workspace: FakeWorkspace) {
      installCodes.set(code, workspace);
    },
    /** What apps.connections.open answers (Socket Mode). */
    setSocketUrl(url: string) {
      socketUrl = url;
    },
    failNext(method: string, status: number, headers: Record<string, string>, body: unknown) {
      failures.set(method, [...(failures.get(method) ?? []), { status, headers, body }]);
    },
    callsTo: (method: string) => calls.filter((c) => c.method === method),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Slack's v0 request signature of `body` at `timestamp` (seconds). */
export function signRequest(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a signed request to the bot, like Slack does; returns status and body. */
export async function postSigned(
  url: string,
  secret: string,
  body: string,
  contentType: string,
  options: { timestamp?: number; signature?: string } = {},
): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? signRequest(secret, timestamp, body),
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}
