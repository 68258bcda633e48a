// The Slack adapter: Bolt receives (HTTP on our server, or Socket Mode), the Web API sends.
import type { RequestListener } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';
import { createLogger } from '../../src/log';
import { boltLogger } from './bolt-logger';
import { createSlackChat, type SlackChat } from './chat';
import type { SlackAdapterConfig } from './config';
import { registerListeners } from './listeners';
import { withTimestampWindow } from './timestamp-window';

/** Where the HTTP listener expects to be mounted. */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackAdapter {
  chat: SlackChat;
  /** HTTP mode only: mount at SLACK_EVENTS_PATH on our server. */
  requestListener?: RequestListener;
  /** Verifies the bot token (auth.test); in Socket Mode also connects. Requests get 503 until then. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSlackAdapter(config: SlackAdapterConfig): SlackAdapter {
  const log = config.log ?? createLogger(config.logLevel ?? 'info');
  const logger = boltLogger(log);
  const socketMode = config.appToken !== undefined;
  if (!socketMode && (config.signingSecret === undefined || config.signingSecret === '')) {
    throw new Error('Slack over HTTP needs a signing secret');
  }
  const receiver = socketMode
    ? undefined
    : new HTTPReceiver({ signingSecret: config.signingSecret ?? '', endpoints: SLACK_EVENTS_PATH, logger });
  const app = new App({
    token: config.botToken,
    logger,
    // Bolt's in-memory conversation store would be state outside Postgres; we keep none.
    convoStore: false,
    // No network in the constructor: start() runs auth.test and, in Socket Mode, connects.
    deferInitialization: true,
    clientOptions: {
      // A 429 becomes RetryLater for the outbox to reschedule, instead of a send that blocks every other send.
      rejectRateLimitedCalls: true,
      ...(config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl }),
      // The outbox decides what is retried and for how long (src/engine/retry-rule.ts), so the client does not retry by default.
      retryConfig: retryConfig(config.retries ?? 0, config.retryDelayMs),
    },
    ...(socketMode ? { socketMode: true, appToken: config.appToken } : { receiver }),
  });
  registerListeners(app, config.handler, log);

  let started = false;
  const requestListener = receiver && gated(receiver, () => started, config.now ?? Date.now);

  return {
    chat: createSlackChat(app.client),
    ...(requestListener === undefined ? {} : { requestListener }),
    async start() {
      if (started) return;
      await app.init();
      if (socketMode) await app.start();
      started = true;
    },
    async stop() {
      if (!started) return;
      started = false;
      if (socketMode) await app.stop();
    },
  };
}

/** Bolt's listener behind a readiness gate and our timestamp window. */
function gated(receiver: HTTPReceiver, ready: () => boolean, now: () => number): RequestListener {
  const bolt = withTimestampWindow((req, res) => {
    try {
      receiver.requestListener(req, res);
    } catch {
      // Bolt throws for anything but POST to its endpoint.
      if (!res.headersSent) res.writeHead(404);
      res.end();
    }
  }, now);
  return (req, res) => {
    if (!ready()) {
      res.writeHead(503, { 'retry-after': '5' });
      res.end();
      return;
    }
    bolt(req, res);
  };
}

function retryConfig(
  retries: number,
  delayMs = 1000,
): { retries: number; factor: number; minTimeout: number; maxTimeout: number } {
  return { retries, factor: 2, minTimeout: delayMs, maxTimeout: Math.max(delayMs, 60_000) };
}
