// `mobilise lessons import <file.csv> --tenant ID [--dry-run]`: brings a team's lessons-learned spreadsheet into the library.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { guardText } from '../../privacy';
import type { Db } from '../../store/db';
import { existingImportKeys, insertImportedLesson } from '../../store/lesson-import';
import { UsageError } from '../../usage-error';
import { IMPORT_FIELDS, mapColumns, type ColumnMap, type ImportField } from './columns';
import { importKey } from './import-key';
import { readSheet, type Sheet, type SheetRow } from './read-sheet';
import { columnProblemLine, ignoredColumnsLine, rowLine, summaryLine, type ReportedRow } from './report';
import { validateRow, type ImportedLesson, type RowCells } from './validate-row';

export const IMPORT_USAGE = `Usage: mobilise lessons import <file.csv> --tenant ID [--dry-run]

Brings a lessons-learned spreadsheet, saved as CSV UTF-8, into one organisation's library. Columns are found by
their headings (title and recommendation are needed); every cell is checked for patient identifiers. Prints a line
for each row not imported and a summary. Importing the same file again adds nothing.

Options:
  --tenant ID     the organisation: its org:… key, or an unjoined Slack workspace id or Teams team id,
                  or "local" for the sandbox
  --dry-run       check the file and report, saving nothing
  --help, -h      show this text`;

const optionsSchema = z.object({
  tenant: z.string({ error: '--tenant is needed: lessons belong to one organisation (its org:… key, or an unjoined Slack workspace id or Teams team id, or "local" for the sandbox)' }).min(1, '--tenant needs an organisation id'),
  'dry-run': z.boolean().default(false),
});

const OPTIONS = { tenant: { type: 'string' }, 'dry-run': { type: 'boolean' } } as const;

export interface ImportArgs {
  tenant: string;
  dryRun: boolean;
  /** The file's base name, stored as each lesson's source. */
  fileName: string;
  sheet: Sheet;
  columns: ColumnMap;
}

function parse(args: string[]): ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true }>> {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** Reads the arguments and the file before opening the database, so bad usage or a bad file never touches it. */
export function readImportArgs(args: string[]): ImportArgs {
  const { values, positionals } = parse(args);
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('lessons import needs a CSV file: mobilise lessons import <file.csv> --tenant ID');
  if (extra.length > 0) throw new UsageError(`lessons import takes one file at a time, not ${positionals.length}`);
  const options = optionsSchema.safeParse(values);
  if (!options.success) throw new UsageError(options.error.issues[0]?.message ?? 'invalid options');
  const sheet = readSheet(file);
  const mapped = mapColumns(sheet.header);
  if (!mapped.ok) throw new UsageError(columnProblemLine(file, mapped.problem));
  // The name is stored with every lesson; a file named after a patient must not carry the number in.
  const fileName = guardText(path.basename(file)).masked;
  return { tenant: options.data.tenant, dryRun: options.data['dry-run'], fileName, sheet, columns: mapped.map };
}

function cellsOf(row: SheetRow, columns: ColumnMap): RowCells {
  const cells: RowCells = {};
  for (const field of IMPORT_FIELDS) {
    const index = columns.columns[field];
    if (index !== undefined) cells[field] = row.cells[index] ?? '';
  }
  return cells;
}

interface Candidate {
  number: number;
  key: string;
  lesson: ImportedLesson;
}

/** Checks every row, then writes the good ones in one transaction: a crash part way imports nothing. */
export async function runImport(db: Db, args: ImportArgs, now = new Date()): Promise<string> {
  const reported = new Map<number, ReportedRow>();
  const candidates: Candidate[] = [];
  const firstRowOfKey = new Map<string, number>();
  // Spreadsheets often end with rows of empty cells; those are not lessons, good or bad.
  const rows = args.sheet.rows.filter((row) => row.cells.some((c) => c.trim() !== ''));
  for (const row of rows) {
    const checked = validateRow(cellsOf(row, args.columns), now);
    if (!checked.ok) {
      reported.set(row.number, { number: row.number, outcome: { kind: 'rejected', problems: checked.problems } });
      continue;
    }
    const key = importKey(args.tenant, checked.lesson.title, checked.lesson.recommendation);
    const earlier = firstRowOfKey.get(key);
    if (earlier !== undefined) {
      reported.set(row.number, { number: row.number, outcome: { kind: 'repeated', ofRow: earlier } });
      continue;
    }
    firstRowOfKey.set(key, row.number);
    candidates.push({ number: row.number, key, lesson: checked.lesson });
  }

  const isNew = args.dryRun ? await wouldBeNew(db, args.tenant, candidates) : await insertAll(db, args, candidates);
  for (const c of candidates) {
    reported.set(c.number, { number: c.number, outcome: isNew.has(c.number) ? { kind: 'imported' } : { kind: 'already-in-library' } });
  }

  const all = rows.flatMap((row) => reported.get(row.number) ?? []);
  const columnName = (field: ImportField): string => args.sheet.header[args.columns.columns[field] ?? -1]?.trim() ?? field;
  const lines = [ignoredColumnsLine(args.columns.unknown), ...all.map((r) => rowLine(r, columnName)), summaryLine(all, args.dryRun)];
  return `${lines.filter((l) => l !== undefined).join('\n')}\n`;
}

/** Row numbers of the candidates that were new to the library. */
async function insertAll(db: Db, args: ImportArgs, candidates: readonly Candidate[]): Promise<Set<number>> {
  return db.transaction(async (tx) => {
    const inserted = new Set<number>();
    for (const { number, key, lesson } of candidates) {
      const { contributors, ...rest } = lesson;
      const isNew = await insertImportedLesson(tx, { ...rest, tenant: args.tenant, importKey: key, contributorNames: contributors, fileName: args.fileName });
      if (isNew) inserted.add(number);
    }
    return inserted;
  });
}

async function wouldBeNew(db: Db, tenant: string, candidates: readonly Candidate[]): Promise<Set<number>> {
  const existing = await existingImportKeys(db, tenant, candidates.map((c) => c.key));
  return new Set(candidates.filter((c) => !existing.has(c.key)).map((c) => c.number));
}
