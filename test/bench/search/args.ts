// Command-line flags of the search bench, checked with zod; a bad value is one line and exit code 2.
import { parseArgs } from 'node:util';
import { z } from 'zod';

export interface SearchBenchArgs {
  lessons: number;
  /** Timed searches per query kind, on each side. */
  runs: number;
}

const whole = (flag: string, min: number, max: number, fallback: number): z.ZodType<number> =>
  z.coerce
    .number({ error: `${flag} must be a whole number` })
    .int(`${flag} must be a whole number`)
    .min(min, `${flag} must be at least ${min.toLocaleString('en-GB')}`)
    .max(max, `${flag} must be at most ${max.toLocaleString('en-GB')}`)
    .default(fallback);

const argsSchema = z.object({
  lessons: whole('--lessons', 1_000, 10_000_000, 1_000_000),
  runs: whole('--runs', 10, 10_000, 200),
});

export class ArgsError extends Error {}

export function parseSearchBenchArgs(argv: string[]): SearchBenchArgs {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options: { lessons: { type: 'string' }, runs: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new ArgsError(err instanceof Error ? err.message : String(err));
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new ArgsError(parsed.error.issues[0]?.message ?? 'the flags are not valid');
  return parsed.data;
}
