// Builders for the neutral Place and Person, so optional fields are left out rather than undefined.
import { z } from 'zod';
import type { Person, Place } from '../../../src/core/model';

/** The `user` object of interactive payloads (buttons, modal submissions). */
export const slackUserSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  username: z.string().optional(),
  team_id: z.string().optional(),
});

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
