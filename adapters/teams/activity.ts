// The parts of a Bot Framework activity the adapter reads, checked before anything else looks at it.
import { z } from 'zod';

/** Activity types the adapter acts on; anything else is acknowledged and ignored. */
export const HANDLED_TYPES: ReadonlySet<string> = new Set([
  'message',
  'messageUpdate',
  'messageDelete',
  'invoke',
  'conversationUpdate',
  'installationUpdate',
]);

export const typedSchema = z.object({ type: z.string().min(1) }).loose();

const accountSchema = z.object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() }).loose();

const entitySchema = z
  .object({
    type: z.string(),
    text: z.string().optional(),
    mentioned: z.object({ id: z.string(), name: z.string().optional() }).loose().optional(),
  })
  .loose();

const channelDataSchema = z
  .object({
    tenant: z.object({ id: z.string().min(1) }).loose().optional(),
    channel: z.object({ id: z.string().min(1), name: z.string().optional() }).loose().optional(),
    team: z.object({ id: z.string().min(1), name: z.string().optional(), aadGroupId: z.string().optional() }).loose().optional(),
    eventType: z.string().optional(),
  })
  .loose();

/** A handled activity: where it came from, who sent it and to which bot, and what it carries. */
export const activitySchema = z
  .object({
    type: z.string().min(1),
    id: z.string().optional(),
    name: z.string().optional(),
    channelId: z.string().min(1),
    serviceUrl: z.url({ protocol: /^https?$/ }),
    timestamp: z.string().optional(),
    conversation: z
      .object({
        id: z.string().min(1),
        tenantId: z.string().optional(),
        conversationType: z.string().optional(),
        isGroup: z.boolean().optional(),
      })
      .loose(),
    from: accountSchema,
    recipient: accountSchema,
    text: z.string().optional(),
    replyToId: z.string().optional(),
    value: z.unknown().optional(),
    entities: z.array(entitySchema).optional(),
    channelData: channelDataSchema.optional(),
    membersAdded: z.array(accountSchema).optional(),
    action: z.string().optional(),
  })
  .loose();

export type TeamsActivity = z.infer<typeof activitySchema>;

/** The first thing wrong with a body, in a few words, for a 400. */
export function shapeProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  return path === '' ? 'the activity is not valid' : `${path}: ${issue?.message ?? 'is not valid'}`;
}
