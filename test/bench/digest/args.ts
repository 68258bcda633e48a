// Command-line flags of the digest bench, checked with zod; a bad value is one line and exit code 2.
import { z } from 'zod';
import { ArgsError, parseFlags, whole } from '../args';

export { ArgsError };

export interface DigestBenchArgs {
  communities: number;
  lessons: number;
  tenants: number;
}

const argsSchema = z.object({
  communities: whole('--communities', 10, 20_000, 1_000),
  lessons: whole('--lessons', 1_000, 5_000_000, 200_000),
  tenants: whole('--tenants', 1, 200, 20),
});

export function parseDigestBenchArgs(argv: string[]): DigestBenchArgs {
  return parseFlags(argv, argsSchema);
}
