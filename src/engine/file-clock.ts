// A test hook: processes that read the same file share one clock, which the test moves on by rewriting it.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { errorText } from '../log';
import type { Clock } from './clock';

const instant = z.iso.datetime({ offset: true });

/**
 * Reads an ISO-8601 instant (with Z or an offset) from `path` on every call; throws naming the file otherwise.
 * Writers should replace the file atomically (write a temporary file, then rename), or a reader may see it empty.
 */
export function fileClock(path: string): Clock {
  return () => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8').trim();
    } catch (err) {
      throw new Error(`clock file ${path} cannot be read: ${errorText(err)}`, { cause: err });
    }
    if (!instant.safeParse(text).success) {
      throw new Error(`clock file ${path} must hold an ISO-8601 instant such as 2026-11-20T09:00:00Z`);
    }
    return new Date(text);
  };
}
