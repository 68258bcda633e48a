// The outbox's one rule for failed deliveries, on every platform: what is retried, when, and when it is given up.
import { PlaceUnavailable, Refused, RetryLater } from '../../src/core/ports';
import { afterFailure, RETRY, type AfterFailure } from '../../src/engine/retry-rule';

const NOW = new Date('2026-12-02T10:00:00Z');
const waitOf = (next: AfterFailure): number => (next.kind === 'retry' ? next.at.getTime() - NOW.getTime() : -1);

describe('the retry rule', () => {
  it('retries a transient failure three times, backing off 5, 15 and 40 s, then gives it up', () => {
    const waits = [0, 1, 2].map((attempts) => waitOf(afterFailure(new RetryLater('Teams answered 502'), attempts, false, NOW, () => 0)));
    expect(waits).toEqual([5_000, 15_000, 40_000]);
    expect(afterFailure(new RetryLater('Teams answered 502'), 3, false, NOW, () => 0)).toEqual({ kind: 'give-up', reason: 'try again later: Teams answered 502' });
  });

  it('holds a conversation for about two minutes at most, however unlucky the jitter', () => {
    const longest = [0, 1, 2].reduce((sum, attempts) => sum + waitOf(afterFailure(new Error('socket hang up'), attempts, false, NOW, () => 0.999)), 0);
    expect(longest).toBeLessThanOrEqual(2 * 60_000);
    expect(longest).toBeGreaterThan(60_000 + 5_000);
  });

  it('spreads retries by up to a quarter so replicas do not retry in step', () => {
    expect(waitOf(afterFailure(new RetryLater('429'), 0, false, NOW, () => 0.5))).toBe(5_000 * (1 + RETRY.jitter / 2));
  });

  it("honours a platform's Retry-After, within the same bound", () => {
    expect(waitOf(afterFailure(new RetryLater('Slack: rate limited', 2_000), 0, false, NOW, () => 0.9))).toBe(2_000);
    expect(waitOf(afterFailure(new RetryLater('Slack: rate limited', 600_000), 1, false, NOW, () => 0))).toBe(RETRY.longestWaitMs);
  });

  it('retries an error nobody recognised (no answer came back), as transient', () => {
    expect(afterFailure(new Error('ECONNRESET'), 0, false, NOW, () => 0)).toMatchObject({ kind: 'retry', reason: 'ECONNRESET' });
  });

  it('gives up at once on a refusal, and on a form whose trigger has expired', () => {
    expect(afterFailure(new Refused('Teams answered 413 MessageSizeTooBig'), 0, false, NOW, () => 0)).toEqual({ kind: 'give-up', reason: 'refused: Teams answered 413 MessageSizeTooBig' });
    expect(afterFailure(new RetryLater('429'), 0, true, NOW, () => 0)).toMatchObject({ kind: 'give-up' });
  });

  it('leaves a place that refuses the bot to the caller', () => {
    const refusal = new PlaceUnavailable('not_in_channel');
    expect(afterFailure(refusal, 0, false, NOW, () => 0)).toEqual({ kind: 'place-refused', refusal });
  });
});
