// Slack message metadata carries our idempotency key, so a retry can look for a message a crash hid from us.
import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Place } from '../../src/core/model';
import type { NamedRef } from '../../src/core/ports';
import { CHANNEL_REFUSALS, translated } from './web-api-errors';

const EVENT_TYPE = 'mobilise_message';

export function idempotencyMetadata(key: string): { event_type: string; event_payload: { key: string } } {
  return { event_type: EVENT_TYPE, event_payload: { key } };
}

const historySchema = z.object({
  messages: z.array(
    z.object({ ts: z.string(), metadata: z.object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()) }).optional() }).loose(),
  ),
});

/** Looks through the bot's conversation since `since` (a minute earlier, for clock skew) for a message with `key`. */
export async function findByIdempotencyKey(client: webApi.WebClient, place: Place, key: string, since: Date): Promise<NamedRef | undefined> {
  const oldest = String(Math.floor(since.getTime() / 1000) - 60);
  const result =
    place.thread === undefined
      ? await translated(client.conversations.history({ channel: place.channel, oldest, limit: 200, include_all_metadata: true }), CHANNEL_REFUSALS)
      : await translated(client.conversations.replies({ channel: place.channel, ts: place.thread, oldest, limit: 200, include_all_metadata: true }), CHANNEL_REFUSALS);
  const found = historySchema.parse(result).messages.find((m) => m.metadata?.event_type === EVENT_TYPE && m.metadata.event_payload.key === key);
  return found && { place, id: found.ts };
}
