import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { BotDeps } from './bot-deps.js';
import { register as registerActions } from './listeners/actions/index.js';
import { register as registerCommands } from './listeners/commands/index.js';
import { register as registerEvents } from './listeners/events/index.js';
import { register as registerMessages } from './listeners/messages/index.js';
import { register as registerViews } from './listeners/views/index.js';

/** How the app talks to Slack. */
export interface AppConfig {
  /** Bot token (xoxb-…). */
  readonly token: string;
  /** Signing secret: every HTTP request is verified against it. */
  readonly signingSecret: string;
  /** App-level token (xapp-…): Socket Mode instead of HTTP. */
  readonly appToken?: string;
  /** Passed to the WebClient (tests point slackApiUrl at a local fake). */
  readonly clientOptions?: WebClientOptions;
}

/** Registers every listener kind on an app. */
export function registerListeners(app: App, deps: BotDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerMessages(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
}

// Slack signs each request once; a captured request replayed inside the
// five-minute timestamp window would otherwise pass Bolt's checks.
const REPLAY_WINDOW_MS = 5 * 60_000;

/**
 * Wraps a request listener so a request whose (timestamp, signature) was
 * already seen is refused with 401. The signature covers the body, so two
 * different requests never share one.
 */
export function rejectReplays(listener: (req: IncomingMessage, res: ServerResponse) => void, now: () => number = Date.now): (req: IncomingMessage, res: ServerResponse) => void {
  const seen = new Map<string, number>();
  return (req, res) => {
    const signature = req.headers['x-slack-signature'], timestamp = req.headers['x-slack-request-timestamp'];
    if (typeof signature === 'string' && typeof timestamp === 'string') {
      const t = now();
      for (const [key, at] of seen) if (t - at > REPLAY_WINDOW_MS) seen.delete(key);
      const key = `${timestamp}:${signature}`;
      if (seen.has(key)) {
        res.writeHead(401).end();
        return;
      }
      seen.set(key, t);
    }
    listener(req, res);
  };
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
 * given (local development), else the HTTP receiver behind the replay guard
 * (production; Bolt verifies the signing secret and the 5-minute timestamp
 * window on every request).
 */
export function buildApp(config: AppConfig, deps: BotDeps): BuiltApp {
  if (config.appToken) {
    // installerOptions.clientOptions is what Bolt hands the Socket Mode client for apps.connections.open.
    const app = new App({ token: config.token, appToken: config.appToken, socketMode: true, signingSecret: config.signingSecret, clientOptions: config.clientOptions ?? {}, installerOptions: { clientOptions: { ...(config.clientOptions ?? {}) } }, logLevel: LogLevel.WARN });
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
  const receiver = new HTTPReceiver({ signingSecret: config.signingSecret, endpoints: '/slack/events', logLevel: LogLevel.ERROR });
  const app = new App({ token: config.token, receiver, clientOptions: config.clientOptions ?? {}, logLevel: LogLevel.ERROR });
  registerListeners(app, deps);
  let server: Server | undefined;
  return {
    app,
    mode: 'http',
    start(port: number, host?: string) {
      server = createServer(rejectReplays(receiver.requestListener));
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
