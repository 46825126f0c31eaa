import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Logger } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { BotDeps } from './bot-deps.js';
import { errorCode } from './error-code.js';
import { guardRequests } from './http/guard-requests.js';
import { installPages } from './http/install-pages.js';
import { createOAuthStateStore } from './http/sign-oauth-state.js';
import { register as registerUnknown } from './listeners/ack-unknown.js';
import { register as registerActions } from './listeners/actions/index.js';
import { register as registerCommands } from './listeners/commands/index.js';
import { register as registerEvents } from './listeners/events/index.js';
import { register as registerMessages } from './listeners/messages/index.js';
import { register as registerViews } from './listeners/views/index.js';
import { boltInstallationStore, installationKeyOf, type InstallationStore } from './store/installation-store.js';

/** The bot scopes an "Add to Slack" install asks for: the manifest's (test/bot/oauth-install.test.ts checks they match). */
export const BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'groups:history',
  'chat:write',
  'commands',
  'files:read',
  'files:write',
  'im:history',
  'im:read',
  'im:write',
  'users:read',
  'users:read.email',
] as const;

/** "Add to Slack" for many workspaces: each team's bot token comes from the installation store. */
export interface OAuthConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Signs the OAuth state (SLACK_STATE_SECRET). */
  readonly stateSecret: string;
  readonly installations: InstallationStore;
  /** Where Slack sends the installer back, when not the app's configured redirect URL. */
  readonly redirectUri?: string;
}

/** The paths Slack's OAuth flow visits with a browser: unsigned GETs, so they bypass guardRequests. */
export const INSTALL_PATHS = ['/slack/install', '/slack/oauth_redirect'] as const;
/** How the app talks to Slack. */
export interface AppConfig {
  /** Bot token (xoxb-…): one workspace. Absent in OAuth mode. */
  readonly token?: string;
  /** OAuth mode ("Add to Slack", many workspaces; HTTP only): instead of `token`. */
  readonly oauth?: OAuthConfig;
  /** Signing secret: every HTTP request is verified against it. */
  readonly signingSecret: string;
  /** App-level token (xapp-…): Socket Mode instead of HTTP. */
  readonly appToken?: string;
  /** Passed to the WebClient (tests point slackApiUrl at a local fake). */
  readonly clientOptions?: WebClientOptions;
  /** Wall clock for the request timestamp window, epoch ms (default Date.now; tests move it). */
  readonly requestClock?: () => number;
}

/** Registers every listener kind on an app. */
export function registerListeners(app: App, deps: BotDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerMessages(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  // Last: acks what no listener above claims (unknown action ids, shortcuts, other commands).
  registerUnknown(app);
  // A listener that throws is logged by code and the bot keeps serving; Bolt acks or answers 500 for it.
  app.error(async (error) => {
    // OAuth mode: an event from a workspace with no installation. Bolt acks it (200) and calls no listener.
    if ((error as { code?: unknown }).code === 'slack_bolt_authorization_error')
      deps.log('event ignored: no installation for this workspace');
    else deps.log(`listener failed: ${errorCode(error)}`);
  });
}

/** A built app: the Bolt App, plus the HTTP server when not in Socket Mode. */
export interface BuiltApp {
  readonly app: App;
  readonly mode: 'socket' | 'http';
  /** Starts listening (HTTP: on host:port; 0 picks a free port). */
  start(port: number, host?: string): Promise<{ port: number }>;
  stop(): Promise<void>;
}

/**
 * Builds the Bolt App with every listener: Socket Mode when an app token is
 * given (local development), else the HTTP receiver behind guardRequests
 * (production: signature, a 5-minute timestamp window both ways, replays and
 * malformed bodies refused before Bolt sees them).
 */
export function buildApp(config: AppConfig, deps: BotDeps): BuiltApp {
  if (config.oauth && (config.token || config.appToken))
    throw Object.assign(new Error('OAuth mode takes no bot or app token: each workspace gets its own on install.'), {
      code: 'oauth-with-token',
    });
  if (!config.oauth && !config.token)
    throw Object.assign(new Error('A bot token (single workspace) or OAuth settings are required.'), {
      code: 'no-token',
    });
  if (config.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: config.appToken,
      // installerOptions.clientOptions is what Bolt hands the Socket Mode client for apps.connections.open.
      installerOptions: { clientOptions: { ...(config.clientOptions ?? {}) } },
      logLevel: LogLevel.WARN,
      // An envelope Bolt could not process (payload null, wrong shape): one line, acked so Slack does not resend it.
      processEventErrorHandler: async ({ error }) => {
        deps.log(`envelope failed: ${errorCode(error)}`);
        return true;
      },
    });
    const app = new App({
      ...(config.token ? { token: config.token } : {}),
      receiver,
      clientOptions: config.clientOptions ?? {},
      logLevel: LogLevel.WARN,
    });
    registerListeners(app, deps);
    return {
      app,
      mode: 'socket',
      async start() {
        await app.start();
        return { port: 0 };
      },
      async stop() {
        await app.stop();
      },
    };
  }
  const oauth = config.oauth;
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: '/slack/events',
    logLevel: LogLevel.ERROR,
    // Bolt's own error lines can quote a request or an installation: only codes reach the log.
    logger: quietLogger(deps.log),
    ...(oauth
      ? {
          clientId: oauth.clientId,
          clientSecret: oauth.clientSecret,
          stateSecret: oauth.stateSecret,
          scopes: [...BOT_SCOPES],
          installationStore: boltInstallationStore(oauth.installations, deps.now),
          ...(oauth.redirectUri ? { redirectUri: oauth.redirectUri } : {}),
          installerOptions: {
            installPath: INSTALL_PATHS[0],
            redirectUriPath: INSTALL_PATHS[1],
            // /slack/install redirects straight to Slack's consent screen (no landing page).
            directInstall: true,
            stateStore: createOAuthStateStore(
              oauth.stateSecret,
              config.requestClock ? { now: config.requestClock } : {},
            ),
            clientOptions: config.clientOptions ?? {},
            callbackOptions: installPages(deps.log),
          },
        }
      : {}),
    // An event Bolt could not process: one line, a quiet 400, the server keeps going.
    processEventErrorHandler: async ({ error, response }) => {
      deps.log(`request failed: ${errorCode(error)}`);
      if (!response.headersSent) response.writeHead(400).end();
      return false;
    },
    unhandledRequestHandler: ({ response }) => {
      if (!response.headersSent) response.writeHead(200).end();
    },
  });
  const app = new App({
    ...(config.token ? { token: config.token } : {}),
    receiver,
    clientOptions: config.clientOptions ?? {},
    logLevel: LogLevel.ERROR,
  });
  if (oauth) forgetUninstalls(app, oauth.installations, deps.log);
  registerListeners(app, deps);
  let server: Server | undefined;
  return {
    app,
    mode: 'http',
    start(port: number, host?: string) {
      const guarded = guardRequests(receiver.requestListener, {
        signingSecret: config.signingSecret,
        log: deps.log,
        ...(config.requestClock ? { now: config.requestClock } : {}),
      });
      // The install pages are a browser's GETs, unsigned by nature: Bolt's installer checks their state instead.
      server = createServer((req, res) =>
        oauth && isInstallRequest(req) ? receiver.requestListener(req, res) : guarded(req, res),
      );
      return new Promise((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, host, () => resolve({ port: (server!.address() as AddressInfo).port }));
      });
    },
    stop() {
      return new Promise((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/**
 * OAuth mode: a workspace that uninstalls the app (or revokes its bot token)
 * is forgotten, so its token does not stay in the store.
 */
function forgetUninstalls(app: App, installations: InstallationStore, log: (line: string) => void): void {
  const forget = async (context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }) => {
    const key = installationKeyOf(context).key;
    if (await installations.deleteInstallation(key)) log(`uninstalled: ${key}`);
  };
  app.event('app_uninstalled', async ({ context }) => forget(context));
  app.event('tokens_revoked', async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(context);
  });
}

function isInstallRequest(req: IncomingMessage): boolean {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  return req.method === 'GET' && (INSTALL_PATHS as readonly string[]).includes(path);
}

/** Bolt's logger with every line reduced to error codes and redacted tokens: logs never hold a secret. */
function quietLogger(log: (line: string) => void): Logger {
  let level = LogLevel.ERROR;
  const line = (msgs: unknown[]) =>
    msgs
      .map((m) => (m instanceof Error ? errorCode(m) : String(m).replace(/xox[a-z]-[\w-]+/gi, 'xox?-…')))
      .join(' ')
      .slice(0, 300);
  return {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: (...msgs: unknown[]) => log(`slack: ${line(msgs)}`),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
