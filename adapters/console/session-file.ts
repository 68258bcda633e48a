// The sandbox's sitting kept in a file beside its database, so Ctrl-C and `npm start` carry on where it was.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errorText } from '../../src/log';
import { sessionSnapshotSchema, type SessionSnapshot } from './console-session';

export type LoadedSession = { kind: 'none' } | { kind: 'loaded'; snapshot: SessionSnapshot } | { kind: 'unreadable'; problem: string };

export function loadSession(file: string): LoadedSession {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'unreadable', problem: errorText(err) };
  }
  try {
    const parsed = sessionSnapshotSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { kind: 'loaded', snapshot: parsed.data };
    return { kind: 'unreadable', problem: parsed.error.issues[0]?.message ?? 'not a saved sandbox' };
  } catch (err) {
    return { kind: 'unreadable', problem: errorText(err) };
  }
}

/** Written whole then renamed, so a crash mid-write leaves the previous sitting, never half a file. */
export function saveSession(file: string, snapshot: SessionSnapshot): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(snapshot));
  renameSync(temporary, file);
}
