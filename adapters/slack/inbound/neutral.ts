// Builders for the neutral Place and Person, so optional fields are left out rather than undefined.
import type { Person, Place } from '../../../src/core/model';

export function slackPlace(tenant: string, channel: string, thread?: string): Place {
  return thread === undefined ? { platform: 'slack', tenant, channel } : { platform: 'slack', tenant, channel, thread };
}

export function slackPerson(tenant: string, id: string, name?: string): Person {
  return name === undefined || name === '' ? { platform: 'slack', tenant, id } : { platform: 'slack', tenant, id, name };
}

/** A message is in a thread when its thread_ts points at another message (the parent). */
export function threadOf(ts: string | undefined, threadTs: string | undefined): string | undefined {
  return threadTs !== undefined && threadTs !== ts ? threadTs : undefined;
}
