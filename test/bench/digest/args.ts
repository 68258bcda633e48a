// Command-line flags of the digest bench, checked with zod; a bad value is one line and exit code 2.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ArgsError } from '../args';

export { ArgsError };

export interface DigestBenchArgs {
  communities: number;
  lessons: number;
  tenants: number;
}

const whole = (flag: string, min: number, max: number, fallback: number): z.ZodType<number> =>
  z.coerce
    .number({ error: `${flag} must be a whole number` })
    .int(`${flag} must be a whole number`)
    .min(min, `${flag} must be at least ${min.toLocaleString('en-GB')}`)
    .max(max, `${flag} must be at most ${max.toLocaleString('en-GB')}`)
    .default(fallback);

const argsSchema = z.object({
  communities: whole('--communities', 10, 20_000, 1_000),
  lessons: whole('--lessons', 1_000, 5_000_000, 200_000),
  tenants: whole('--tenants', 1, 200, 20),
});

export function parseDigestBenchArgs(argv: string[]): DigestBenchArgs {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { communities: { type: 'string' }, lessons: { type: 'string' }, tenants: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new ArgsError(err instanceof Error ? err.message : String(err));
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new ArgsError(parsed.error.issues[0]?.message ?? 'the flags are not valid');
  return parsed.data;
}
