// Starts reviews with signed /aar commands and learns each one's thread once Mobilise has anchored it.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'pg';
import { z } from 'zod';
import { loadAnswerSchema } from './messages';
import type { ReviewThread } from './reply-messages';
import { BENCH_SIGNING_SECRET } from './target-base';
import type { WorkerChannel } from './worker-channel';

const START_CONCURRENCY = 16;
const REQUEST_TIMEOUT_MS = 10_000;
const ANCHOR_POLL_MS = 250;

/** The channel load.ts's benchCommand gives command `seq`: one review per channel. */
const channelOf = (seq: number): string => `CBENCH${seq}`;

const threadRows = z.array(z.object({ channel: z.string(), thread: z.string() }));

/**
 * Sends `count` /aar commands (sequence numbers from seqStart) through the load worker and waits until every
 * review has its thread: the ts the fake Slack API gave its opening post, which Mobilise stores as the run's place.
 */
export async function startReviews(
  load: WorkerChannel,
  client: Client,
  url: string,
  seqStart: number,
  count: number,
  timeoutMs: number,
): Promise<ReviewThread[]> {
  const job = {
    url,
    concurrency: Math.min(START_CONCURRENCY, count),
    requests: count,
    seqStart,
    signingSecret: BENCH_SIGNING_SECRET,
    deadlineMs: timeoutMs,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    prime: false,
  };
  const answer = await load.ask(job, loadAnswerSchema, timeoutMs + REQUEST_TIMEOUT_MS);
  if ('error' in answer) throw new Error(`load worker: ${answer.error}`);
  const refused = count - (answer.outcomes['200'] ?? 0);
  if (refused > 0) throw new Error(`${refused} of ${count} /aar commands were not acked: ${JSON.stringify(answer.outcomes)}`);

  const channels = Array.from({ length: count }, (_, i) => channelOf(seqStart + i));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await client.query(
      `SELECT place->>'channel' AS channel, place->>'thread' AS thread FROM flow_runs
       WHERE status = 'active' AND place->>'channel' = ANY($1) AND place ? 'thread'`,
      [channels],
    );
    const byChannel = new Map(threadRows.parse(rows).map((r) => [r.channel, r.thread]));
    if (byChannel.size >= count) return channels.map((channel) => ({ channel, thread: byChannel.get(channel) ?? '' }));
    if (Date.now() > deadline) throw new Error(`only ${byChannel.size} of ${count} reviews had their thread after ${timeoutMs} ms`);
    await sleep(ANCHOR_POLL_MS);
  }
}
