// `mobilise lessons export [--format] [--tenant] [--tag]… [--since] [--technique] [--status] [--output]`.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Sql } from '../store/db';
import { listLessons, type LessonFilter } from '../store/lessons';
import { UsageError } from '../usage-error';
import { EXPORT_FORMATS, exportLessons, type ExportFormat } from './export';
import { parseLessonQuery } from './parse-lesson-query';

const OPTIONS = {
  format: { type: 'string' },
  tenant: { type: 'string' },
  output: { type: 'string', short: 'o' },
  tag: { type: 'string', multiple: true },
  since: { type: 'string' },
  technique: { type: 'string' },
  status: { type: 'string' },
} as const;

const optionsSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `--format must be one of ${EXPORT_FORMATS.join(', ')}` }).default('json'),
  tenant: z.string().min(1, '--tenant needs a tenant id').optional(),
  output: z.string().min(1, '--output needs a file name').optional(),
  tag: z.array(z.string()).default([]),
  since: z.string().optional(),
  technique: z.string().optional(),
  status: z.string().optional(),
});

export interface ExportArgs {
  format: ExportFormat;
  output?: string;
  filter: LessonFilter;
}

/** Reads the arguments before opening the database; the filters are checked as /lessons checks them. */
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

/** Writes the export to --output, or returns it for stdout. */
export async function runExport(db: Sql, args: ExportArgs): Promise<string> {
  const text = exportLessons(await listLessons(db, args.filter), args.format);
  if (args.output === undefined) return text;
  writeFileSync(args.output, text);
  return '';
}
