// One process per journal directory: a LOCK file holding the owner's pid, created exclusively.
import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log';

// A second Journal on the same directory in this process would see its own pid in LOCK and take it over.
const heldHere = new Set<string>();

export interface DirLock {
  release(): Promise<void>;
}

/** Takes dir for this process; refuses when a live process holds it, and takes over a lock left by a dead one. */
export async function lockDir(dir: string, log: Logger): Promise<DirLock> {
  const key = path.resolve(dir);
  if (heldHere.has(key)) throw new Error(`The journal in ${dir} is already open in this process`);
  const file = path.join(dir, 'LOCK');
  // Two tries: the second follows removing a stale lock; losing that race to another process means it is live.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (await create(file)) {
      heldHere.add(key);
      return { release: () => release(key, file) };
    }
    const owner = await readOwner(file);
    if (owner === null) continue; // its owner just released it
    if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
      throw new Error(`The journal in ${dir} is in use by process ${owner}; stop it first, or give this process another directory`);
    }
    log.warn('journal: taking over a lock left by a process that has stopped', { dir, pid: owner ?? null });
    await unlink(file).catch(ignoreMissing);
  }
  throw new Error(`The journal in ${dir} could not be locked: another process keeps taking it`);
}

async function create(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(`${process.pid}\n`);
    } finally {
      await handle.close();
    }
    return true;
  } catch (err) {
    if (codeOf(err) === 'EEXIST') return false;
    throw err;
  }
}

/** The pid in the lock; undefined when it holds none (its owner died while writing it), null when it is gone. */
async function readOwner(file: string): Promise<number | undefined | null> {
  const text = await readFile(file, 'utf8').catch((err: unknown) => {
    if (codeOf(err) === 'ENOENT') return null;
    throw err;
  });
  if (text === null) return null;
  const pid = Number(text.trim());
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return codeOf(err) === 'EPERM';
  }
}

async function release(key: string, file: string): Promise<void> {
  heldHere.delete(key);
  await unlink(file).catch(ignoreMissing);
}

function ignoreMissing(err: unknown): void {
  if (codeOf(err) !== 'ENOENT') throw err;
}

function codeOf(err: unknown): unknown {
  return typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
}
