// Registering an organisation: a name, an optional ODS code, and the key its rows will carry.
import { DEFAULT_HOLIDAY_REGION, type HolidayRegion } from '../dates/working-days';
import type { Db } from '../store/db';
import { insertOrganisation, type RegisteredOrganisation } from '../store/organisations';
import { OrganisationError } from './organisation-error';

/** Readable in exports and `--tenant` options; the colon keeps it apart from any Slack, Teams or Entra id. */
export function organisationKey(name: string, odsCode?: string): string {
  if (odsCode !== undefined) return `org:${odsCode}`;
  const slug = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `org:${slug === '' ? 'unnamed' : slug}`;
}

export async function registerOrganisation(db: Db, input: { name: string; odsCode?: string; holidays?: HolidayRegion }, now: Date): Promise<RegisteredOrganisation> {
  const org: RegisteredOrganisation = {
    key: organisationKey(input.name, input.odsCode),
    name: input.name,
    ...(input.odsCode === undefined ? {} : { odsCode: input.odsCode }),
    holidays: input.holidays ?? DEFAULT_HOLIDAY_REGION,
    createdAt: now,
  };
  if (!(await insertOrganisation(db, org))) {
    const what = input.odsCode === undefined ? `the name "${input.name}"` : `the ODS code ${input.odsCode}`;
    throw new OrganisationError(`An organisation with ${what} is registered already (key ${org.key}). Run "mobilise org list" to see it.`);
  }
  return org;
}
