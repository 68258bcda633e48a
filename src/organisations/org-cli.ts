// `mobilise org register | join | list`: what an administrator runs to make and grow an organisation.
import type { Db } from '../store/db';
import { listOrganisations, type OrganisationWithMembers } from '../store/organisations';
import { describeScope, joinOrganisation } from './join';
import type { OrgCommand } from './org-args';
import { registerOrganisation } from './register';
import { DEFAULT_HOLIDAY_REGION, type HolidayRegion } from '../dates/working-days';

const NATION_NAMES: Record<HolidayRegion, string> = { 'england-and-wales': 'England and Wales', scotland: 'Scotland', 'northern-ireland': 'Northern Ireland' };
const holidaysInWords = (region: HolidayRegion): string => `bank holidays in ${NATION_NAMES[region]}`;

/** Runs a parsed command; the text is for stdout. An OrganisationError is a refusal (exit 1). */
export async function runOrg(db: Db, command: OrgCommand, now: Date): Promise<string> {
  switch (command.kind) {
    case 'register': {
      const org = await registerOrganisation(db, command, now);
      const ods = org.odsCode === undefined ? '' : ` (ODS ${org.odsCode})`;
      const holidays = org.holidays === DEFAULT_HOLIDAY_REGION ? '' : ` Dates Mobilise proposes there avoid ${holidaysInWords(org.holidays)}.`;
      return `Registered ${org.name}${ods} as ${org.key}.${holidays} Join its workspaces and teams with "mobilise org join ${org.key} --slack-workspace T… | --teams-team 19:…".\n`;
    }
    case 'join': {
      const outcome = await joinOrganisation(db, command.organisation, command.scope, now);
      const who = describeScope(command.scope);
      if (outcome.kind === 'already') return `${who} is in ${outcome.organisation.name} (${outcome.organisation.key}) already; nothing changed.\n`;
      const moved = outcome.moved.filter((m) => m.rows > 0).map((m) => `${m.table} ${m.rows}`);
      return `${who} joined ${outcome.organisation.name} (${outcome.organisation.key}). Rows moved: ${moved.length === 0 ? 'none' : moved.join(', ')}.\n`;
    }
    case 'list':
      return listText(await listOrganisations(db));
  }
}

function listText(orgs: OrganisationWithMembers[]): string {
  if (orgs.length === 0) return 'No organisations are registered: each Slack workspace and Teams team is its own.\n';
  return orgs
    .map((o) => {
      const head = `${o.key}  ${o.name}${o.odsCode === undefined ? '' : `  ODS ${o.odsCode}`}  (${holidaysInWords(o.holidays)})`;
      const members = o.members.length === 0 ? ['  (nothing has joined yet)'] : o.members.map((m) => `  ${describeScope(m)}`);
      return [head, ...members].join('\n');
    })
    .join('\n')
    .concat('\n');
}
