// Which organisation a request speaks for: every lookup by an id from a button, form or command is scoped by this.
import type { Inbound } from './model';

/** An organisation's key, as stored in every row's `tenant` column. */
export type Organisation = string;

/**
 * The organisation an event came from: for now the Slack workspace or Teams tenant it happened in. Only this function
 * knows that, so moving to Mobilise's own organisation record changes this one place.
 */
export function organisationOf(event: Pick<Inbound, 'place'>): Organisation {
  return event.place.tenant;
}
