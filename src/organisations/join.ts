// Joining a Slack workspace or Teams team to a registered organisation, moving its rows there in one transaction.
import type { Db, Sql } from '../store/db';
import { moveOrganisationRows, takeScopeLock, type OrganisationTable } from '../store/organisation-rows';
import { findOrganisation, insertMember, memberOf, type RegisteredOrganisation, type Scope } from '../store/organisations';
import { OrganisationError } from './organisation-error';

export type JoinOutcome =
  | { kind: 'joined'; organisation: RegisteredOrganisation; moved: { table: OrganisationTable; rows: number }[] }
  | { kind: 'already'; organisation: RegisteredOrganisation };

export function describeScope(scope: Scope): string {
  return scope.platform === 'slack' ? `Slack workspace ${scope.id}` : `Teams team ${scope.id}`;
}

/** The one organisation `name` names (key, ODS code or name), or a refusal that says what to do. */
export async function oneOrganisation(db: Sql, name: string, lock = false): Promise<RegisteredOrganisation> {
  const found = await findOrganisation(db, name, lock);
  const [only] = found;
  if (only === undefined) throw new OrganisationError(`No organisation is registered as "${name}". Run "mobilise org list" to see them, or "mobilise org register" to add it.`);
  if (found.length > 1) throw new OrganisationError(`"${name}" names ${found.length} organisations (${found.map((o) => o.key).join(', ')}): use the key.`);
  return only;
}

/**
 * Until it joins, a workspace or team is its own organisation, keyed by its id; joining re-keys all of its rows to the
 * organisation's key, so its library, runs, programmes and communities go with it and nothing is copied.
 */
export async function joinOrganisation(db: Db, name: string, scope: Scope, now: Date): Promise<JoinOutcome> {
  return db.transaction(async (tx) => {
    const organisation = await oneOrganisation(tx, name, true);
    await takeScopeLock(tx, scope);
    const current = await memberOf(tx, scope, true);
    if (current === organisation.key) return { kind: 'already', organisation };
    if (current !== undefined) {
      throw new OrganisationError(`${describeScope(scope)} has joined ${current} already; moving it to another organisation is not supported yet.`);
    }
    if (!(await insertMember(tx, scope, organisation.key, now))) {
      throw new OrganisationError(`${describeScope(scope)} joined an organisation a moment ago. Run "mobilise org list" to see which.`);
    }
    try {
      return { kind: 'joined', organisation, moved: await moveOrganisationRows(tx, scope.id, organisation.key) };
    } catch (err) {
      // A row unique within an organisation (lessons' import keys) exists on both sides: the whole join rolls back.
      if (!isUniqueViolation(err)) throw err;
      throw new OrganisationError(`${describeScope(scope)} cannot join ${organisation.key}: both have ${collidingWhat(err)}, so nothing was joined or moved.`);
    }
  });
}

function isUniqueViolation(err: unknown): err is Error & { code: string } {
  return err instanceof Error && 'code' in err && err.code === '23505';
}

/** What the clash was about, from the index Postgres names in its message. */
function collidingWhat(err: Error): string {
  return /lessons_import_key/.test(err.message) ? 'the same imported lesson' : `a row that may exist only once (${err.message})`;
}
