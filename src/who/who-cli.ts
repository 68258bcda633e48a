// `mobilise who "<topic>" --tenant ID [--format text|json]`: who has done this before, as /learn who answers in chat.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Sql } from '../store/db';
import { evidenceOn } from '../store/who-evidence';
import { UsageError } from '../usage-error';
import { parseLearnCommand } from './learn-command';
import { rankCandidates, type Candidate } from './ranking';
import { candidateLines, RANKING_RULE, SHOWN_PEOPLE } from './who-card';

export const WHO_USAGE = `Usage: mobilise who "<what the work is about>" --tenant ID [--format text|json] [--limit N]

Who in one organisation has done similar work before, as /learn who answers in chat: people ranked by the
lessons in their own words, the reviews they facilitated and the lessons they applied on the topic, then by
how recently. People who opted out (/learn who opt-out) are never listed.

Options:
  --tenant ID            the organisation: its org:… key, or an unjoined Slack workspace id or Teams team id,
                         or "local" for the sandbox
  --format text|json     text (the default) or json
  --limit N              at most N people, 1 to 100 (default ${SHOWN_PEOPLE})
  --help, -h             show this text`;

const optionsSchema = z.object({
  tenant: z.string({ error: '--tenant is needed: people are found within one organisation (its org:… key, or an unjoined Slack workspace id or Teams team id, or "local" for the sandbox)' }).min(1, '--tenant needs an organisation id'),
  format: z.enum(['text', 'json'], { error: '--format must be text or json' }).default('text'),
  limit: z.coerce.number({ error: '--limit must be a number' }).int('--limit must be a whole number').min(1, '--limit must be at least 1').max(100, '--limit can be at most 100').default(SHOWN_PEOPLE),
});

const CLI_EXAMPLE = 'For example: mobilise who "e-prescribing go-live" --tenant T0123';

type WhoArgs = { topic: string; options: z.infer<typeof optionsSchema> };

const OPTIONS = { tenant: { type: 'string' }, format: { type: 'string' }, limit: { type: 'string' } } as const;

/** Reads the arguments before opening the database, so bad usage never touches it. */
export function readWhoArgs(args: string[]): WhoArgs {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const options = optionsSchema.safeParse(parsed.values);
  if (!options.success) throw new UsageError(options.error.issues[0]?.message ?? 'invalid options');
  // The same checks as in chat: a topic is needed, short, and free of patient details.
  const command = parseLearnCommand(`who ${parsed.positionals.join(' ')}`);
  if (command.verb !== 'who') {
    const problem = command.verb === 'invalid' ? command.message.replace(/ For example: .*$/u, '') : 'Please say what the work is about.';
    throw new UsageError(`${problem} ${CLI_EXAMPLE}`);
  }
  return { topic: command.topic, options: options.data };
}

export async function runWho(db: Sql, { topic, options }: WhoArgs): Promise<string> {
  const ranked = rankCandidates(await evidenceOn(db, options.tenant, topic)).slice(0, options.limit);
  if (options.format === 'json') return `${JSON.stringify(ranked.map(asJson), null, 2)}\n`;
  if (ranked.length === 0) return `Nobody in ${options.tenant} has worked on "${topic}" as far as its library shows.\n`;
  const people = ranked.map((c, i) => candidateLines(c, i + 1).map((line, j) => (j === 0 ? line : `   ${line}`)).join('\n'));
  return `${people.join('\n')}\n\n${RANKING_RULE}\n`;
}

function asJson(c: Candidate): Record<string, unknown> {
  const items = (list: Candidate['lessons']) => list.map((i) => ({ id: i.id, title: i.title, at: i.at.toISOString() }));
  return { personId: c.personId, shownAs: c.shownAs, latest: c.latest.toISOString(), lessons: items(c.lessons), reviews: items(c.reviews), applied: items(c.applied) };
}
