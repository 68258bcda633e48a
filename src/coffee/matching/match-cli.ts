// `mobilise coffee match --input FILE`: the matcher on a JSON file, groups as JSON on stdout; no database.
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { errorText } from '../../log';
import { UsageError } from '../../usage-error';
import { parseMatchFile, toMatchInput } from './input-schema';
import { matchGroups } from './match-groups';

export const MATCH_USAGE = `Usage: mobilise coffee match --input FILE

Previews a coffee round: runs the matcher on the people and past rounds in a JSON file and prints
{"groups": [...], "sittingOut": [...], "repeats": n}. Nothing is read from or saved to the database.

Options:
  --input FILE, -i FILE   the JSON file (README.md, "The mobilise command", shows its shape)
  --help, -h              show this text`;

/** The groups as one line of JSON; a file that is missing, not JSON or the wrong shape is a UsageError. */
export function runMatch(args: string[]): string {
  let input: string | undefined;
  try {
    ({ input } = parseArgs({ args, options: { input: { type: 'string', short: 'i' } }, strict: true }).values);
  } catch (err) {
    throw new UsageError(errorText(err));
  }
  if (!input) throw new UsageError('coffee match needs --input FILE, a JSON file of participants and past rounds');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(input, 'utf8'));
  } catch (err) {
    const why = err instanceof SyntaxError ? `is not valid JSON (${err.message})` : `cannot be read (${errorText(err)})`;
    throw new UsageError(`${input} ${why}`);
  }
  const parsed = parseMatchFile(json);
  if (!parsed.ok) throw new UsageError(parsed.error);
  // No seed in the file: a fresh one, so each preview is a new draw.
  const result = matchGroups(toMatchInput(parsed.file, randomInt(2 ** 31)));
  return `${JSON.stringify(result)}\n`;
}
