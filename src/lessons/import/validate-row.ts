// Checks one spreadsheet row as a lesson: what it would store, or every problem found, never the patient data itself.
import { z } from 'zod';
import { guardText, type Finding } from '../../privacy/guard';
import { LESSON_STATUSES, type LessonContent } from '../lesson';
import { IMPORT_FIELDS, REQUIRED_FIELDS, type ImportField } from './columns';
import { parseLessonDate } from './parse-date';

export type ImportedLesson = LessonContent & {
  contributors: string[];
  createdAt: Date;
};

export type RowProblem =
  | { kind: 'empty'; field: ImportField }
  | { kind: 'patient-data'; field: ImportField; findings: Finding[] }
  | { kind: 'not-a-date'; field: 'date'; value: string }
  | { kind: 'not-a-status'; field: 'status'; value: string }
  | { kind: 'not-a-tag'; field: 'tags'; value: string };

export type RowCells = Partial<Record<ImportField, string>>;

export const DEFAULT_TECHNIQUE = 'imported';

const statusSchema = z.enum(LESSON_STATUSES);
// The same tags /lessons can search for (see parse-lesson-query.ts).
const TAG = /^[\p{L}\p{N}-]+$/u;

function splitTags(text: string): string[] {
  const tags = text.split(/[\s,;]+/).map((t) => t.replace(/^#+/, '').toLowerCase()).filter((t) => t !== '');
  return [...new Set(tags)];
}

function splitNames(text: string): string[] {
  return text.split(';').map((n) => n.trim()).filter((n) => n !== '');
}

export function validateRow(raw: RowCells, now: Date): { ok: true; lesson: ImportedLesson } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const cells: RowCells = {};
  for (const field of IMPORT_FIELDS) {
    const text = raw[field]?.trim() ?? '';
    const { findings } = guardText(text);
    // A cell with patient data is only ever reported as such, so no other message can quote it.
    if (findings.length > 0) problems.push({ kind: 'patient-data', field, findings });
    else cells[field] = text;
  }
  for (const field of REQUIRED_FIELDS) if (cells[field] === '') problems.push({ kind: 'empty', field });

  const dateText = cells.date ?? '';
  const date = dateText === '' ? now : parseLessonDate(dateText);
  if (date === undefined) problems.push({ kind: 'not-a-date', field: 'date', value: dateText });

  const statusText = cells.status ?? '';
  const status = statusSchema.safeParse(statusText === '' ? 'draft' : statusText.toLowerCase());
  if (!status.success) problems.push({ kind: 'not-a-status', field: 'status', value: statusText });

  const tags = splitTags(cells.tags ?? '');
  const badTag = tags.find((t) => !TAG.test(t));
  if (badTag !== undefined) problems.push({ kind: 'not-a-tag', field: 'tags', value: badTag });

  if (problems.length > 0 || date === undefined || !status.success) return { ok: false, problems };
  return {
    ok: true,
    lesson: {
      title: cells.title ?? '',
      recommendation: cells.recommendation ?? '',
      observation: cells.observation ?? '',
      reason: cells.reason ?? '',
      technique: cells.technique || DEFAULT_TECHNIQUE,
      tags,
      status: status.data,
      contributors: splitNames(cells.contributors ?? ''),
      createdAt: date,
    },
  };
}
