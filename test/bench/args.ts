// Command-line flags of the benches, checked with zod; a bad value is one line and exit code 2.
import { parseArgs } from 'node:util';
import { z } from 'zod';

export interface BenchArgs {
  /** Requests per target at each concurrency level, split across the alternating rounds. */
  requests: number;
  concurrency: number[];
}

export const DEFAULT_REQUESTS = 1000;
export const DEFAULT_CONCURRENCY = [1, 10, 100];

const argsSchema = z.object({
  requests: z.coerce
    .number({ error: '--requests must be a whole number' })
    .int('--requests must be a whole number')
    .min(10, '--requests must be at least 10')
    .max(100_000, '--requests must be at most 100000')
    .default(DEFAULT_REQUESTS),
  concurrency: z
    .string()
    .transform((s) => s.split(',').map((part) => part.trim()))
    .pipe(
      z
        .array(
          z.coerce
            .number<string>({ error: '--concurrency must be a comma-separated list of whole numbers' })
            .int('--concurrency must be a comma-separated list of whole numbers')
            .min(1, '--concurrency levels must be at least 1')
            .max(1000, '--concurrency levels must be at most 1000'),
        )
        .min(1)
        .max(8, '--concurrency takes at most 8 levels'),
    )
    .default(DEFAULT_CONCURRENCY),
});

export class ArgsError extends Error {}

/** A whole-number flag between min and max, with the bounds in UK digit grouping. */
export const whole = (flag: string, min: number, max: number, fallback: number): z.ZodType<number> =>
  z.coerce
    .number({ error: `${flag} must be a whole number` })
    .int(`${flag} must be a whole number`)
    .min(min, `${flag} must be at least ${min.toLocaleString('en-GB')}`)
    .max(max, `${flag} must be at most ${max.toLocaleString('en-GB')}`)
    .default(fallback);

/** Reads `--<key> <value>` for each key of the schema (nothing else) and checks them with it. */
export function parseFlags<S extends z.ZodObject>(argv: string[], schema: S): z.output<S> {
  let values: Record<string, unknown>;
  try {
    const options = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, { type: 'string' as const }]));
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new ArgsError(err instanceof Error ? err.message : String(err));
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new ArgsError(parsed.error.issues[0]?.message ?? 'the flags are not valid');
  return parsed.data;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  return parseFlags(argv, argsSchema);
}
