// The load driver: signed /aar slash commands over keep-alive HTTP, `concurrency` in flight at a time.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { sign, slashCommand, type SlackRequest } from '../support/slack-requests';

export interface LoadJob {
  /** Full URL of the Slack events endpoint. */
  url: string;
  concurrency: number;
  requests: number;
  /** First sequence number: each request gets its own channel, trigger id and title. */
  seqStart: number;
  signingSecret: string;
  /** No new request starts after this long; unsent ones count as failures. */
  deadlineMs: number;
  requestTimeoutMs: number;
  /**
   * Before timing, send `concurrency` requests at once (counted, not timed), so every keep-alive
   * socket is open: otherwise the round mostly measures a burst of TCP connects.
   */
  prime: boolean;
}

export interface LoadResult {
  /** Time to the complete response, for 200s only. */
  latenciesMs: number[];
  /** Outcome -> count: an HTTP status, 'timeout', 'error' or 'not sent'; priming requests included. */
  outcomes: Record<string, number>;
  /** How many of those were priming requests. */
  primed: number;
  wallMs: number;
}

export function benchCommand(seq: number, signingSecret: string): SlackRequest {
  return sign(
    slashCommand({
      command: '/aar',
      text: `Bench review ${seq}`,
      channelId: `CBENCH${seq}`,
      userId: `UBENCH${seq % 97}`,
      userName: 'bench',
      triggerId: `${seq}.bench.trigger`,
    }),
    { secret: signingSecret },
  );
}

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const target = new URL(job.url);
  const latenciesMs: number[] = [];
  const outcomes: Record<string, number> = {};
  const count = (outcome: string): void => {
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  };
  const send = (seq: number): Promise<string> => post(agent, target, benchCommand(seq, job.signingSecret), job.requestTimeoutMs);
  const primed = job.prime ? job.concurrency : 0;
  const firstTimed = job.seqStart + primed;
  let next = 0;
  let started = performance.now();

  const lane = async (): Promise<void> => {
    // Bounded by the request count; the deadline stops new sends, each send has its own timeout.
    while (next < job.requests) {
      const seq = firstTimed + next++;
      if (performance.now() - started > job.deadlineMs) {
        count('not sent');
        continue;
      }
      const t0 = performance.now();
      const outcome = await send(seq);
      if (outcome === '200') latenciesMs.push(performance.now() - t0);
      count(outcome);
    }
  };

  try {
    const priming = await Promise.all(Array.from({ length: primed }, (_, i) => send(job.seqStart + i)));
    for (const outcome of priming) count(outcome);
    started = performance.now();
    await Promise.all(Array.from({ length: job.concurrency }, lane));
    return { latenciesMs, outcomes, primed, wallMs: performance.now() - started };
  } finally {
    agent.destroy();
  }
}

/** POSTs one signed request on the keep-alive agent; resolves with its status, or 'timeout' or 'error'. */
export function post(agent: Agent, target: URL, signed: SlackRequest, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    const body = Buffer.from(signed.body, 'utf8');
    const req = request(
      {
        agent,
        method: 'POST',
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        headers: { ...signed.headers, 'content-length': String(body.length) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(String(res.statusCode ?? 0)));
        res.on('error', () => resolve('error'));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve(err.message === 'timeout' ? 'timeout' : 'error'));
    req.end(body);
  });
}
