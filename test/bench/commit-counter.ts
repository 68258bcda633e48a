// Counts the bench's replies Mobilise has committed (their processed_deliveries rows), polled every 250 ms.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'pg';
import { z } from 'zod';
import { epochMs } from './reply-load';
import { SAMPLE_MS } from './rss-sampler';

/** How Mobilise's Slack adapter names a message event's delivery (adapters/slack/inbound/message.ts). */
export const deliveryPrefix = (idPrefix: string): string => `slack:evt:Ev${idPrefix}`;

/** Processing time is taken before the transaction; a little slack covers clocks read in two processes. */
const SINCE_MARGIN_MS = 5_000;

const countSchema = z.object({ committed: z.coerce.number().int() });

export interface CommitSample {
  /** Epoch ms at which the count's snapshot was taken. */
  at: number;
  committed: number;
}

export type SettleOutcome = 'all committed' | 'stalled' | 'cap reached';

export interface CommitWatch {
  readonly samples: readonly CommitSample[];
  /** Polls on until `target` are committed, none more for stallMs, or capMs has passed; then stops polling. */
  settle(target: number, capMs: number, stallMs: number): Promise<SettleOutcome>;
}

export async function countCommitted(client: Client, idPrefix: string, since: number): Promise<number> {
  // The range on processed_at lets the age index skip earlier phases' rows; the prefix picks this job's replies.
  const { rows } = await client.query(
    `SELECT count(*) AS committed FROM processed_deliveries WHERE processed_at >= $1 AND delivery_id LIKE $2`,
    [new Date(since - SINCE_MARGIN_MS), `${deliveryPrefix(idPrefix)}%`],
  );
  return countSchema.parse(rows[0]).committed;
}

/** Starts polling now, for the replies whose event ids start with idPrefix, sent from `since` (epoch ms) on. */
export function watchCommits(client: Client, idPrefix: string, since: number): CommitWatch {
  const samples: CommitSample[] = [];
  let stopWhen: ((now: number) => SettleOutcome | undefined) | undefined;
  let outcome: SettleOutcome | undefined;
  const loop = (async (): Promise<void> => {
    while (outcome === undefined) {
      const at = epochMs();
      samples.push({ at, committed: await countCommitted(client, idPrefix, since) });
      outcome = stopWhen?.(epochMs());
      if (outcome === undefined) await sleep(Math.max(0, SAMPLE_MS - (epochMs() - at)));
    }
  })();
  // A failed poll is reported by settle(); until then it must not count as unhandled.
  loop.catch(() => undefined);
  return {
    samples,
    async settle(target, capMs, stallMs) {
      const from = epochMs();
      stopWhen = (now) => {
        const last = samples[samples.length - 1];
        if (last !== undefined && last.committed >= target) return 'all committed';
        if (now - from >= capMs) return 'cap reached';
        const changedAt = lastChange(samples);
        return last !== undefined && now - Math.max(from, changedAt) >= stallMs ? 'stalled' : undefined;
      };
      await loop;
      return outcome ?? 'cap reached';
    },
  };
}

/** When the count last went up (the first sample's time if it never did). */
function lastChange(samples: readonly CommitSample[]): number {
  for (let i = samples.length - 1; i > 0; i--) {
    const now = samples[i];
    const before = samples[i - 1];
    if (now && before && now.committed > before.committed) return now.at;
  }
  return samples[0]?.at ?? 0;
}

export interface CommitFigures {
  committed: number;
  /** Committed per second while replies were still being acked (first send to the last poll before the last ack). */
  whileSendingPerSecond: number | undefined;
  /** All committed, per second from the first send to the poll that saw the last commit. */
  overallPerSecond: number | undefined;
  /** From the last ack to the poll that saw the last commit (a 250 ms resolution). */
  lagMs: number | undefined;
  /** Committed per second in each `bucketMs` from the first send. */
  series: number[];
}

export function commitFigures(samples: readonly CommitSample[], startedAt: number, lastAckAt: number | null, bucketMs: number): CommitFigures {
  const committed = samples[samples.length - 1]?.committed ?? 0;
  const lastCommitAt = committed > 0 ? samples.find((s) => s.committed === committed)?.at : undefined;
  const duringSend = lastAckAt === null ? undefined : [...samples].reverse().find((s) => s.at <= lastAckAt && s.at > startedAt);
  const perSecond = (n: number, from: number, to: number | undefined): number | undefined =>
    to === undefined || to <= from ? undefined : n / ((to - from) / 1000);
  return {
    committed,
    whileSendingPerSecond: duringSend && perSecond(duringSend.committed, startedAt, duringSend.at),
    overallPerSecond: perSecond(committed, startedAt, lastCommitAt),
    lagMs: lastCommitAt === undefined || lastAckAt === null ? undefined : lastCommitAt - lastAckAt,
    series: bucketRates(samples, startedAt, bucketMs),
  };
}

function bucketRates(samples: readonly CommitSample[], startedAt: number, bucketMs: number): number[] {
  const countAt = (t: number): number => [...samples].reverse().find((s) => s.at <= t)?.committed ?? 0;
  const last = samples[samples.length - 1];
  if (last === undefined) return [];
  const rates: number[] = [];
  for (let from = startedAt; from < last.at; from += bucketMs) {
    const to = Math.min(from + bucketMs, last.at);
    // A sliver of a bucket at the end says more about the poll than the rate.
    if (to - from < bucketMs / 2) break;
    rates.push((countAt(to) - countAt(from)) / ((to - from) / 1000));
  }
  return rates;
}
