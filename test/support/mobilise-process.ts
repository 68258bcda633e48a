// Mobilise as a real child process (`mobilise start`), so a test can kill it mid-flight.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';
import { TEST_SIGNING_SECRET } from './slack-requests';

const ROOT = path.resolve(__dirname, '../..');

export interface MobiliseProcess {
  port: number;
  child: ChildProcess;
  /** SIGKILL: no shutdown hooks, no goodbyes. */
  kill(): Promise<void>;
  /** SIGTERM, as an orchestrator stops a replica; resolves with the exit code once it has gone. */
  terminate(): Promise<number | null>;
}

/** A port nobody is listening on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function spawnMobilise(env: {
  apiUrl: string;
  databaseUrl?: string;
  dataDir?: string;
  /** The spool's folder, to hand kept events to a second process; by default one of its own, removed when it exits. */
  spoolDir?: string;
  /** More variables, e.g. MOBILISE_CLOCK_FILE and SCHEDULER_CRON. */
  extra?: Record<string, string>;
}): Promise<MobiliseProcess> {
  const ownSpool = env.spoolDir === undefined ? mkdtempSync(path.join(tmpdir(), 'mobilise-spool-')) : undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-restart',
      SLACK_API_URL: env.apiUrl,
      ...(env.databaseUrl ? { DATABASE_URL: env.databaseUrl } : {}),
      ...(env.dataDir ? { DATA_DIR: env.dataDir } : {}),
      MOBILISE_SPOOL_DIR: env.spoolDir ?? ownSpool ?? '',
      ...env.extra,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (ownSpool !== undefined) child.once('exit', () => rmSync(ownSpool, { recursive: true, force: true }));
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`mobilise did not start: ${seen}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /"msg":"Mobilise is listening","port":(\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`mobilise exited with ${code}: ${seen}`));
    });
  });
  return {
    port,
    child,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
    terminate: () =>
      new Promise<number | null>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
