// What the outbox does after a failed attempt, the same on every platform: wait and try again, or give the message up.
// One message may hold up the rest of its conversation for a few attempts and about two minutes, never an hour.
import { PlaceUnavailable, Refused, RetryLater } from '../core/ports';
import { errorText } from '../log';

export const RETRY = {
  /** The first try and three more. */
  maxAttempts: 4,
  /** Waits of 5, 15 and 40 s (each up to a quarter longer, at random, so replicas and bots do not retry in step), unless the platform said how long. */
  firstWaitMs: 5_000,
  factor: 3,
  longestWaitMs: 40_000,
  jitter: 0.25,
} as const;

export type AfterFailure =
  | { kind: 'retry'; at: Date; reason: string }
  /** Given up: later messages of its stream go on. */
  | { kind: 'give-up'; reason: string }
  /** The place will never take posts: the adapter said so, and the caller decides what that ends. */
  | { kind: 'place-refused'; refusal: PlaceUnavailable };

/**
 * `attempts` counts the attempts before this one. Retried: RetryLater (a rate limit, or a status the platform asks to
 * retry) and errors nobody recognised (a network failure before any answer). Given up at once: Refused, and forms,
 * whose trigger expires within seconds.
 */
export function afterFailure(err: unknown, attempts: number, isForm: boolean, now: Date, random: () => number): AfterFailure {
  if (err instanceof PlaceUnavailable) return { kind: 'place-refused', refusal: err };
  const reason = err instanceof RetryLater || err instanceof Refused ? err.message : errorText(err);
  if (err instanceof Refused || isForm || attempts + 1 >= RETRY.maxAttempts) return { kind: 'give-up', reason };
  // A platform's own Retry-After is honoured, within the same bound; otherwise back off, with jitter.
  const asked = err instanceof RetryLater ? err.afterMs : undefined;
  const wait =
    asked !== undefined
      ? Math.min(asked, RETRY.longestWaitMs)
      : Math.min(RETRY.firstWaitMs * RETRY.factor ** attempts, RETRY.longestWaitMs) * (1 + RETRY.jitter * random());
  return { kind: 'retry', at: new Date(now.getTime() + Math.round(wait)), reason };
}

/** How long a failed direct message (sent outside any stream, nothing stored) is waited for before it is dropped. */
export function directWaitMs(err: unknown, retriesLeft: number, isForm: boolean): number | undefined {
  if (!(err instanceof RetryLater) || retriesLeft <= 0 || isForm) return undefined;
  const wait = err.afterMs ?? RETRY.firstWaitMs;
  return wait <= RETRY.longestWaitMs ? wait : undefined;
}
