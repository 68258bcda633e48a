// Which organisation a request speaks for: every lookup by an id from a button, form or command is scoped by this.
import type { Inbound, Place } from './model';

/**
 * An organisation's key, as stored in every row's `tenant` column (the column kept its name): a registered
 * organisation's 'org:…' key, or the workspace, team or tenant that is its own organisation until it joins one.
 */
export type Organisation = string;

/**
 * The workspace or team a place belongs to, which an administrator joins to an organisation: the Slack workspace (the
 * tenant), the Teams team its adapter named, or for a Teams chat of someone never seen in a team, the Entra tenant.
 */
export function scopeOf(place: Place): string {
  return place.scope ?? place.tenant;
}

/**
 * The organisation an event came from: the engine resolves it once per event (a workspace or team joined to a
 * registered organisation counts as that organisation); an unjoined one is its own, keyed by its scope.
 */
export function organisationOf(event: Pick<Inbound, 'place' | 'organisation'>): Organisation {
  return event.organisation ?? scopeOf(event.place);
}
