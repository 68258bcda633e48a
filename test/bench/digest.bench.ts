// npm run bench:digest: build the weekly digest of 1,000 communities on the Postgres server, Mobilise's way (each
// section one statement, the domain filtered in Postgres) beside a baseline (load the organisation's week, filter in JS).
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { composeDigest } from '../../src/communities/digest-step';
import { communityDigests } from '../../src/communities/digest-schedule';
import { createLogger } from '../../src/log';
import { Scheduler } from '../../src/scheduler/scheduler';
import { activeCommunities } from '../../src/store/communities';
import { migrate } from '../../src/store/migrate';
import { openServerDb } from '../../src/store/pg-db';
import { adminUrlFrom, createBenchDatabase } from './bench-database';
import { runBench, type Cleanup } from './cleanup';
import { parseDigestBenchArgs, type DigestBenchArgs } from './digest/args';
import { BENCH_SLOT, loadLibrary } from './digest/load-library';
import { timeSideBySide, type Approach, type Timing } from './digest/measure';
import { naiveDigest } from './digest/naive-digest';
import { AIM_TOTAL_MS, contentLine, formatTable, verdict } from './digest/table';

const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const MOBILISE = 'Mobilise: a statement per section, domain filtered in Postgres';
const BASELINE = 'Baseline: load the organisation\u2019s week, filter in JS';
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
/** Untimed digests first, so neither side pays for a cold cache the other does not. */
const WARM_UP = 50;

async function main(cleanup: Cleanup, args: DigestBenchArgs): Promise<number> {
  const started = performance.now();
  const database = await createBenchDatabase(adminUrlFrom(process.env));
  cleanup.add('drop the bench database', database.drop);
  // Loading the library (indexes, VACUUM ANALYZE) takes longer than a chat query is allowed.
  const db = openServerDb(database.url, 2, { statementMs: 0 });
  cleanup.add('close the database pool', () => db.close());
  await migrate(db);

  progress(`bench:digest: database ${database.name}; loading ${args.lessons.toLocaleString('en-GB')} lessons and ${args.communities.toLocaleString('en-GB')} communities`);
  const load = await loadLibrary(db, args, progress);
  progress(`bench:digest: loaded in ${seconds(load.ms)}`);

  const communities = await activeCommunities(db);
  const warm = communities.slice(0, WARM_UP);
  for (const c of warm) {
    await composeDigest(db, c, BENCH_SLOT);
    await naiveDigest(db, c, BENCH_SLOT);
  }
  const approaches: Approach[] = [
    { name: MOBILISE, build: (c) => composeDigest(db, c, BENCH_SLOT) },
    { name: BASELINE, build: (c) => naiveDigest(db, c, BENCH_SLOT) },
  ];
  progress(`bench:digest: timing both approaches over ${communities.length.toLocaleString('en-GB')} communities`);
  const [mobilise, baseline] = (await timeSideBySide(approaches, communities)) as [Timing, Timing];
  const differ = communities.filter((_, i) => !isDeepStrictEqual(mobilise.digests[i], baseline.digests[i]));

  // The whole scheduled step as production runs it: list what is due, claim each step, build, write the outbox.
  progress('bench:digest: timing one scheduler tick that posts every digest');
  const scheduler = new Scheduler({ db, clock: () => BENCH_SLOT, log: createLogger('silent'), sources: [communityDigests()], replica: 'bench', deliver: async () => undefined });
  const tickStarted = performance.now();
  const ran = await scheduler.tick();
  const tickMs = performance.now() - tickStarted;

  console.log('');
  console.log(formatTable([mobilise, baseline]));
  console.log('');
  console.log(
    `Library: ${load.lessons.toLocaleString('en-GB')} lessons over two years in ${args.tenants} organisations, ${load.events.toLocaleString('en-GB')} approvals and reports of use, ` +
      `${load.actions.toLocaleString('en-GB')} actions, ${load.feedback.toLocaleString('en-GB')} pieces of feedback; ${communities.length.toLocaleString('en-GB')} communities, digests for the week to ${BENCH_SLOT.toISOString()}.`,
  );
  console.log(contentLine(mobilise.digests));
  console.log(
    differ.length === 0
      ? `Both approaches built the same ${communities.length.toLocaleString('en-GB')} digests.`
      : `The approaches disagree on ${differ.length} digests (first: ${differ[0]?.name ?? ''}).`,
  );
  console.log(`Scheduler tick (due list, claims, digests, outbox writes): ${ran.toLocaleString('en-GB')} steps in ${seconds(tickMs)}.`);
  console.log(verdict(mobilise, baseline));
  console.log(`Run took ${seconds(performance.now() - started)}.`);
  const ok = differ.length === 0 && mobilise.totalMs < AIM_TOTAL_MS && ran === communities.length;
  return ok ? 0 : 1;
}

runBench('bench:digest', progress, parseDigestBenchArgs, main);
