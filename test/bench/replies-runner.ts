// Sends the replies bench's windows through the load worker and measures what Mobilise commits of them.
import type { Client } from 'pg';
import { commitFigures, countCommitted, watchCommits, type SettleOutcome } from './commit-counter';
import type { ChildTarget } from './child-target';
import { epochMs } from './reply-load';
import { replyAnswerSchema, type ReplyJob, type ReplyResult, type ReviewThread } from './reply-messages';
import { acked, type Commits } from './replies-report';
import type { RssSampler } from './rss-sampler';
import { BENCH_SIGNING_SECRET } from './target-base';
import type { WorkerChannel } from './worker-channel';

const REQUEST_TIMEOUT_MS = 10_000;
/** No commit for this long while some are missing: they are not coming. */
const STALL_MS = 30_000;
/** After a restart, no commit for this long means nothing more is coming back. */
const RECOVERY_STALL_MS = 10_000;
export const SERIES_BUCKET_MS = 5_000;
const TEAM_ID = 'T1';

export interface ReplyPlan {
  reviews: ReviewThread[];
  groupSize: number;
  perReview: number | null;
  maxReplies: number;
  seconds: number;
  prime: boolean;
}

export interface Restart {
  /** Acked replies not yet committed when the old process was killed. */
  uncommitted: number;
  /** Committed when it was killed. */
  atKill: number;
  /** Committed by the new process after all (from whatever it keeps across a crash). */
  recovered: number;
  lost: number;
}

export interface Measured {
  result: ReplyResult;
  commits: Commits;
  maxRssMb: number;
}

export class RepliesRunner {
  private jobs = 0;
  private nextTs = 1;
  /** Each time Mobilise had to be restarted to clear its backlog. */
  readonly restarts: (Restart & { during: string })[] = [];

  constructor(
    private readonly worker: WorkerChannel,
    private readonly client: Client,
    private readonly rss: RssSampler,
    private readonly concurrency: number,
    private readonly commitWaitMs: number,
    private mobilise: ChildTarget,
    /** Starts a fresh Mobilise on the same database. */
    private readonly respawn: () => Promise<ChildTarget>,
  ) {}

  get current(): ChildTarget {
    return this.mobilise;
  }

  private nextPrefix(): string {
    this.jobs += 1;
    // The trailing x keeps one job's ids from being a prefix of a later job's.
    return `j${this.jobs}x`;
  }

  /** Sends one window of replies to url and waits for the worker's tally. */
  async send(url: string, plan: ReplyPlan, idPrefix = this.nextPrefix()): Promise<ReplyResult> {
    const job: ReplyJob = {
      url,
      concurrency: this.concurrency,
      seconds: plan.seconds,
      maxReplies: plan.maxReplies,
      reviews: plan.reviews,
      groupSize: plan.groupSize,
      perReview: plan.perReview,
      idPrefix,
      tsStart: this.nextTs,
      teamId: TEAM_ID,
      signingSecret: BENCH_SIGNING_SECRET,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      prime: plan.prime,
    };
    this.nextTs += plan.maxReplies;
    const answer = await this.worker.ask(job, replyAnswerSchema, plan.seconds * 1000 + REQUEST_TIMEOUT_MS + 30_000);
    if ('error' in answer) throw new Error(`reply load worker: ${answer.error}`);
    return answer;
  }

  /** Sends a window to Mobilise, then waits (up to the commit wait, or waitUntil) until every acked reply is committed. */
  async measure(during: string, plan: ReplyPlan, waitUntil?: number): Promise<Measured> {
    this.rss.takeStretchMax();
    // Mobilise can only have committed what was sent after this.
    const since = epochMs();
    const idPrefix = this.nextPrefix();
    const watch = watchCommits(this.client, idPrefix, since);
    const result = await this.send(this.mobilise.url, plan, idPrefix).catch(async (err: unknown) => {
      await watch.settle(0, 0, 0).catch(() => undefined);
      throw err;
    });
    const wanted = acked(result);
    const capMs = Math.min(this.commitWaitMs, (waitUntil ?? Number.POSITIVE_INFINITY) - epochMs());
    const outcome: SettleOutcome = await watch.settle(wanted, Math.max(0, capMs), STALL_MS);
    const figures = commitFigures(watch.samples, result.startedAt, result.lastAckAt, SERIES_BUCKET_MS);
    let committed = figures.committed;
    if (committed < wanted) {
      const restart = await this.restart(idPrefix, since, wanted);
      this.restarts.push({ during, ...restart });
      committed = restart.atKill + restart.recovered;
    }
    const commits = { ...figures, committed, outcome, notCommitted: Math.max(0, wanted - committed) };
    return { result, commits, maxRssMb: this.rss.takeStretchMax() };
  }

  /**
   * The old process still holds a backlog the next window must not inherit: SIGKILL it, start afresh, and give the
   * new process the commit wait to finish what it can recover (a process that kept its backlog only in memory has none).
   */
  private async restart(idPrefix: string, since: number, wanted: number): Promise<Restart> {
    await this.rss.sample();
    await this.mobilise.kill();
    const atKill = await countCommitted(this.client, idPrefix, since);
    this.mobilise = await this.respawn();
    const watch = watchCommits(this.client, idPrefix, since);
    await watch.settle(wanted, this.commitWaitMs, RECOVERY_STALL_MS);
    const after = watch.samples[watch.samples.length - 1]?.committed ?? atKill;
    return { uncommitted: wanted - atKill, atKill, recovered: after - atKill, lost: wanted - after };
  }
}
