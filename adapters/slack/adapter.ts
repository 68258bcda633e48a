// The Slack adapter: Bolt receives (HTTP on our server, or Socket Mode), the Web API sends.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { App, HTTPReceiver, isValidSlackRequest } from '@slack/bolt';
import { receivedBody } from '../../src/http/request-body';
import { createLogger, type Logger } from '../../src/log';
import { boltLogger } from './bolt-logger';
import { createSlackChat, type SlackChat } from './chat';
import type { SlackAdapterConfig } from './config';
import { judgeEnvelope } from './envelope';
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
    : // The answer waits for the listener, which returns once the event is kept: what Slack sees acknowledged is never lost.
      new HTTPReceiver({ signingSecret: config.signingSecret ?? '', endpoints: SLACK_EVENTS_PATH, logger, processBeforeResponse: true });
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
  registerListeners(app, config.handler, log, config.forms);

  let started = false;
  const requestListener =
    receiver && gated(receiver, { ready: () => started, now: config.now ?? Date.now, signingSecret: config.signingSecret ?? '', log });

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

interface Gate {
  ready: () => boolean;
  now: () => number;
  signingSecret: string;
  log: Logger;
}

/** Bolt's listener behind a readiness gate, our timestamp window and our envelope check. */
function gated(receiver: HTTPReceiver, gate: Gate): RequestListener {
  const bolt = withTimestampWindow((req, res) => {
    if (refusedEnvelope(req, res, gate)) return;
    try {
      receiver.requestListener(req, res);
    } catch {
      // Bolt throws for anything but POST to its endpoint.
      if (!res.headersSent) res.writeHead(404);
      res.end();
    }
  }, gate.now);
  return (req, res) => {
    if (!gate.ready()) {
      res.writeHead(503, { 'retry-after': '5' });
      res.end();
      return;
    }
    bolt(req, res);
  };
}

/**
 * For a correctly signed request, answers a malformed envelope 400 (logging the problem) and one Mobilise ignores 200.
 * Unsigned requests go on to Bolt, which answers them 401 (or its SSL check): their shape is nobody's business.
 */
function refusedEnvelope(req: IncomingMessage, res: ServerResponse, gate: Gate): boolean {
  const raw = receivedBody(req);
  if (raw === undefined || req.method !== 'POST') return false;
  const body = raw.toString('utf8');
  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string') return false;
  const signed = isValidSlackRequest({
    signingSecret: gate.signingSecret,
    body,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    nowMilliseconds: gate.now(),
  });
  if (!signed) return false;
  const verdict = judgeEnvelope(req.headers['content-type'], body);
  if (verdict.kind === 'route') return false;
  if (verdict.kind === 'malformed') gate.log.warn('malformed slack request refused', { problem: verdict.problem });
  const status = verdict.kind === 'malformed' ? 400 : 200;
  res.writeHead(status, { 'content-length': 0 });
  res.end();
  return true;
}

function retryConfig(
  retries: number,
  delayMs = 1000,
): { retries: number; factor: number; minTimeout: number; maxTimeout: number } {
  return { retries, factor: 2, minTimeout: delayMs, maxTimeout: Math.max(delayMs, 60_000) };
}
