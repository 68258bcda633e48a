// The words of an import report: a line for each row that was not simply imported, then a summary.
import { describeFindings, guardText } from '../../privacy';
import { LESSON_STATUSES } from '../lesson';
import { FIELD_ALIASES, type ColumnProblem, type ImportField } from './columns';
import type { RowProblem } from './validate-row';
import { listOf } from '../../core/wording';

export type RowOutcome =
  | { kind: 'imported' }
  | { kind: 'rejected'; problems: RowProblem[] }
  | { kind: 'repeated'; ofRow: number }
  | { kind: 'already-in-library' };

export interface ReportedRow {
  number: number;
  outcome: RowOutcome;
}

const QUOTE_LIMIT = 40;

/** A cell's text in a report line: one line, not too long, and masked even though checked cells carry no identifiers. */
function quote(text: string): string {
  const flat = guardText(text).masked.replace(/\s+/g, ' ');
  return `"${flat.length > QUOTE_LIMIT ? `${flat.slice(0, QUOTE_LIMIT - 1)}…` : flat}"`;
}

function problemText(p: RowProblem): string {
  switch (p.kind) {
    case 'empty':
      return `empty, but every lesson needs a ${p.field}`;
    case 'patient-data': {
      const plural = p.findings.length > 1 ? 's' : '';
      return `contains ${describeFindings(p.findings)}; rephrase it without the number${plural}`;
    }
    case 'not-a-date':
      return `${quote(p.value)} is not a date (use 2024-02-28 or 28/02/2024)`;
    case 'not-a-status':
      return `${quote(p.value)} is not a status (use ${listOf(LESSON_STATUSES, 'or')})`;
    case 'not-a-tag':
      return `${quote(p.value)} is not a tag (tags have letters, digits and hyphens, like handover)`;
  }
}

/** `columnName` gives the header as the file wrote it, so people find the cell in their spreadsheet. */
export function rowLine(row: ReportedRow, columnName: (field: ImportField) => string): string | undefined {
  const { outcome } = row;
  switch (outcome.kind) {
    case 'imported':
      return undefined;
    case 'repeated':
      return `row ${row.number}: the same lesson as row ${outcome.ofRow}`;
    case 'already-in-library':
      return `row ${row.number}: already in the library`;
    case 'rejected':
      return `row ${row.number}, ${outcome.problems.map((p) => `column ${columnName(p.field)}: ${problemText(p)}`).join('; ')}`;
  }
}

export function ignoredColumnsLine(headers: readonly string[]): string | undefined {
  return headers.length === 0 ? undefined : `Ignored ${headers.length === 1 ? 'column' : 'columns'}: ${headers.map(quote).join(', ')}.`;
}

export function summaryLine(rows: readonly ReportedRow[], dryRun: boolean): string {
  if (rows.length === 0) return 'The file has a header row but no lessons under it, so there was nothing to import.';
  const count = (kind: RowOutcome['kind']): number => rows.filter((r) => r.outcome.kind === kind).length;
  const parts = [
    [count('rejected'), 'rejected'],
    [count('repeated'), 'repeated in the file'],
    [count('already-in-library'), 'already in the library'],
  ] as const;
  const details = parts.filter(([n]) => n > 0).map(([n, words]) => `${n} ${words}`);
  const verb = dryRun ? 'Would import' : 'Imported';
  const total = `${count('imported')} of ${rows.length} ${rows.length === 1 ? 'row' : 'rows'}`;
  const summary = `${verb} ${total}${details.length > 0 ? ` (${details.join(', ')})` : ''}.`;
  return dryRun ? `${summary} Nothing was saved: this was a dry run.` : summary;
}

/** Why a file's header cannot be used: one line, and nothing is imported. */
export function columnProblemLine(file: string, problem: ColumnProblem): string {
  if (problem.kind === 'twice') {
    const [first, second] = problem.headers;
    return `${file} has two columns for ${problem.field}, ${quote(first)} and ${quote(second)}: keep one and try again. Nothing was imported.`;
  }
  const aliases = FIELD_ALIASES[problem.field];
  const also = aliases.length === 0 ? '' : ` (or one headed ${aliases.map((a) => `"${a}"`).join(', ')})`;
  return `${file} has no ${problem.field} column${also}, which every lesson needs. Nothing was imported.`;
}
