// Times one query kind: Mobilise's searchLessons and the ILIKE baseline, taking turns on the same questions.
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { Sql } from '../../../src/store/db';
import { searchLessons } from '../../../src/store/lesson-search';
import { ilikeSearch, type QueryKind } from './queries';

export const LIMIT = 5;

export interface KindResult {
  name: string;
  mobiliseMs: number[];
  baselineMs: number[];
  /** Mean number of the tenant's lessons that match a variant's text (and tag), which is what ranking has to sort. */
  meanMatches: number;
  /** Searches where Mobilise found nothing but the ILIKE scan found something (there should be none). */
  missed: number;
}

async function timed(run: () => Promise<number>): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const rows = await run();
  return { ms: performance.now() - started, rows };
}

async function matches(q: Sql, tenant: string, kind: QueryKind): Promise<number> {
  let total = 0;
  for (const { query } of kind.variants) {
    const rows = await q.query(
      `SELECT count(*)::int AS n FROM lessons
        WHERE tenant = $1 AND search @@ websearch_to_tsquery('english', $2) AND tags @> $3::text[]`,
      [tenant, query.text, query.tags],
    );
    total += z.object({ n: z.number() }).parse(rows[0]).n;
  }
  return total / kind.variants.length;
}

export async function measureKind(q: Sql, tenant: string, kind: QueryKind, runs: number): Promise<KindResult> {
  const mobilise = (i: number): Promise<number> => {
    const variant = kind.variants[i % kind.variants.length];
    return variant ? searchLessons(q, tenant, variant.query, LIMIT).then((hits) => hits.length) : Promise.resolve(0);
  };
  const baseline = (i: number): Promise<number> => {
    const variant = kind.variants[i % kind.variants.length];
    return variant ? ilikeSearch(q, tenant, variant, LIMIT) : Promise.resolve(0);
  };
  // One untimed pass over every variant on each side, so neither pays for reading pages in first.
  for (let i = 0; i < kind.variants.length; i++) {
    await mobilise(i);
    await baseline(i);
  }
  const result: KindResult = { name: kind.name, mobiliseMs: [], baselineMs: [], meanMatches: await matches(q, tenant, kind), missed: 0 };
  for (let i = 0; i < runs; i++) {
    // Taking turns, and swapping who goes first, so a busy moment on the machine hits both sides alike.
    const order = i % 2 === 0 ? (['mobilise', 'baseline'] as const) : (['baseline', 'mobilise'] as const);
    const found = { mobilise: 0, baseline: 0 };
    for (const side of order) {
      const { ms, rows } = await timed(() => (side === 'mobilise' ? mobilise(i) : baseline(i)));
      (side === 'mobilise' ? result.mobiliseMs : result.baselineMs).push(ms);
      found[side] = rows;
    }
    if (found.mobilise === 0 && found.baseline > 0) result.missed += 1;
  }
  return result;
}
