// The four kinds of search the bench times, and the plain ILIKE scan each is compared with.
import type { Sql } from '../../../src/store/db';
import type { LessonQuery } from '../../../src/lessons/search-query';
import { LESSON_COLUMNS, toLesson } from '../../../src/store/lessons';
import { NOUNS, PHRASES, RARE_WORDS } from './vocabulary';

export interface Variant {
  /** What Mobilise is asked, as /lessons would parse it. */
  query: LessonQuery;
  /** The baseline's ILIKE needle and tag filter for the same question. */
  like: string;
  tags: string[];
}

export interface QueryKind {
  name: string;
  variants: Variant[];
}

const word = (w: string): Variant => ({ query: { text: w, tags: [] }, like: w, tags: [] });

export const QUERY_KINDS: QueryKind[] = [
  { name: 'common word', variants: NOUNS.slice(0, 5).map(word) },
  { name: 'rare word', variants: RARE_WORDS.slice(0, 5).map(word) },
  {
    name: 'phrase',
    // From common to rare, as phrases people search for would be.
    variants: [3, 10, 18, 34, 50].map((rank) => PHRASES[rank] ?? '').map((p) => ({ query: { text: `"${p}"`, tags: [] }, like: p, tags: [] })),
  },
  {
    name: '#tag + word',
    variants: [
      ['handover', 'bed'],
      ['discharge', 'pharmacy'],
      ['prescribing', 'family'],
      ['falls', 'printer'],
      ['sepsis', 'theatre'],
    ].map(([tag = '', w = '']) => ({ query: { text: w, tags: [tag] }, like: w, tags: [tag] })),
  },
];

/** The baseline: what a search without a text index does - a substring scan of the tenant's lessons, newest first. */
export async function ilikeSearch(q: Sql, tenant: string, variant: Variant, limit: number): Promise<number> {
  const tagged = variant.tags.length > 0 ? 'AND tags @> $4::text[]' : '';
  const rows = await q.query(
    `SELECT ${LESSON_COLUMNS} FROM lessons
      WHERE tenant = $1 AND (title ILIKE $2 OR recommendation ILIKE $2 OR observation ILIKE $2 OR reason ILIKE $2) ${tagged}
      ORDER BY created_at DESC LIMIT $3`,
    [tenant, `%${variant.like}%`, limit, ...(variant.tags.length > 0 ? [variant.tags] : [])],
  );
  // Parsed like Mobilise's rows, so both sides pay the same client-side cost.
  return rows.map(toLesson).length;
}
