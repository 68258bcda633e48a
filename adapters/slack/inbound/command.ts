// Slash command payload -> neutral 'command'.
import { z } from 'zod';
import type { Inbound } from '../../../src/core/model';
import { slackPerson, slackPlace } from './neutral';
import { decodeSlackText } from './text';

const slashCommandSchema = z.object({
  command: z.string().regex(/^\/\S+$/),
  text: z.string().default(''),
  team_id: z.string().min(1),
  channel_id: z.string().min(1),
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  trigger_id: z.string().min(1),
});

export function commandToInbound(body: unknown): Inbound | undefined {
  const parsed = slashCommandSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  return {
    kind: 'command',
    name: c.command.slice(1),
    text: decodeSlackText(c.text).trim(),
    from: slackPerson(c.team_id, c.user_id, c.user_name),
    place: slackPlace(c.team_id, c.channel_id),
    deliveryId: `slack:cmd:${c.trigger_id}`,
    trigger: c.trigger_id,
  };
}
