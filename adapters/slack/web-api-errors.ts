// Turns the Web API's errors into the core's: a refusal that retrying won't fix, or a request to slow down.
import { webApi } from '@slack/bolt';
import { z } from 'zod';
import { PlaceUnavailable, Refused, RetryLater } from '../../src/core/ports';

/** Answers that mean "never in this channel", as opposed to a passing failure. */
export const CHANNEL_REFUSALS: ReadonlySet<string> = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'cannot_reply_to_message',
]);

/** conversations.open answers that mean these people can never be messaged together. */
export const PEOPLE_REFUSALS: ReadonlySet<string> = new Set([
  'user_not_found',
  'user_not_visible',
  'user_disabled',
  'cannot_dm_bot',
  'not_allowed_token_type',
  'invalid_user_combination',
]);

/** Slack's per-channel posting limit is about one message a second; a platform error carries no Retry-After. */
const PLATFORM_RATE_LIMIT_MS = 1000;
const PLATFORM_RATE_LIMITS = new Set(['ratelimited', 'rate_limited']);
/** Answers that mean Slack is briefly unwell (api.slack.com/methods/chat.postMessage, Errors), worth trying again. */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

const httpErrorSchema = z.object({ code: z.literal(webApi.ErrorCode.HTTPError), statusCode: z.number().int() });

const rateLimitedSchema = z.object({
  code: z.literal(webApi.ErrorCode.RateLimitedError),
  retryAfter: z.number().finite().nonnegative(),
});

const platformErrorSchema = z.object({
  code: z.literal(webApi.ErrorCode.PlatformError),
  data: z.object({
    error: z.string(),
    response_metadata: z.object({ retryAfter: z.number().finite().nonnegative().optional() }).loose().optional(),
  }).loose(),
});

/**
 * The core's error for what Slack said: slow down or try again (RetryLater), never here (PlaceUnavailable), or never
 * this message (Refused). A failure with no answer at all (the network) is left as it is; the outbox retries it.
 */
export function translateError(error: unknown, refusals: ReadonlySet<string> = new Set()): unknown {
  const limited = rateLimitedSchema.safeParse(error);
  if (limited.success) return new RetryLater('Slack: rate limited', limited.data.retryAfter * 1000);
  const http = httpErrorSchema.safeParse(error);
  if (http.success) {
    const status = http.data.statusCode;
    return status >= 500 ? new RetryLater(`Slack answered ${status}`) : new Refused(`Slack answered ${status}`);
  }
  const platform = platformErrorSchema.safeParse(error);
  if (!platform.success) return error;
  const { error: code, response_metadata: metadata } = platform.data.data;
  if (PLATFORM_RATE_LIMITS.has(code)) {
    const seconds = metadata?.retryAfter;
    return new RetryLater(`Slack: ${code}`, seconds === undefined ? PLATFORM_RATE_LIMIT_MS : seconds * 1000);
  }
  if (TRANSIENT.has(code)) return new RetryLater(`Slack: ${code}`);
  return refusals.has(code) ? new PlaceUnavailable(code) : new Refused(`Slack: ${code}`);
}

/** Awaits a Web API call, rethrowing its failure in the core's terms. */
export async function translated<T>(call: Promise<T>, refusals?: ReadonlySet<string>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw translateError(error, refusals);
  }
}
