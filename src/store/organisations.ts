// SQL for Mobilise's own organisations and the Slack workspaces and Teams teams joined to them.
import { z } from 'zod';
import { DEFAULT_HOLIDAY_REGION, HOLIDAY_REGIONS, type HolidayRegion } from '../dates/working-days';
import type { Sql } from './db';

/** Where a workspace or team lives: only Slack and Teams have them (the console sandbox is always 'local'). */
export type MemberPlatform = 'slack' | 'teams';

/** A Slack workspace id or a Teams team id, with its platform. */
export interface Scope {
  platform: MemberPlatform;
  id: string;
}

export interface RegisteredOrganisation {
  key: string;
  name: string;
  odsCode?: string;
  /** Whose bank holidays the days Mobilise proposes avoid. */
  holidays: HolidayRegion;
  createdAt: Date;
}

export interface OrganisationWithMembers extends RegisteredOrganisation {
  members: Scope[];
}

const organisationRow = z.object({ key: z.string(), name: z.string(), ods_code: z.string().nullable(), holidays: z.enum(HOLIDAY_REGIONS), created_at: z.coerce.date() });
const memberRow = z.object({ organisation: z.string(), platform: z.enum(['slack', 'teams']), scope: z.string() });

function toOrganisation(row: unknown): RegisteredOrganisation {
  const r = organisationRow.parse(row);
  return { key: r.key, name: r.name, ...(r.ods_code === null ? {} : { odsCode: r.ods_code }), holidays: r.holidays, createdAt: r.created_at };
}

/** False when the key or ODS code is taken already. */
export async function insertOrganisation(q: Sql, org: RegisteredOrganisation): Promise<boolean> {
  const rows = await q.query(
    'INSERT INTO organisations (key, name, ods_code, holidays, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING key',
    [org.key, org.name, org.odsCode ?? null, org.holidays, org.createdAt],
  );
  return rows.length === 1;
}

/** The registered organisation named by its key, its ODS code or its name (any case); locked when asked. */
export async function findOrganisation(q: Sql, name: string, lock = false): Promise<RegisteredOrganisation[]> {
  const rows = await q.query(
    `SELECT key, name, ods_code, holidays, created_at FROM organisations
      WHERE key = $1 OR upper(ods_code) = upper($1) OR lower(name) = lower($1) ORDER BY key${lock ? ' FOR UPDATE' : ''}`,
    [name],
  );
  return rows.map(toOrganisation);
}

export async function listOrganisations(q: Sql): Promise<OrganisationWithMembers[]> {
  const orgs = (await q.query('SELECT key, name, ods_code, holidays, created_at FROM organisations ORDER BY name, key')).map(toOrganisation);
  const members = (await q.query('SELECT organisation, platform, scope FROM organisation_members ORDER BY platform, scope')).map((r) => memberRow.parse(r));
  return orgs.map((o) => ({ ...o, members: members.filter((m) => m.organisation === o.key).map((m) => ({ platform: m.platform, id: m.scope })) }));
}

/** The registered organisation a workspace or team has joined, if any; locked when asked, so a join waits for another. */
export async function memberOf(q: Sql, scope: Scope, lock = false): Promise<string | undefined> {
  const rows = await q.query(
    `SELECT organisation FROM organisation_members WHERE platform = $1 AND scope = $2${lock ? ' FOR UPDATE' : ''}`,
    [scope.platform, scope.id],
  );
  const found = rows[0]?.organisation;
  return typeof found === 'string' ? found : undefined;
}

/** False when the workspace or team had joined an organisation already (another join got there first). */
export async function insertMember(q: Sql, scope: Scope, organisation: string, now: Date): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO organisation_members (platform, scope, organisation, joined_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (platform, scope) DO NOTHING RETURNING scope`,
    [scope.platform, scope.id, organisation, now],
  );
  return rows.length === 1;
}

const holidaysRow = z.object({ holidays: z.enum(HOLIDAY_REGIONS) });

/** The bank holidays an organisation keeps: its registered choice, else England and Wales'. */
export async function holidayRegionOf(q: Sql, organisation: string): Promise<HolidayRegion> {
  const rows = await q.query('SELECT holidays FROM organisations WHERE key = $1', [organisation]);
  return rows[0] === undefined ? DEFAULT_HOLIDAY_REGION : holidaysRow.parse(rows[0]).holidays;
}
