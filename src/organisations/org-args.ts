// Reading `mobilise org …` arguments with zod before the database is opened, so bad usage never touches it.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { cleanText } from '../core/clean-text';
import type { Scope } from '../store/organisations';
import { UsageError } from '../usage-error';
import { HOLIDAY_REGIONS, type HolidayRegion } from '../dates/working-days';
import { odsCodeSchema } from './ods-code';

export const ORG_USAGE = `Usage: mobilise org <command>

Commands:
  register --name "NAME" [--ods CODE] [--holidays NATION]
                                           register an organisation (an NHS ODS code such as RXH, if it has one)
  join ORG --slack-workspace T…            join a Slack workspace to an organisation (ORG: its key, ODS code or name);
  join ORG --teams-team 19:…@thread.tacv2  or a Teams team; everything the workspace or team has moves with it
  list                                     the registered organisations and what has joined them

A workspace or team that has joined nothing is its own organisation.
Each command takes --help, e.g. "mobilise org join --help".`;

// The first line alone ends a one-line usage error.
const REGISTER_LINE = 'Usage: mobilise org register --name "NAME" [--ods CODE] [--holidays england-and-wales|scotland|northern-ireland]';
export const REGISTER_USAGE = `${REGISTER_LINE}

Registers an organisation, so that several Slack workspaces and Teams teams can share one library.

Options:
  --name "NAME"   the organisation's name
  --ods CODE      its NHS ODS code, 3 to 9 letters or digits, such as RXH (a trust) or A81001 (a GP practice)
  --holidays NATION
                  whose bank holidays the dates Mobilise proposes avoid: england-and-wales (the default),
                  scotland or northern-ireland
  --help, -h      show this text`;

const JOIN_LINE = 'Usage: mobilise org join ORG (--slack-workspace T… | --teams-team 19:…@thread.tacv2)';
export const JOIN_USAGE = `${JOIN_LINE}

Joins a Slack workspace or a Teams team to an organisation (ORG: its key, ODS code or name). Everything the
workspace or team has moves with it.

Options:
  --slack-workspace T…              a Slack workspace id, such as T0123ABCD
  --teams-team 19:…@thread.tacv2    a Teams team id: its General channel's id
  --help, -h                        show this text`;

const LIST_LINE = 'Usage: mobilise org list';
export const LIST_USAGE = `${LIST_LINE}

Lists the registered organisations and the workspaces and teams that have joined each.

Options:
  --help, -h      show this text`;

export type OrgCommand =
  | { kind: 'register'; name: string; odsCode?: string; holidays?: HolidayRegion }
  | { kind: 'join'; organisation: string; scope: Scope }
  | { kind: 'list' };

const holidaysSchema = z.enum(HOLIDAY_REGIONS, { error: `--holidays must be one of ${HOLIDAY_REGIONS.join(', ')}` });

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
    return parseArgs({ args, options, allowPositionals: true, strict: true });
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

export function readRegister(args: string[]): OrgCommand {
  const { values, positionals } = parse(args, { name: { type: 'string' }, ods: { type: 'string' }, holidays: { type: 'string' } });
  noExtra(positionals, REGISTER_LINE);
  const name = check(nameSchema, values.name);
  return {
    kind: 'register',
    name,
    ...(values.ods === undefined ? {} : { odsCode: check(odsCodeSchema, values.ods) }),
    ...(values.holidays === undefined ? {} : { holidays: check(holidaysSchema, values.holidays) }),
  };
}

export function readJoin(args: string[]): OrgCommand {
  const { values, positionals } = parse(args, { 'slack-workspace': { type: 'string' }, 'teams-team': { type: 'string' } });
  const [organisation, ...extra] = positionals;
  if (organisation === undefined || organisation.trim() === '') throw new UsageError(`org join needs the organisation to join. ${JOIN_LINE}`);
  noExtra(extra, JOIN_LINE);
  const slack = values['slack-workspace'];
  const teams = values['teams-team'];
  if ((slack === undefined) === (teams === undefined)) throw new UsageError(`org join needs one of --slack-workspace or --teams-team. ${JOIN_LINE}`);
  const scope: Scope = slack !== undefined ? { platform: 'slack', id: check(slackWorkspaceSchema, slack) } : { platform: 'teams', id: check(teamsTeamSchema, teams) };
  return { kind: 'join', organisation: organisation.trim(), scope };
}

export function readList(args: string[]): OrgCommand {
  const { positionals } = parse(args, {});
  noExtra(positionals, LIST_LINE);
  return { kind: 'list' };
}
