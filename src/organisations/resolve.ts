// The one place an event's organisation is decided, once per event, inside the transaction that acts on it.
import type { Inbound } from '../core/model';
import { scopeOf } from '../core/organisation';
import type { Sql } from '../store/db';
import { shareScopeLock } from '../store/organisation-rows';
import { memberOf, type Scope } from '../store/organisations';

/** The workspace or team an event happened in, when its platform has them (the console does not). */
export function eventScope(event: Pick<Inbound, 'place'>): Scope | undefined {
  const { platform } = event.place;
  return platform === 'slack' || platform === 'teams' ? { platform, id: scopeOf(event.place) } : undefined;
}

/**
 * The event with its organisation: the registered organisation its workspace or team has joined, otherwise the
 * workspace or team itself. Holds the scope's shared lock until the transaction ends, so a join cannot slip in between.
 */
export async function withOrganisation<E extends Inbound>(tx: Sql, event: E): Promise<E> {
  // Replies only ever reach a run, whose row carries its organisation: the hot path needs no lookup.
  if (event.kind === 'reply' || event.kind === 'reply-edited' || event.kind === 'reply-deleted') return event;
  const scope = eventScope(event);
  if (scope === undefined) return { ...event, organisation: scopeOf(event.place) };
  await shareScopeLock(tx, scope);
  return { ...event, organisation: (await memberOf(tx, scope)) ?? scope.id };
}
