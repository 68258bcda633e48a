// `mobilise lessons export [--format] [--tenant] [--tag]… [--since] [--technique] [--status] [--output]`.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { listOf } from '../core/wording';
import type { Sql } from '../store/db';
import { listLessons, type LessonFilter } from '../store/lessons';
import { UsageError } from '../usage-error';
import { whyEmpty } from './empty-export';
import { EXPORT_FORMATS, exportLessons, type ExportFormat } from './export';
import { lessonRecords } from './export-records';
import { parseLessonDate } from './import/parse-date';
import { LESSON_STATUSES } from './lesson';
import { parseLessonQuery } from './parse-lesson-query';

export const EXPORT_USAGE = `Usage: mobilise lessons export [--format json|csv|md] [--tenant ID] [--tag T]... [--since YYYY-MM-DD]
                               [--technique ID] [--status S] [--output FILE]

Prints the lessons library, or the part of it the filters pick, oldest first. Archived lessons are included.

Options:
  --format json|csv|md     json (the default), csv or md (Markdown)
  --tenant ID              one organisation's lessons: its org:… key, or an unjoined Slack workspace id
                           or Teams team id, or "local" for the sandbox
  --tag T                  lessons tagged T; give it again for lessons that carry every tag
  --since YYYY-MM-DD       lessons saved on or after that day
  --technique ID           lessons from one technique, such as after-action-review
  --status S               ${listOf(LESSON_STATUSES, 'or')}
  --output FILE, -o FILE   write to FILE instead of printing
  --help, -h               show this text

From a checkout, "npm run -s mobilise -- lessons export …" keeps npm's own lines out of the output.`;

const OPTIONS = {
  format: { type: 'string' },
  tenant: { type: 'string' },
  output: { type: 'string', short: 'o' },
  tag: { type: 'string', multiple: true },
  since: { type: 'string' },
  technique: { type: 'string' },
  status: { type: 'string' },
} as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

// Each flag names itself when wrong: the chat's own messages ("since:…") would point at the wrong syntax.
const optionsSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `--format must be one of ${EXPORT_FORMATS.join(', ')}` }).default('json'),
  tenant: z.string().min(1, '--tenant needs a tenant id').optional(),
  output: z.string().min(1, '--output needs a file name').optional(),
  tag: z.array(z.string()).default([]),
  since: z
    .string()
    .refine((s) => DAY.test(s) && parseLessonDate(s) !== undefined, { error: (issue) => `--since must be a date like 2026-03-01, not "${String(issue.input)}"` })
    .optional(),
  technique: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/i, '--technique must be a technique id in letters and hyphens, such as after-action-review').optional(),
  status: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(LESSON_STATUSES, { error: `--status must be ${listOf(LESSON_STATUSES, 'or')}` }))
    .optional(),
});

export interface ExportArgs {
  format: ExportFormat;
  output?: string;
  filter: LessonFilter;
}

/** Reads the arguments before opening the database: each flag checked by its name, then the filters as /lessons reads them. */
export function readExportArgs(args: string[]): ExportArgs {
  let values: unknown;
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const opts = optionsSchema.safeParse(values);
  if (!opts.success) throw new UsageError(opts.error.issues[0]?.message ?? 'Invalid options');
  const { format, tenant, output, tag, since, technique, status } = opts.data;
  const filters = [
    ...tag.map((t) => `#${t.replace(/^#/, '')}`),
    since === undefined ? '' : `since:${since}`,
    technique === undefined ? '' : `technique:${technique}`,
    status === undefined ? '' : `status:${status}`,
  ];
  const parsed = parseLessonQuery(filters.join(' '));
  if (!parsed.ok) throw new UsageError(parsed.problem);
  if (parsed.query.text !== '') throw new UsageError(`"${parsed.query.text}" is not a filter: use --tag, --since, --technique or --status`);
  const { tags, technique: t, since: s, status: st } = parsed.query;
  const filter: LessonFilter = {
    tags,
    ...(tenant === undefined ? {} : { tenant }),
    ...(t === undefined ? {} : { technique: t }),
    ...(s === undefined ? {} : { since: s }),
    ...(st === undefined ? {} : { status: st }),
  };
  return { format, filter, ...(output === undefined ? {} : { output }) };
}

export interface ExportOutcome {
  /** For stdout; empty when the export went to --output. */
  text: string;
  /** For stderr: why nothing was exported, when that is likely a mistake. */
  note?: string;
}

/** Writes the export to --output, or returns it for stdout. */
export async function runExport(db: Sql, args: ExportArgs): Promise<ExportOutcome> {
  const lessons = await listLessons(db, args.filter);
  const empty = lessons.length === 0 ? await whyEmpty(db, args.filter) : undefined;
  // Only Markdown, written for people to read, tells each lesson's history and actions.
  const records = args.format === 'md' && lessons.length > 0 ? await lessonRecords(db, lessons) : undefined;
  const text = exportLessons(lessons, args.format, empty?.sentence, records);
  // Markdown says it in the document; JSON and CSV must stay machine-readable, so it goes beside them.
  const note = empty?.unknownTenant && (args.format !== 'md' || args.output !== undefined) ? empty.sentence : undefined;
  if (args.output !== undefined) writeFileSync(args.output, text);
  return { text: args.output === undefined ? text : '', ...(note === undefined ? {} : { note }) };
}
