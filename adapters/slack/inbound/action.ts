// block_actions payload -> one neutral 'action' per action.
import { z } from 'zod';
import type { Inbound } from '../../../src/core/model';
import { decodeActionId } from '../action-id';
import { slackPerson, slackPlace, slackUserSchema } from './neutral';

const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  team: z.object({ id: z.string().min(1) }).nullish(),
  user: slackUserSchema,
  trigger_id: z.string().min(1),
  channel: z.object({ id: z.string().min(1) }).nullish(),
  container: z
    .object({
      channel_id: z.string().optional(),
      message_ts: z.string().optional(),
      thread_ts: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .loose()
    .optional(),
  // Absent for buttons on ephemeral messages; the container still says where they were.
  message: z.object({ ts: z.string().min(1), thread_ts: z.string().optional() }).loose().optional(),
  actions: z.array(z.object({ action_id: z.string().min(1), value: z.string().optional() }).loose()),
});

export function actionsToInbounds(body: unknown): Inbound[] {
  const parsed = blockActionsSchema.safeParse(body);
  if (!parsed.success) return [];
  const p = parsed.data;
  const tenant = p.team?.id ?? p.user.team_id;
  const channel = p.channel?.id ?? p.container?.channel_id;
  // Buttons inside modals have no conversation; we never put any there.
  if (tenant === undefined || channel === undefined) return [];
  const thread = p.message?.thread_ts ?? p.container?.thread_ts ?? rootOf(p.container, p.message);
  const place = slackPlace(tenant, channel, thread);
  const from = slackPerson(tenant, p.user.id, p.user.name ?? p.user.username);
  return p.actions.map((a) => {
    const action = decodeActionId(a.action_id);
    const event: Inbound = {
      kind: 'action',
      action,
      from,
      place,
      deliveryId: `slack:act:${p.trigger_id}:${a.action_id}`,
      trigger: p.trigger_id,
    };
    return a.value === undefined ? event : { ...event, value: a.value };
  });
}

/** A button on a top-level card belongs to the thread rooted at that card; an ephemeral message roots nothing. */
function rootOf(
  container: { message_ts?: string; is_ephemeral?: boolean } | undefined,
  message: { ts: string } | undefined,
): string | undefined {
  if (container?.is_ephemeral === true) return undefined;
  return container?.message_ts ?? message?.ts;
}
