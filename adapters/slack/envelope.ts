// The shape of a signed Slack request, checked before Bolt routes it: Bolt dereferences these fields unguarded (a 500, or a crash).
import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';

export type EnvelopeVerdict =
  | { kind: 'route' }
  /** Well formed but nothing Mobilise listens to: acknowledged with 200 and dropped, instead of Bolt's 3 s wait and 404. */
  | { kind: 'ignore' }
  | { kind: 'malformed'; problem: string };

/** Interactive payload types listeners.ts registers; other types are acknowledged and ignored. */
const ROUTED_PAYLOADS = new Set(['block_actions', 'view_submission']);

const someObject = z.object({}).loose();
const id = z.string().min(1);
const teamRef = z.object({ id }).loose().nullable().optional();
const userRef = z.object({ id }).loose();

const eventCallbackSchema = z
  .object({
    type: z.literal('event_callback'),
    team_id: id,
    event_id: id,
    authorizations: z.array(z.object({ team_id: z.string().nullable().optional(), enterprise_id: z.string().nullable().optional() }).loose()).optional(),
    event: z
      .object({
        type: id,
        channel: z.union([z.string(), someObject]).optional(),
        user: z.union([z.string(), someObject]).optional(),
        item: someObject.optional(),
        subteam: someObject.optional(),
      })
      .loose(),
  })
  .loose();

const jsonEnvelopeSchema = z.discriminatedUnion('type', [
  eventCallbackSchema,
  z.object({ type: z.literal('url_verification'), challenge: z.string() }).loose(),
  z.object({ type: z.literal('app_rate_limited') }).loose(),
]);

const slashCommandSchema = z
  .object({
    command: z.string().regex(/^\/\S+$/),
    text: z.string().optional(),
    team_id: id,
    user_id: id,
    channel_id: id,
    trigger_id: z.string().optional(),
    enterprise_id: z.string().optional(),
  })
  .loose();

const payloadTypeSchema = z.object({ type: id }).loose();

/** Who pressed or submitted, and where: every interactive payload Mobilise routes carries these. */
const fromSomeone = { user: userRef, team: teamRef, enterprise: someObject.nullable().optional() };

const blockActionsSchema = z
  .object({
    type: z.literal('block_actions'),
    ...fromSomeone,
    channel: z.object({ id }).loose().optional(),
    container: someObject.optional(),
    message: someObject.optional(),
    view: someObject.optional(),
    actions: z.array(z.object({ action_id: id, block_id: z.string().optional() }).loose()).min(1),
  })
  .loose();

const viewSubmissionSchema = z
  .object({
    type: z.literal('view_submission'),
    ...fromSomeone,
    view: z
      .object({ id, callback_id: z.string(), app_installed_team_id: z.string().optional(), state: someObject.optional() })
      .loose(),
  })
  .loose();

/** Judges the raw body exactly as Bolt will read it (form-encoded only for that exact content type, JSON otherwise). */
export function judgeEnvelope(contentType: string | undefined, rawBody: string): EnvelopeVerdict {
  if (contentType === 'application/x-www-form-urlencoded') return judgeForm(rawBody);
  const json = parseJson(rawBody);
  if (json === undefined) return malformed('the body is not JSON');
  const envelope = jsonEnvelopeSchema.safeParse(json);
  if (!envelope.success) return malformed(problemOf(envelope.error));
  return envelope.data.type === 'app_rate_limited' ? { kind: 'ignore' } : { kind: 'route' };
}

function judgeForm(rawBody: string): EnvelopeVerdict {
  const form = parseQuery(rawBody);
  // Slack's SSL check carries nothing to route; Bolt answers it.
  if (form.ssl_check === '1') return { kind: 'route' };
  if (form.payload !== undefined) {
    if (typeof form.payload !== 'string') return malformed('payload is repeated');
    const payload = parseJson(form.payload);
    if (payload === undefined) return malformed('payload is not JSON');
    const typed = payloadTypeSchema.safeParse(payload);
    if (!typed.success) return malformed(`payload: ${problemOf(typed.error)}`);
    if (!ROUTED_PAYLOADS.has(typed.data.type)) return { kind: 'ignore' };
    const checked = (typed.data.type === 'block_actions' ? blockActionsSchema : viewSubmissionSchema).safeParse(payload);
    return checked.success ? { kind: 'route' } : malformed(`payload: ${problemOf(checked.error)}`);
  }
  if (form.command !== undefined) {
    const command = slashCommandSchema.safeParse(form);
    return command.success ? { kind: 'route' } : malformed(problemOf(command.error));
  }
  return malformed('neither a command nor an interactive payload');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function malformed(problem: string): EnvelopeVerdict {
  return { kind: 'malformed', problem };
}

/** The first issue, as `path: message`, for the log line (never the body itself). */
function problemOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}
