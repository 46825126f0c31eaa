import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { BotDeps } from './bot-deps.js';
import { errorCode } from './error-code.js';
import { guardRequests } from './http/guard-requests.js';
import { register as registerUnknown } from './listeners/ack-unknown.js';
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
    deps.log(`listener failed: ${errorCode(error)}`);
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
      token: config.token,
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
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: '/slack/events',
    logLevel: LogLevel.ERROR,
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
    token: config.token,
    receiver,
    clientOptions: config.clientOptions ?? {},
    logLevel: LogLevel.ERROR,
  });
  registerListeners(app, deps);
  let server: Server | undefined;
  return {
    app,
    mode: 'http',
    start(port: number, host?: string) {
      server = createServer(
        guardRequests(receiver.requestListener, {
          signingSecret: config.signingSecret,
          log: deps.log,
          ...(config.requestClock ? { now: config.requestClock } : {}),
        }),
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
