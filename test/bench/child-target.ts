// A bench target in a child process of its own: started, asked to stop, killed, and its RSS read from /proc.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { CompiledTargets } from './compile-targets';
import { targetReadySchema } from './reply-messages';
import type { Target } from './target-base';

const READY_TIMEOUT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 15_000;
const STDERR_TAIL = 4000;

export interface ChildTarget extends Target {
  pid: number;
  /** Resident set size in MB, from /proc/<pid>/status; undefined once the process is gone. */
  rssMb(): Promise<number | undefined>;
  /** SIGKILL: whatever it holds in memory is gone. */
  kill(): Promise<void>;
}

/** Starts the compiled target-process.js with plain node, so the pid and its RSS are the target's own. */
export async function spawnTarget(compiled: Pick<CompiledTargets, 'entry' | 'workDir'>, name: Target['name'], apiUrl: string, databaseUrl?: string): Promise<ChildTarget> {
  const args = name === 'floor' ? ['floor', apiUrl] : ['mobilise', apiUrl, databaseUrl ?? ''];
  const child = spawn(process.execPath, [compiled.entry, ...args], {
    cwd: compiled.workDir,
    env: process.env,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const gone = (): boolean => child.exitCode !== null || child.signalCode !== null;
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start the ${name} process`);

  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the ${name} process did not start within ${READY_TIMEOUT_MS} ms: ${stderr}`)), READY_TIMEOUT_MS);
    child.once('message', (message: unknown) => {
      clearTimeout(timer);
      const ready = targetReadySchema.safeParse(message);
      if (!ready.success) fail(new Error(`the ${name} process sent an unexpected message`));
      else if ('error' in ready.data) fail(new Error(`the ${name} process failed to start: ${ready.data.error}`));
      else ok(ready.data.url);
    });
    void exited.then(() => {
      clearTimeout(timer);
      fail(new Error(`the ${name} process exited before it was ready: ${stderr}`));
    });
  }).catch(async (err: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw err;
  });

  const kill = async (): Promise<void> => {
    if (!gone()) child.kill('SIGKILL');
    await exited;
  };
  return {
    name,
    url,
    pid,
    async rssMb() {
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
      const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
      return gone() || kb === undefined ? undefined : Number(kb) / 1024;
    },
    kill,
    async close() {
      if (gone()) return;
      child.send({ command: 'close' });
      const timer = setTimeout(() => void kill(), CLOSE_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
