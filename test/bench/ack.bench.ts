// npm run bench:ack: time-to-ack of signed /aar commands, Mobilise on the Postgres server vs a bare Bolt app.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseBenchArgs, type BenchArgs } from './args';
import { adminUrlFrom, createBenchDatabase } from './bench-database';
import { runBench, type Cleanup } from './cleanup';
import { Bench, emptyRow, merge } from './driver';
import { fakeApiCountsSchema, fakeApiReadySchema } from './messages';
import { failureLines, formatTable, verdict, type Measured } from './report';
import { startFloor, startMobiliseTarget } from './targets';
import { startTsWorker } from './worker-channel';

const ROUNDS = 2;
const WARMUP_REQUESTS = 500;
const MAX_FAILURE_SHARE = 0.001;

const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function main(cleanup: Cleanup, args: BenchArgs): Promise<number> {
  const started = performance.now();

  const database = await createBenchDatabase(adminUrlFrom(process.env));
  cleanup.add('drop the bench database', database.drop);

  const fakeApi = startTsWorker(join(__dirname, 'fake-api-worker.ts'));
  cleanup.add('stop the fake Slack API', async () => {
    await fakeApi.ask({ command: 'close' }, fakeApiCountsSchema, 10_000).catch(() => undefined);
    await fakeApi.terminate();
  });
  const { url: apiUrl } = await fakeApi.next(fakeApiReadySchema, 20_000);

  const floor = await startFloor(apiUrl);
  cleanup.add('stop the floor app', floor.close);
  const mobilise = await startMobiliseTarget(database.url, apiUrl);
  cleanup.add('stop Mobilise', mobilise.close);
  const load = startTsWorker(join(__dirname, 'load-worker.ts'));
  cleanup.add('stop the load worker', load.terminate);

  const bench = new Bench(load, mobilise);
  progress(
    `bench:ack: database ${database.name}; ${args.requests} timed requests per target at each of ${args.concurrency.join(', ')} concurrent, ` +
      `in ${ROUNDS} alternating rounds; each round first opens its connections with as many untimed requests as its concurrency`,
  );

  // Warm up the JIT on both sides (and the load worker) at the busiest level before anything counts.
  const warmupConcurrency = Math.max(...args.concurrency);
  for (const target of [floor, mobilise]) await bench.drive(target, warmupConcurrency, WARMUP_REQUESTS);
  const rows: Measured[] = [];
  for (const concurrency of args.concurrency) {
    progress(`measuring at ${concurrency} concurrent`);
    const byTarget = { floor: emptyRow('floor', concurrency), mobilise: emptyRow('mobilise', concurrency) };
    for (let round = 0; round < ROUNDS; round++) {
      const share = Math.floor(args.requests / ROUNDS) + (round < args.requests % ROUNDS ? 1 : 0);
      for (const target of [floor, mobilise]) merge(byTarget[target.name], await bench.drive(target, concurrency, share));
    }
    rows.push(byTarget.floor, byTarget.mobilise);
  }

  const drained = await bench.settle();
  const work = await mobilise.counts();
  const api = await fakeApi.ask({ command: 'counts' }, fakeApiCountsSchema, 10_000);

  console.log('');
  console.log(formatTable(rows));
  console.log('');
  for (const line of failureLines(rows)) console.log(`non-200: ${line}`);
  console.log(verdict(rows));
  const posts = api.calls['chat.postMessage'] ?? 0;
  const workOk = drained && work.runs === bench.expectedRuns && work.pending === 0 && work.failed === 0;
  console.log(
    `Mobilise recorded ${work.runs} runs (${bench.expectedRuns} commands acked) and ${work.outbox} outbox messages: ` +
      `${work.delivered} delivered, ${work.pending} pending, ${work.failed} failed; the fake Slack API saw ${posts} chat.postMessage calls` +
      (workOk ? '' : ' - not all the follow-up work was done'),
  );
  const total = bench.sentTotal;
  const failed = bench.failedTotal;
  console.log(`requests: ${total} sent (warm-up included), ${failed} not 200; run took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return failed > total * MAX_FAILURE_SHARE || !workOk ? 1 : 0;
}

runBench('bench:ack', progress, parseBenchArgs, main);
