// Reads a lessons spreadsheet saved as CSV into rows of text, or says in one line why it cannot.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { UsageError } from '../../usage-error';

export interface SheetRow {
  /** The row number a spreadsheet shows: the header is row 1. */
  number: number;
  cells: string[];
}

export interface Sheet {
  header: string[];
  rows: SheetRow[];
}

const recordsSchema = z.array(z.array(z.string()));
const errnoSchema = z.object({ code: z.string() });

function decode(file: string, bytes: Buffer): string {
  // A NUL byte never appears in CSV text; it does in .xlsx and other binary files.
  if (bytes.includes(0)) throw new UsageError(`${file} is not a CSV file. Save the spreadsheet as "CSV UTF-8" and try again.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file} is not UTF-8 text. Save the spreadsheet as "CSV UTF-8" and try again.`);
  }
}

/** Parses CSV text: a UTF-8 BOM, CRLF line ends and quoted fields with commas or new lines are all fine. */
export function parseSheet(file: string, text: string): Sheet {
  let records: unknown;
  try {
    records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new UsageError(`${file} is not a CSV file I can read: ${why}`);
  }
  const [header, ...rest] = recordsSchema.parse(records);
  if (header === undefined) throw new UsageError(`${file} is empty: it needs a header row and a row for each lesson.`);
  // Quoted new lines keep the file's CRLF; the library stores plain \n.
  const rows = rest.map((cells, i) => ({ number: i + 2, cells: cells.map((c) => c.replace(/\r\n?/g, '\n')) }));
  return { header, rows };
}

export function readSheet(file: string): Sheet {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    // Not `instanceof Error`: errors from node:fs may come from another realm (as under jest).
    const code = errnoSchema.safeParse(err).data?.code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read';
    throw new UsageError(`${file} ${why}.`);
  }
  return parseSheet(file, decode(file, bytes));
}
