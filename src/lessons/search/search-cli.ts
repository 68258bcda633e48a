// `mobilise lessons search "<query>" --tenant ID [--format text|json]`: the same search as /lessons, for admins and scripts.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { mapBold } from '../../core/card-markup';
import type { Sql } from '../../store/db';
import { searchLessons, type LessonHit } from '../../store/lesson-search';
import { UsageError } from '../../usage-error';
import { parseLessonQuery } from '../parse-lesson-query';

export const SEARCH_USAGE = `Usage: mobilise lessons search "<words>" --tenant ID [--format text|json] [--limit N]

Searches one organisation's lessons, as /lessons does in chat. The words may carry the same filters:
#tag, technique:after-action-review, status:approved, since:2026-01-31, and "a quoted phrase".

Options:
  --tenant ID            the organisation: its org:… key, or an unjoined Slack workspace id or Teams team id,
                         or "local" for the sandbox
  --format text|json     text (the default) or json
  --limit N              at most N lessons, 1 to 100 (default 10)
  --help, -h             show this text`;

const optionsSchema = z.object({
  tenant: z.string({ error: '--tenant is needed: lessons belong to one organisation (its org:… key, or an unjoined Slack workspace id or Teams team id, or "local" for the sandbox)' }).min(1, '--tenant needs an organisation id'),
  format: z.enum(['text', 'json'], { error: '--format must be text or json' }).default('text'),
  limit: z.coerce.number({ error: '--limit must be a number' }).int('--limit must be a whole number').min(1, '--limit must be at least 1').max(100, '--limit can be at most 100').default(10),
});

const OPTIONS = { tenant: { type: 'string' }, format: { type: 'string' }, limit: { type: 'string' } } as const;

function parse(args: string[]): ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true }>> {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** Reads the arguments before opening the database, so bad usage never touches it. */
export function readSearchArgs(args: string[]): { words: string; options: z.infer<typeof optionsSchema> } {
  const { values, positionals } = parse(args);
  const options = optionsSchema.safeParse(values);
  if (!options.success) throw new UsageError(options.error.issues[0]?.message ?? 'invalid options');
  return { words: positionals.join(' '), options: options.data };
}

/** `bold` shows the snippet's matched words (`*word*`): terminal bold, or plain words for a file or pipe (the default). */
export async function runSearch(db: Sql, words: string, options: z.infer<typeof optionsSchema>, bold: (text: string) => string = (text) => text): Promise<string> {
  const query = parseLessonQuery(words);
  if (!query.ok) throw new UsageError(query.problem);
  const hits = await searchLessons(db, options.tenant, query.query, options.limit);
  return options.format === 'json' ? `${JSON.stringify(hits.map(asJson), null, 2)}\n` : asText(hits, bold);
}

function asJson(hit: LessonHit): Record<string, unknown> {
  return { ...hit.lesson, snippet: hit.snippet, rank: hit.rank };
}

function asText(hits: LessonHit[], bold: (text: string) => string): string {
  if (hits.length === 0) return 'No lessons found.\n';
  return hits
    .map((h, i) => {
      const { lesson } = h;
      const lines = [`${i + 1}. ${lesson.title}  [${lesson.status}, ${lesson.createdAt.slice(0, 10)}]`, `   ${mapBold(h.snippet.replace(/\s+/g, ' '), bold)}`];
      if (lesson.source.url) lines.push(`   ${lesson.source.url}`);
      return lines.join('\n');
    })
    .join('\n')
    .concat('\n');
}
