// The matcher's input as a JSON file (for `mobilise coffee match`): checked field by field before it runs.
import { z } from 'zod';
import { countOf } from '../../core/wording';
import type { MatchInput } from './types';

const id = z.string({ error: 'must be a participant id (text)' }).min(1, 'must not be empty');

const participantSchema = z.strictObject(
  {
    id,
    team: z.string({ error: 'must be text' }).min(1, 'must not be empty').optional(),
  },
  { error: 'must be an object with an id, e.g. {"id": "U1"}' },
);

const pastRoundSchema = z
  .strictObject(
    {
      round: z.number({ error: 'must be a round number' }).int('must be a whole number'),
    groups: z.array(z.array(id, { error: 'must be a list of participant ids' }), { error: 'must be a list of groups' }),
    met: z.array(z.boolean({ error: 'must be true or false' }), { error: 'must be a list of true/false, one per group' }).optional(),
      sittingOut: z.array(id, { error: 'must be a list of participant ids' }).optional(),
    },
    { error: 'must be an object with a round and its groups' },
  )
  .superRefine((round, ctx) => {
    if (round.met && round.met.length !== round.groups.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['met'],
        message: `has ${countOf(round.met.length, 'flag')} for ${countOf(round.groups.length, 'group')}; give one per group`,
      });
    }
  });

export const matchFileSchema = z.strictObject(
  {
  participants: z
    .array(participantSchema, { error: 'must be a list of participants' })
    .superRefine((people, ctx) => {
      const seen = new Set<string>();
      people.forEach((p, i) => {
        if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${p.id}" appears more than once` });
        seen.add(p.id);
      });
    }),
  history: z.array(pastRoundSchema, { error: 'must be a list of past rounds' }).default([]),
  groupSize: z.union([z.literal(2), z.literal(3)], { error: 'must be 2 (pairs) or 3 (trios)' }).default(2),
  windowRounds: z
    .number({ error: 'must be a number of rounds, or null for all of them' })
    .int('must be a whole number')
    .min(1, 'must be at least 1, or null for all rounds')
    .nullable()
    .default(null),
  seed: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .refine(Number.isSafeInteger, 'is too large')
    .optional(),
  oddOneOut: z.enum(['trio', 'sit-out'], { error: 'must be "trio" or "sit-out"' }).optional(),
  preferDifferentTeams: z.boolean({ error: 'must be true or false' }).optional(),
  },
  { error: 'must be a JSON object with participants' },
);

export type MatchFile = z.infer<typeof matchFileSchema>;

export type ParsedMatchFile = { ok: true; file: MatchFile } | { ok: false; error: string };

/** Validates parsed JSON; on failure, one line naming the first bad field, e.g. `participants[2].id: must not be empty`. */
export function parseMatchFile(json: unknown): ParsedMatchFile {
  const parsed = matchFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  const issue = parsed.error.issues[0];
  if (!issue) return { ok: false, error: 'input: not valid' };
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const message = issue.code === 'unrecognized_keys' ? 'is not a field we know' : issue.message;
  return { ok: false, error: `${fieldName(path)}: ${message}` };
}

/** The file as matcher input, with the seed to use when the file gives none. */
export function toMatchInput(file: MatchFile, fallbackSeed: number): MatchInput {
  return { ...file, seed: file.seed ?? fallbackSeed };
}

/** `participants[2].id` style, as a person would write it; the whole input is called `input`. */
function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const key of path) {
    if (typeof key === 'number') name += `[${key}]`;
    else name += name ? `.${String(key)}` : String(key);
  }
  return name || 'input';
}
