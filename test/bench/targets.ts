// The two things under load: Mobilise itself, and a bare Bolt app that acks at once (the floor, in floor.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Config } from '../../src/config';
import { createLogger } from '../../src/log';
import { startMobilise, type RunningApp } from '../../src/main';
import { BENCH_BOT_TOKEN, BENCH_SIGNING_SECRET, EVENTS_PATH, type Target } from './target-base';

export { BENCH_BOT_TOKEN, BENCH_SIGNING_SECRET, type Target } from './target-base';
export { startFloor } from './floor';

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

/** `keepSpoolIn` names a spool folder that outlives the target (a restarted target recovers from it). */
export async function startMobiliseTarget(databaseUrl: string, apiUrl: string, keepSpoolIn?: string): Promise<MobiliseTarget> {
  // The spool's journal in a folder of its own, as each replica has; a temporary one is removed with the target.
  const spoolDir = keepSpoolIn ?? mkdtempSync(path.join(tmpdir(), 'mobilise-bench-spool-'));
  const config: Config = {
    spoolDir,
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
    close: async () => {
      await app.close();
      if (keepSpoolIn === undefined) rmSync(spoolDir, { recursive: true, force: true });
    },
  };
}
