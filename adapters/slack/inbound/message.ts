// Events API message (message.channels / message.groups) -> neutral 'reply', 'reply-edited' or 'reply-deleted'.
import { z } from 'zod';
import type { Inbound } from '../../../src/core/model';
import { slackPerson, slackPlace, threadOf } from './neutral';
import { decodeSlackText } from './text';

const envelopeSchema = z.object({
  type: z.literal('event_callback'),
  team_id: z.string().min(1),
  event_id: z.string().min(1),
  event: z.object({ type: z.literal('message'), subtype: z.string().optional() }).loose(),
});

const authoredSchema = z.object({
  user: z.string().min(1).optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  text: z.string().default(''),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
});

const postedSchema = authoredSchema.extend({ channel: z.string().min(1) });

const changedSchema = z.object({
  channel: z.string().min(1),
  message: authoredSchema,
  previous_message: z.object({ text: z.string().optional() }).optional(),
});

const deletedSchema = z.object({
  channel: z.string().min(1),
  deleted_ts: z.string().min(1),
  previous_message: z
    .object({ ts: z.string().optional(), thread_ts: z.string().optional(), bot_id: z.string().optional() })
    .optional(),
});

/** Subtypes that are still a person typing into the conversation. */
const USER_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

type Authored = z.infer<typeof authoredSchema>;

function byPerson(m: Authored): m is Authored & { user: string } {
  return m.user !== undefined && m.bot_id === undefined && m.subtype !== 'bot_message';
}

export function messageToInbound(body: unknown): Inbound | undefined {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return undefined;
  const { team_id: tenant, event_id: eventId, event } = envelope.data;
  const deliveryId = `slack:evt:${eventId}`;

  if (event.subtype === 'message_changed') {
    const parsed = changedSchema.safeParse(event);
    if (!parsed.success || !byPerson(parsed.data.message)) return undefined;
    const { channel, message, previous_message: previous } = parsed.data;
    // Slack also sends message_changed for unfurls and reply counts; only a new text is an edit.
    if (previous?.text !== undefined && previous.text === message.text) return undefined;
    return {
      kind: 'reply-edited',
      text: decodeSlackText(message.text),
      from: slackPerson(tenant, message.user),
      place: slackPlace(tenant, channel, threadOf(message.ts, message.thread_ts)),
      deliveryId,
      messageId: message.ts,
    };
  }

  if (event.subtype === 'message_deleted') {
    const parsed = deletedSchema.safeParse(event);
    if (!parsed.success || parsed.data.previous_message?.bot_id !== undefined) return undefined;
    const { channel, deleted_ts: deletedTs, previous_message: previous } = parsed.data;
    return {
      kind: 'reply-deleted',
      place: slackPlace(tenant, channel, threadOf(deletedTs, previous?.thread_ts)),
      deliveryId,
      messageId: deletedTs,
    };
  }

  if (!USER_SUBTYPES.has(event.subtype)) return undefined;
  const parsed = postedSchema.safeParse(event);
  if (!parsed.success || !byPerson(parsed.data)) return undefined;
  const m = parsed.data;
  return {
    kind: 'reply',
    text: decodeSlackText(m.text),
    from: slackPerson(tenant, m.user),
    place: slackPlace(tenant, m.channel, threadOf(m.ts, m.thread_ts)),
    deliveryId,
    messageId: m.ts,
  };
}
