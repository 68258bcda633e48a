// Turns the Web API's errors into the core's: a refusal that retrying won't fix, or a request to slow down.
import { webApi } from '@slack/bolt';
import { z } from 'zod';
import { PlaceUnavailable, RetryLater } from '../../src/core/ports';

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

export function isPlatformError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === webApi.ErrorCode.PlatformError;
}

/** The core's error for what Slack said, or the error itself when the core has no word for it. */
export function translateError(error: unknown, refusals: ReadonlySet<string> = new Set()): unknown {
  const limited = rateLimitedSchema.safeParse(error);
  if (limited.success) return new RetryLater(limited.data.retryAfter * 1000);
  const platform = platformErrorSchema.safeParse(error);
  if (!platform.success) return error;
  const { error: code, response_metadata: metadata } = platform.data.data;
  if (PLATFORM_RATE_LIMITS.has(code)) {
    const seconds = metadata?.retryAfter;
    return new RetryLater(seconds === undefined ? PLATFORM_RATE_LIMIT_MS : seconds * 1000);
  }
  return refusals.has(code) ? new PlaceUnavailable(code) : error;
}

/** Awaits a Web API call, rethrowing its failure in the core's terms. */
export async function translated<T>(call: Promise<T>, refusals?: ReadonlySet<string>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw translateError(error, refusals);
  }
}
