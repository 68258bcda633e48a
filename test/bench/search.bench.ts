// npm run bench:search: /lessons search over a million lessons on the Postgres server vs a plain ILIKE scan.
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { migrate } from '../../src/store/migrate';
import { openServerDb } from '../../src/store/pg-db';
import { adminUrlFrom, createBenchDatabase } from './bench-database';
import { runBench, type Cleanup } from './cleanup';
import { parseSearchBenchArgs, type SearchBenchArgs } from './search/args';
import { LOAD_CONNECTIONS, loadLibrary } from './search/load-library';
import { measureKind, type KindResult } from './search/measure';
import { QUERY_KINDS } from './search/queries';
import { AIM_P95_MS, formatTable, missedAims } from './search/table';

const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function main(cleanup: Cleanup, args: SearchBenchArgs): Promise<number> {
  const started = performance.now();
  const database = await createBenchDatabase(adminUrlFrom(process.env));
  cleanup.add('drop the bench database', database.drop);
  // Loading the library (indexes, VACUUM ANALYZE) takes longer than a chat query is allowed.
  const db = openServerDb(database.url, LOAD_CONNECTIONS, { statementMs: 0 });
  cleanup.add('close the database pool', () => db.close());
  await migrate(db);

  progress(`bench:search: database ${database.name}; loading ${args.lessons.toLocaleString('en-GB')} lessons`);
  const load = await loadLibrary(db, args.lessons, progress);
  const loadMs = load.insertMs + load.indexMs + load.analyzeMs;
  progress(`bench:search: loaded in ${seconds(loadMs)}`);

  const tenants = z
    .array(z.object({ tenant: z.string(), n: z.number() }))
    .parse(await db.query('SELECT tenant, count(*)::int AS n FROM lessons GROUP BY tenant ORDER BY n DESC, tenant'));
  const largest = tenants[0];
  if (!largest) throw new Error('the library is empty');

  const rows: KindResult[] = [];
  for (const kind of QUERY_KINDS) {
    progress(`bench:search: timing "${kind.name}", ${args.runs} searches each side`);
    rows.push(await measureKind(db, largest.tenant, kind, args.runs));
  }

  const size = await db.query(
    "SELECT pg_size_pretty(pg_table_size('lessons')) AS heap, pg_size_pretty(pg_indexes_size('lessons')) AS indexes",
  );
  const sizes = z.object({ heap: z.string(), indexes: z.string() }).parse(size[0]);
  console.log('');
  console.log(formatTable(rows));
  console.log('');
  console.log(
    `Library: ${args.lessons.toLocaleString('en-GB')} lessons in ${tenants.length} organisations; timed on ${largest.tenant}, ` +
      `the largest, with ${largest.n.toLocaleString('en-GB')} lessons. Table ${sizes.heap}, its indexes ${sizes.indexes}.`,
  );
  console.log(
    `Load: ${seconds(loadMs)} (writing ${seconds(load.insertMs)}, building indexes ${seconds(load.indexMs)}, VACUUM ANALYZE ${seconds(load.analyzeMs)}).`,
  );
  const missed = missedAims(rows);
  const aim = `aim: p95 under ${AIM_P95_MS} ms at ${args.lessons.toLocaleString('en-GB')} lessons`;
  console.log(missed.length === 0 ? `${aim}: met for every kind of query.` : `${aim}: not met.\n${missed.map((m) => `  - ${m}`).join('\n')}`);
  console.log(`Run took ${seconds(performance.now() - started)}.`);
  return missed.length === 0 ? 0 : 1;
}

runBench('bench:search', progress, parseSearchBenchArgs, main);
