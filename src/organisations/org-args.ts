// Reading `mobilise org …` arguments with zod before the database is opened, so bad usage never touches it.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { cleanText } from '../core/clean-text';
import type { Scope } from '../store/organisations';
import { UsageError } from '../usage-error';
import { odsCodeSchema } from './ods-code';

export const ORG_USAGE = `Usage: mobilise org <command>

Commands:
  register --name "NAME" [--ods CODE]      register an organisation (an NHS ODS code such as RXH, if it has one)
  join ORG --slack-workspace T…            join a Slack workspace to an organisation (ORG: its key, ODS code or name);
  join ORG --teams-team 19:…@thread.tacv2  or a Teams team; everything the workspace or team has moves with it
  list                                     the registered organisations and what has joined them

A workspace or team that has joined nothing is its own organisation.`;

const REGISTER_USAGE = 'Usage: mobilise org register --name "NAME" [--ods CODE]';
const JOIN_USAGE = 'Usage: mobilise org join ORG (--slack-workspace T… | --teams-team 19:…@thread.tacv2)';
const LIST_USAGE = 'Usage: mobilise org list';

export type OrgCommand =
  | { kind: 'help'; text: string }
  | { kind: 'register'; name: string; odsCode?: string }
  | { kind: 'join'; organisation: string; scope: Scope }
  | { kind: 'list' };

const nameSchema = z
  .string({ error: 'org register needs --name "NAME", the organisation\'s name' })
  .transform((s) => cleanText(s).trim())
  .pipe(z.string().min(1, '--name cannot be empty').max(200, '--name can be at most 200 characters'));

/** Slack team ids are T… (E… for an Enterprise Grid organisation), in capitals and digits. */
const slackWorkspaceSchema = z.string().regex(/^[TE][A-Z0-9]{2,30}$/, '--slack-workspace must be a Slack workspace id such as T0123ABCD');

/** A Teams team id is its General channel's conversation id, e.g. 19:…@thread.tacv2 (channelData.team.id). */
const teamsTeamSchema = z.string().regex(/^19:[^\s@]+@thread\.(tacv2|skype)$/, '--teams-team must be a Teams team id such as 19:abc…@thread.tacv2');

function parse<O extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: O): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid value');
  return parsed.data;
}

function noExtra(positionals: string[], usage: string): void {
  if (positionals.length > 0) throw new UsageError(`Unexpected "${positionals.join(' ')}". ${usage}`);
}

function readRegister(args: string[]): OrgCommand {
  const { values, positionals } = parse(args, { name: { type: 'string' }, ods: { type: 'string' } });
  if (values.help === true) return { kind: 'help', text: REGISTER_USAGE };
  noExtra(positionals, REGISTER_USAGE);
  const name = check(nameSchema, values.name);
  if (values.ods === undefined) return { kind: 'register', name };
  return { kind: 'register', name, odsCode: check(odsCodeSchema, values.ods) };
}

function readJoin(args: string[]): OrgCommand {
  const { values, positionals } = parse(args, { 'slack-workspace': { type: 'string' }, 'teams-team': { type: 'string' } });
  if (values.help === true) return { kind: 'help', text: JOIN_USAGE };
  const [organisation, ...extra] = positionals;
  if (organisation === undefined || organisation.trim() === '') throw new UsageError(`org join needs the organisation to join. ${JOIN_USAGE}`);
  noExtra(extra, JOIN_USAGE);
  const slack = values['slack-workspace'];
  const teams = values['teams-team'];
  if ((slack === undefined) === (teams === undefined)) throw new UsageError(`org join needs one of --slack-workspace or --teams-team. ${JOIN_USAGE}`);
  const scope: Scope = slack !== undefined ? { platform: 'slack', id: check(slackWorkspaceSchema, slack) } : { platform: 'teams', id: check(teamsTeamSchema, teams) };
  return { kind: 'join', organisation: organisation.trim(), scope };
}

function readList(args: string[]): OrgCommand {
  const { values, positionals } = parse(args, {});
  if (values.help === true) return { kind: 'help', text: LIST_USAGE };
  noExtra(positionals, LIST_USAGE);
  return { kind: 'list' };
}

export function readOrgArgs(args: string[]): OrgCommand {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'register':
      return readRegister(rest);
    case 'join':
      return readJoin(rest);
    case 'list':
      return readList(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { kind: 'help', text: ORG_USAGE };
    default:
      throw new UsageError(`Unknown org command "${sub}". Try "mobilise org register", "mobilise org join" or "mobilise org list".`);
  }
}
