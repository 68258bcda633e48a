// The two things under load: Mobilise itself, and a bare Bolt app that acks at once (the floor).
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { z } from 'zod';
import { boltLogger } from '../../adapters/slack/bolt-logger';
import type { Config } from '../../src/config';
import { createLogger } from '../../src/log';
import { startMobilise, type RunningApp } from '../../src/main';

export const BENCH_SIGNING_SECRET = 'bench-signing-secret-4b7e';
export const BENCH_BOT_TOKEN = 'xoxb-bench';
const EVENTS_PATH = '/slack/events';

export interface Target {
  name: 'floor' | 'mobilise';
  /** Where signed requests go. */
  url: string;
  close(): Promise<void>;
}

export async function startFloor(apiUrl: string): Promise<Target> {
  const logger = boltLogger(createLogger('silent'));
  const receiver = new HTTPReceiver({ signingSecret: BENCH_SIGNING_SECRET, endpoints: EVENTS_PATH, logger });
  const app = new App({
    token: BENCH_BOT_TOKEN,
    receiver,
    logger,
    convoStore: false,
    deferInitialization: true,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.command('/aar', async ({ ack }) => {
    await ack();
  });
  await app.init();
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  const { port } = server.address() as AddressInfo;
  return { name: 'floor', url: `http://127.0.0.1:${port}${EVENTS_PATH}`, close: () => app.stop().then(() => undefined) };
}

export interface WorkCounts {
  runs: number;
  outbox: number;
  delivered: number;
  pending: number;
  failed: number;
}

export interface MobiliseTarget extends Target {
  app: RunningApp;
  counts(): Promise<WorkCounts>;
  /** Waits until `runs` runs exist and nothing is left in the outbox; false on timeout. */
  settle(runs: number, timeoutMs: number): Promise<boolean>;
}

const countsSchema = z.object({
  runs: z.coerce.number().int(),
  outbox: z.coerce.number().int(),
  delivered: z.coerce.number().int(),
  pending: z.coerce.number().int(),
  failed: z.coerce.number().int(),
});

const COUNTS_SQL = `
  SELECT
    (SELECT count(*) FROM flow_runs) AS runs,
    (SELECT count(*) FROM outbox) AS outbox,
    (SELECT count(*) FROM outbox WHERE delivered_at IS NOT NULL AND last_error IS NULL) AS delivered,
    (SELECT count(*) FROM outbox WHERE delivered_at IS NULL) AS pending,
    (SELECT count(*) FROM outbox WHERE last_error IS NOT NULL) AS failed`;

const SETTLE_POLL_MS = 100;

export async function startMobiliseTarget(databaseUrl: string, apiUrl: string): Promise<MobiliseTarget> {
  const config: Config = {
    port: 0,
    databaseUrl,
    dataDir: './data',
    logLevel: 'silent',
    slack: { mode: 'http', signingSecret: BENCH_SIGNING_SECRET, botToken: BENCH_BOT_TOKEN, apiUrl },
  };
  const app = await startMobilise(config, { log: createLogger('silent'), slackRetries: 0 });
  if (app.port === undefined) throw new Error('Mobilise did not report its port');

  const counts = async (): Promise<WorkCounts> => countsSchema.parse((await app.db.query(COUNTS_SQL))[0]);

  return {
    name: 'mobilise',
    url: `http://127.0.0.1:${app.port}${EVENTS_PATH}`,
    app,
    counts,
    async settle(runs, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      const maxPolls = Math.ceil(timeoutMs / SETTLE_POLL_MS) + 1;
      for (let poll = 0; poll < maxPolls && Date.now() <= deadline; poll++) {
        const c = await counts();
        if (c.runs >= runs && c.pending === 0) return true;
        await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
      }
      return false;
    },
    close: () => app.close(),
  };
}
