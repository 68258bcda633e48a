// Segment files on disk: their names, listing them, reading one back, and making creations and deletions durable.
import { open, readdir, readFile, truncate } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log';
import { parseLine, type JournalRecord } from './records';

const SEGMENT_NAME = /^(\d{8,})\.journal$/;

export function segmentPath(dir: string, id: number): string {
  return path.join(dir, `${String(id).padStart(8, '0')}.journal`);
}

/** Ids of the segment files in dir, oldest first. */
export async function listSegments(dir: string): Promise<number[]> {
  const ids: number[] = [];
  for (const name of await readdir(dir)) {
    const match = SEGMENT_NAME.exec(name);
    if (match?.[1] !== undefined) ids.push(Number(match[1]));
  }
  return ids.sort((a, b) => a - b);
}

export interface ReadSegment {
  records: JournalRecord[];
  /** Bytes left in the file once a torn last line is cut off. */
  bytes: number;
}

/** Reads a segment, cutting off a torn last line (a write that never finished, so never acknowledged) and skipping corrupt lines. */
export async function readSegment(file: string, log: Logger): Promise<ReadSegment> {
  const data = await readFile(file);
  const whole = data.lastIndexOf(0x0a) + 1;
  if (whole < data.length) {
    log.warn('journal: ignoring a torn last line (a write that never finished)', { file, line: countLines(data, whole) + 1, bytes: data.length - whole });
    await truncate(file, whole);
    await syncFile(file);
  }
  const records: JournalRecord[] = [];
  const lines = data.subarray(0, whole).toString('utf8').split('\n');
  lines.pop(); // the empty string after the final newline
  lines.forEach((line, i) => {
    const record = parseLine(line);
    if (record) records.push(record);
    else log.warn('journal: skipping a corrupt line', { file, line: i + 1 });
  });
  return { records, bytes: whole };
}

function countLines(data: Buffer, end: number): number {
  let n = 0;
  for (let i = data.indexOf(0x0a); i !== -1 && i < end; i = data.indexOf(0x0a, i + 1)) n += 1;
  return n;
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** Makes a file's creation or deletion in dir survive a power cut. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
