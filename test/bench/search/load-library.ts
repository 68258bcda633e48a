// Fills the bench database with made-up lessons: indexes off, batches on every connection, indexes back, ANALYZE.
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { Db } from '../../../src/store/db';
import { INSERT_LIBRARY_BATCH, libraryParams } from './library-sql';

const BATCH = 50_000;
export const LOAD_CONNECTIONS = 2;
// GIN builds are much faster when the whole posting list fits in memory.
const INDEX_MEMORY = '512MB';

export interface LoadTimes {
  insertMs: number;
  indexMs: number;
  analyzeMs: number;
}

const indexRow = z.object({ name: z.string(), def: z.string() });

async function inParallel<T>(items: T[], workers: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** Loads `lessons` rows; db should have a pool of at least LOAD_CONNECTIONS. */
export async function loadLibrary(db: Db, lessons: number, progress: (line: string) => void): Promise<LoadTimes> {
  // The migrations' own index definitions, so the bench times exactly the indexes production has.
  const indexes = (
    await db.query(
      `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def
         FROM pg_index WHERE indrelid = 'lessons'::regclass AND NOT indisprimary AND NOT indisunique`,
    )
  ).map((row) => indexRow.parse(row));
  for (const index of indexes) await db.exec(`DROP INDEX ${index.name}`);

  const started = performance.now();
  const batches = Array.from({ length: Math.ceil(lessons / BATCH) }, (_, i) => Math.min(BATCH, lessons - i * BATCH));
  let done = 0;
  await inParallel(batches, LOAD_CONNECTIONS, async (rows) => {
    await db.query(INSERT_LIBRARY_BATCH, libraryParams(rows));
    done += rows;
    if (done % 200_000 < BATCH || done === lessons) progress(`  ${done.toLocaleString('en-GB')} lessons written`);
  });
  const inserted = performance.now();

  // The slowest build (the text index) goes first so the others run beside it.
  const slowestFirst = [...indexes].sort((a, b) => Number(b.def.includes('(search)')) - Number(a.def.includes('(search)')));
  await inParallel(slowestFirst, LOAD_CONNECTIONS, async (index) => {
    await db.transaction(async (tx) => {
      await tx.exec(`SET LOCAL maintenance_work_mem = '${INDEX_MEMORY}'`);
      await tx.exec(index.def);
    });
    progress(`  index ${index.name} built`);
  });
  const indexed = performance.now();

  // As autovacuum would leave a settled table: planner statistics, and hint bits set once rather than on first read.
  await db.exec('VACUUM (ANALYZE) lessons');
  return { insertMs: inserted - started, indexMs: indexed - inserted, analyzeMs: performance.now() - indexed };
}
