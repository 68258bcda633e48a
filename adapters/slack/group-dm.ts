// Opens the private conversation of some people and the bot: a group DM, or a 1:1 DM for one person.
import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Person, Place } from '../../src/core/model';
import { PEOPLE_REFUSALS, translated } from './web-api-errors';

/** A group DM holds at most 8 people besides the bot. */
export const MAX_GROUP_PEOPLE = 8;

const openedSchema = z.object({ channel: z.object({ id: z.string().min(1) }) });

export async function openGroupDm(client: webApi.WebClient, people: Person[]): Promise<Place> {
  // Slack keeps one conversation per set of people, so a repeated person would only confuse it.
  const ids = [...new Set(people.map((p) => p.id))];
  if (ids.length === 0 || ids.length > MAX_GROUP_PEOPLE) {
    throw new RangeError(`a Slack group DM holds 1 to ${MAX_GROUP_PEOPLE} people, not ${ids.length}`);
  }
  const tenants = new Set(people.map((p) => p.tenant));
  const [tenant] = tenants;
  if (tenant === undefined || tenants.size > 1 || people.some((p) => p.platform !== 'slack')) {
    throw new RangeError('a Slack group DM needs Slack people from one workspace');
  }
  const result = await translated(client.conversations.open({ users: ids.join(',') }), PEOPLE_REFUSALS);
  return { platform: 'slack', tenant, channel: openedSchema.parse(result).channel.id };
}
