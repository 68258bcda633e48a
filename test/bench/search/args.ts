// Command-line flags of the search bench, checked with zod; a bad value is one line and exit code 2.
import { z } from 'zod';
import { ArgsError, parseFlags, whole } from '../args';

export { ArgsError };

export interface SearchBenchArgs {
  lessons: number;
  /** Timed searches per query kind, on each side. */
  runs: number;
}

const argsSchema = z.object({
  lessons: whole('--lessons', 1_000, 10_000_000, 1_000_000),
  runs: whole('--runs', 10, 10_000, 200),
});

export function parseSearchBenchArgs(argv: string[]): SearchBenchArgs {
  return parseFlags(argv, argsSchema);
}
