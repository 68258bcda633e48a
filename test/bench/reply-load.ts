// The reply load driver: signed Events API thread replies over keep-alive HTTP, `concurrency` in flight at a time.
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { eventCallback, messageEvent, sign, type SlackRequest } from '../support/slack-requests';
import { post } from './load';
import type { ReplyJob, ReplyResult, ReviewThread } from './reply-messages';

/** Epoch milliseconds that agree between threads (each worker has its own performance.timeOrigin). */
export const epochMs = (): number => performance.timeOrigin + performance.now();

/** Distinct people answer, as in a real review; none is the facilitator, so no text is a thread command. */
const AUTHORS = 50;

/** The review reply number `index` of a job goes to, or undefined once every group has had its share. */
export function reviewFor(job: Pick<ReplyJob, 'reviews' | 'groupSize' | 'perReview'>, index: number): ReviewThread | undefined {
  const group = job.perReview === null ? 0 : Math.floor(index / (job.groupSize * job.perReview));
  return job.reviews[group * job.groupSize + (index % job.groupSize)];
}

/** A message ts no other reply in the run has: the review keys answers by it. */
export function replyTs(seq: number): string {
  return `${1_800_000_000 + Math.floor(seq / 1_000_000)}.${String(seq % 1_000_000).padStart(6, '0')}`;
}

export function replyRequest(job: ReplyJob, index: number, review: ReviewThread): SlackRequest {
  const ts = replyTs(job.tsStart + index);
  const event = {
    ...messageEvent({
      text: `Bench answer ${index}: the handover sheet was missing a line`,
      ts,
      threadTs: review.thread,
      channel: review.channel,
      user: `UREPLY${index % AUTHORS}`,
    }),
    team: job.teamId,
  };
  return sign(eventCallback(event, { eventId: `Ev${job.idPrefix}${index}`, teamId: job.teamId }), { secret: job.signingSecret });
}

export async function runReplies(job: ReplyJob): Promise<ReplyResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const target = new URL(job.url);
  const latenciesMs: number[] = [];
  const outcomes: Record<string, number> = {};
  const count = (outcome: string): void => {
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  };
  let lastAckAt: number | null = null;
  const send = async (index: number, review: ReviewThread): Promise<{ outcome: string; ms: number }> => {
    const t0 = performance.now();
    const outcome = await post(agent, target, replyRequest(job, index, review), job.requestTimeoutMs);
    const t1 = performance.now();
    if (outcome === '200') lastAckAt = performance.timeOrigin + t1;
    count(outcome);
    return { outcome, ms: t1 - t0 };
  };

  const startedAt = epochMs();
  const started = performance.now();
  let next = 0;
  const take = (): { index: number; review: ReviewThread } | undefined => {
    if (next >= job.maxReplies || performance.now() - started > job.seconds * 1000) return undefined;
    const index = next;
    const review = reviewFor(job, index);
    if (review === undefined) return undefined;
    next += 1;
    return { index, review };
  };

  try {
    const primed: Promise<unknown>[] = [];
    for (let i = 0; job.prime && i < job.concurrency; i++) {
      const reply = take();
      if (reply) primed.push(send(reply.index, reply.review));
    }
    await Promise.all(primed);
    // Bounded by the reply count and the deadline; each send has its own timeout.
    const lane = async (): Promise<void> => {
      for (let reply = take(); reply !== undefined; reply = take()) {
        const { outcome, ms } = await send(reply.index, reply.review);
        if (outcome === '200') latenciesMs.push(ms);
      }
    };
    await Promise.all(Array.from({ length: job.concurrency }, lane));
    return { latenciesMs, outcomes, primed: primed.length, startedAt, lastAckAt, endedAt: epochMs() };
  } finally {
    agent.destroy();
  }
}
