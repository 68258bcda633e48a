// npm run bench:replies: thread replies to many reviews, acked and committed, Mobilise on the Postgres server vs a bare Bolt app.
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { adminUrlFrom, createBenchDatabase } from './bench-database';
import { spawnTarget, type ChildTarget } from './child-target';
import { runBench, type Cleanup } from './cleanup';
import { compileTargets } from './compile-targets';
import { fakeApiCountsSchema, fakeApiReadySchema } from './messages';
import { parseRepliesArgs, type RepliesArgs } from './replies-args';
import { acked, formatTable, LEGEND, seriesLines, verdictLines, type ReplyRow } from './replies-report';
import { RepliesRunner, SERIES_BUCKET_MS, type Measured, type ReplyPlan } from './replies-runner';
import { epochMs } from './reply-load';
import type { ReplyResult } from './reply-messages';
import { startReviews } from './review-threads';
import { RssSampler } from './rss-sampler';
import { startTsWorker } from './worker-channel';

/** Quiet time after start-up before idle RSS is read. */
const IDLE_SETTLE_MS = 3_000;
const START_TIMEOUT_MS = 180_000;
/** Untimed replies to each target first, so neither is measured cold. */
const WARMUP_REPLIES = 500;
/** The large reviews grow in chunks, each committed before the next is sent, so no backlog builds up in memory. */
const PREFILL_CHUNK = 2_000;
const NO_LIMIT = 10_000_000;

const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
const grouped = (n: number): string => Math.round(n).toLocaleString('en-GB');
const seconds = (ms: number): string => (ms / 1000).toFixed(1);

async function main(cleanup: Cleanup, args: RepliesArgs): Promise<number> {
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  const n = args.reviews;

  const database = await createBenchDatabase(adminUrlFrom(process.env));
  cleanup.add('drop the bench database', database.drop);

  const fakeApi = startTsWorker(join(__dirname, 'fake-api-worker.ts'));
  cleanup.add('stop the fake Slack API', async () => {
    await fakeApi.ask({ command: 'close' }, fakeApiCountsSchema, 10_000).catch(() => undefined);
    await fakeApi.terminate();
  });
  const { url: apiUrl } = await fakeApi.next(fakeApiReadySchema, 20_000);

  progress('bench:replies: compiling the targets (tsc, no type check)');
  const compiled = await compileTargets();
  cleanup.add('remove the compiled targets', compiled.remove);
  // Each target in a process of its own: the load, the fake API and this bench stay out of Mobilise's RSS.
  const floor = await spawnTarget(compiled, 'floor', apiUrl);
  cleanup.add('stop the floor app', floor.close);
  let mobilise: ChildTarget = await spawnTarget(compiled, 'mobilise', apiUrl, database.url);
  cleanup.add('stop Mobilise', () => mobilise.close());
  const respawn = async (): Promise<ChildTarget> => {
    progress('restarting Mobilise (SIGKILL) so the next window does not inherit its backlog, and waiting for what it recovers');
    mobilise = await spawnTarget(compiled, 'mobilise', apiUrl, database.url);
    return mobilise;
  };

  const client = new Client({ connectionString: database.url });
  await client.connect();
  cleanup.add('close the bench connection', () => client.end());
  const commandLoad = startTsWorker(join(__dirname, 'load-worker.ts'));
  cleanup.add('stop the command load worker', commandLoad.terminate);
  const replyLoad = startTsWorker(join(__dirname, 'reply-load-worker.ts'));
  cleanup.add('stop the reply load worker', replyLoad.terminate);

  const rss = new RssSampler(() => mobilise.rssMb());
  cleanup.add('stop sampling RSS', async () => rss.stop());
  await sleep(IDLE_SETTLE_MS);
  const idleRss = await rss.sample();
  const floorIdleRss = await floor.rssMb();
  rss.start();
  const runner = new RepliesRunner(replyLoad, client, rss, args.concurrency, args.commitWaitSeconds * 1000, mobilise, respawn);

  progress(
    `bench:replies: database ${database.name}; ${args.concurrency} concurrent, windows of up to ${args.seconds} s over ${n} reviews at a time; ` +
      `idle RSS ${idleRss?.toFixed(0) ?? '-'} MB`,
  );
  const t0 = performance.now();
  const threads = await startReviews(commandLoad, client, mobilise.url, 1, args.freshReviews + n, START_TIMEOUT_MS);
  const fresh = threads.slice(0, args.freshReviews);
  const large = threads.slice(args.freshReviews);
  const startLine = `started ${grouped(threads.length)} reviews with /aar in ${seconds(performance.now() - t0)} s (max RSS ${rss.takeStretchMax().toFixed(0)} MB)`;
  progress(startLine);

  const onLarge = (maxReplies: number, window: number, prime: boolean): ReplyPlan => ({
    reviews: large, groupSize: n, perReview: null, maxReplies, seconds: window, prime,
  });
  const rows: ReplyRow[] = [];
  const row = (target: ReplyRow['target'], phase: ReplyRow['phase'], from: number, to: number, m: Partial<Measured> & { result: ReplyResult }): ReplyRow => {
    const made: ReplyRow = { target, phase, answersFrom: from, answersTo: to, concurrency: args.concurrency, ...m };
    rows.push(made);
    return made;
  };

  progress(`warming up: ${WARMUP_REPLIES} untimed replies to each target`);
  await runner.send(floor.url, onLarge(WARMUP_REPLIES, args.seconds, true));
  const warm = await runner.measure('the warm-up', onLarge(WARMUP_REPLIES, args.seconds, true));
  let largeCommitted = warm.commits.committed;

  // Small reviews: fresh ones, `reviews` at a time, each taken to answersSmall before the next group starts.
  progress(`small phase: fresh reviews taken to ${args.answersSmall} answers, ${n} at a time (at most ${grouped(fresh.length * args.answersSmall)} replies)`);
  const smallPlan: ReplyPlan = {
    reviews: fresh, groupSize: n, perReview: args.answersSmall, maxReplies: fresh.length * args.answersSmall, seconds: args.seconds, prime: true,
  };
  row('floor', 'small', 0, args.answersSmall, { result: await runner.send(floor.url, smallPlan) });
  const small = row('mobilise', 'small', 0, args.answersSmall, await runner.measure('the small phase', smallPlan));
  progress(`  mobilise acked ${grouped(acked(small.result))}, committed ${grouped(small.commits?.committed ?? 0)}`);

  // Large reviews: grown untimed to answersLarge, in committed chunks, within the prefill time.
  progress(`growing ${n} reviews to ${grouped(args.answersLarge)} answers each (untimed, at most ${args.prefillSeconds} s)`);
  const prefillStart = epochMs();
  const deadline = prefillStart + args.prefillSeconds * 1000;
  const chunkRates: number[] = [];
  let prefillRss = 0;
  while (largeCommitted < n * args.answersLarge && epochMs() < deadline) {
    const chunk = Math.min(PREFILL_CHUNK, n * args.answersLarge - largeCommitted);
    const m = await runner.measure('growing the large reviews', onLarge(chunk, Math.max(1, (deadline - epochMs()) / 1000), false), deadline);
    largeCommitted += m.commits.committed;
    chunkRates.push(m.commits.overallPerSecond ?? 0);
    prefillRss = Math.max(prefillRss, m.maxRssMb);
    if (m.commits.notCommitted > 0) break;
  }
  const prefillMs = epochMs() - prefillStart;
  const largeFrom = largeCommitted / n;
  progress(`  grown to ${grouped(largeFrom)} answers each in ${seconds(prefillMs)} s`);

  progress(`large phase: ${args.seconds} s of replies to the ${n} grown reviews`);
  row('floor', 'large', largeFrom, largeFrom, { result: await runner.send(floor.url, onLarge(NO_LIMIT, args.seconds, true)) });
  const measuredLarge = await runner.measure('the large phase', onLarge(NO_LIMIT, args.seconds, true));
  const largeTo = largeFrom + measuredLarge.commits.committed / n;
  for (const r of rows) if (r.phase === 'large') r.answersTo = largeTo;
  row('mobilise', 'large', largeFrom, largeTo, measuredLarge);
  rss.stop();

  console.log('');
  console.log(formatTable(rows));
  console.log(LEGEND);
  console.log('');
  for (const line of seriesLines(rows, SERIES_BUCKET_MS / 1000)) console.log(line);
  console.log(
    `growing the large reviews (untimed): ${grouped(largeCommitted - warm.commits.committed)} replies committed in ${seconds(prefillMs)} s ` +
      `(reached ${grouped(largeFrom)} answers each of ${grouped(args.answersLarge)} aimed for; max RSS ${prefillRss.toFixed(0)} MB); ` +
      `committed/s per chunk of ${grouped(PREFILL_CHUNK)}: ${chunkRates.map((r) => r.toFixed(0)).join(' ') || '-'}`,
  );
  console.log(startLine);
  console.log(`idle RSS: Mobilise ${idleRss?.toFixed(0) ?? '-'} MB, floor ${floorIdleRss?.toFixed(0) ?? '-'} MB`);
  for (const r of runner.restarts) {
    console.log(
      `Mobilise was restarted (SIGKILL) after ${r.during} with ${grouped(r.uncommitted)} acked replies uncommitted: ` +
        `the new process committed ${grouped(r.recovered)} of them, ${grouped(r.lost)} acked answers were lost`,
    );
  }
  console.log('');
  for (const line of verdictLines(rows, rss.max, idleRss)) console.log(line);
  // Anything else running on the machine competes for the same cores, so say how busy it was.
  console.log(
    `run took ${seconds(performance.now() - started)} s; 1-minute load average ${loadBefore.toFixed(1)} at the start, ` +
      `${(loadavg()[0] ?? 0).toFixed(1)} at the end, on ${availableParallelism()} cores`,
  );
  return 0;
}

runBench('bench:replies', progress, parseRepliesArgs, main);
