// Turns the Bot Connector's HTTP failures into the core's: a request to slow down, or a place that will not take posts.
import { z } from 'zod';
import { PlaceUnavailable, RetryLater } from '../../src/core/ports';

/** When Teams says "too many" without saying how long to wait. */
const DEFAULT_RETRY_MS = 2_000;

const restErrorSchema = z.object({ statusCode: z.number().int() });

/** The core's error for what the connector said, or the error itself when the core has no word for it. */
export function translateConnectorError(error: unknown): unknown {
  const parsed = restErrorSchema.safeParse(error);
  if (!parsed.success) return error;
  const status = parsed.data.statusCode;
  if (status === 429) return new RetryLater(retryAfterMs(error) ?? DEFAULT_RETRY_MS);
  // 403: the bot was removed from the team or chat, or blocked; 404: the conversation or message is gone.
  if (status === 403) return new PlaceUnavailable('Teams refused: Mobilise is no longer a member of that team or chat (403)');
  if (status === 404) return new PlaceUnavailable('Teams no longer knows that conversation or message (404)');
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
