// The journal's three kinds of line, written and read as NDJSON (JSON.stringify never emits a raw newline).
import { z } from 'zod';

const seqSchema = z.number().int().positive();

/** Parsed line: an entry, a done mark, or a segment's start mark (the next seq when the segment was taken). */
export type JournalRecord = { kind: 'entry'; seq: number; value: unknown } | { kind: 'done'; seq: number } | { kind: 'start'; next: number };

const lineSchema = z.union([
  z.strictObject({ s: seqSchema, v: z.unknown() }).refine((r) => r.v !== undefined, 'an entry needs a value'),
  z.strictObject({ d: seqSchema }),
  z.strictObject({ n: seqSchema }),
]);

/** The line for an entry, or undefined when JSON cannot hold the value (undefined, a function, a symbol). */
export function entryLine(seq: number, value: unknown): string | undefined {
  const json: string | undefined = JSON.stringify(value);
  return json === undefined ? undefined : `{"s":${seq},"v":${json}}\n`;
}

export function doneLine(seq: number): string {
  return `{"d":${seq}}\n`;
}

export function startLine(next: number): string {
  return `{"n":${next}}\n`;
}

/** Reads one line (without its newline); undefined when it is not a record this journal writes. */
export function parseLine(line: string): JournalRecord | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = lineSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const r = parsed.data;
  if ('s' in r) return { kind: 'entry', seq: r.s, value: r.v };
  if ('d' in r) return { kind: 'done', seq: r.d };
  return { kind: 'start', next: r.n };
}
