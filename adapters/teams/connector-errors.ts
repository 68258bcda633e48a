// Turns the Bot Connector's HTTP failures into the core's: try again later, never in that place, or never this message.
import { z } from 'zod';
import { PlaceUnavailable, Refused, RetryLater } from '../../src/core/ports';

/** Statuses Teams asks bots to retry with back-off (learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit). */
const RETRIED = new Set([412, 429, 502, 503, 504]);
/** Statuses Teams says not to retry ("Status codes from bot conversational APIs"). */
const REFUSED = new Set([400, 401, 413, 500]);

const restErrorSchema = z.object({ statusCode: z.number().int() });
const bodySchema = z.object({ error: z.object({ code: z.string() }).loose() }).loose();

/**
 * The core's error for what the connector said: try again (RetryLater), never in that conversation (PlaceUnavailable),
 * or never this message (Refused); an error with no answer (the network) is left as it is, for the outbox to retry.
 */
export function translateConnectorError(error: unknown): unknown {
  const parsed = restErrorSchema.safeParse(error);
  if (!parsed.success) return error;
  const status = parsed.data.statusCode;
  const code = codeOf(error);
  const said = `Teams answered ${status}${code === undefined ? '' : ` ${code}`}`;
  // Teams promises no Retry-After on a 429; when there is none, the outbox's back-off with jitter applies.
  if (RETRIED.has(status)) return new RetryLater(said, status === 429 ? retryAfterMs(error) : undefined);
  // 404 for a message that is gone (deleted, or never named) ends that message, not the whole conversation.
  if (status === 404 && code === 'ActivityNotFoundInConversation') return new Refused(said);
  // 403: the bot was removed from the team or chat, blocked, or disabled by an admin; 404: the conversation is gone.
  if (status === 403) return new PlaceUnavailable(`${said}: Mobilise is no longer a member of that team or chat, or was blocked`);
  if (status === 404) return new PlaceUnavailable(`${said}: Teams no longer knows that conversation`);
  if (REFUSED.has(status)) return new Refused(said);
  return error;
}

/** Awaits a connector call, rethrowing its failure in the core's terms. */
export async function translated<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw translateConnectorError(error);
  }
}

function retryAfterMs(error: unknown): number | undefined {
  // The response is a non-enumerable property of the SDK's RestError.
  const response: unknown = typeof error === 'object' && error !== null && 'response' in error ? error.response : undefined;
  const headers: unknown = typeof response === 'object' && response !== null && 'headers' in response ? response.headers : undefined;
  if (typeof headers !== 'object' || headers === null || !('get' in headers) || typeof headers.get !== 'function') return undefined;
  const raw: unknown = (headers.get as (name: string) => unknown).call(headers, 'retry-after');
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** Teams' error code from the response body (e.g. BotNotInConversationRoster), when there is one. */
function codeOf(error: unknown): string | undefined {
  const response: unknown = typeof error === 'object' && error !== null && 'response' in error ? error.response : undefined;
  const raw: unknown = typeof response === 'object' && response !== null && 'bodyAsText' in response ? response.bodyAsText : undefined;
  if (typeof raw !== 'string') return undefined;
  try {
    const body = bodySchema.safeParse(JSON.parse(raw));
    return body.success ? body.data.error.code : undefined;
  } catch {
    return undefined;
  }
}
