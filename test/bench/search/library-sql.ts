// One INSERT ... SELECT that writes a batch of made-up lessons inside Postgres, from the vocabulary's word lists.
import { CONTEXTS, EVENTS, NOUNS, PHRASES, RARE_WORDS, REASONS, TAGS, TECHNIQUES, VERBS } from './vocabulary';

export const TENANTS = 50;
/** Tenant sizes are skewed (trust-01 is the largest) the way a few big trusts hold most of the lessons. */
export const TENANT_SKEW = 1.3;
const RARE_SHARE = 1 / 30;

const LISTS = { nouns: NOUNS, rare: RARE_WORDS, phrases: PHRASES, verbs: VERBS, contexts: CONTEXTS, events: EVENTS, reasons: REASONS, tags: TAGS, techniques: TECHNIQUES };
type ListName = keyof typeof LISTS;
const NAMES = Object.keys(LISTS) as ListName[];

const param = (name: ListName): string => `$${NAMES.indexOf(name) + 1}::text[]`;
// floor(power(n + 1, random())) is 1..n with P(k) about 1/k: a Zipf-like spread, computed per row.
const zipf = (name: ListName): string => `(${param(name)})[floor(power(${LISTS[name].length + 1}, random()))::int]`;
const even = (name: ListName): string => `(${param(name)})[1 + floor(random() * ${LISTS[name].length})::int]`;

/** Parameters: the word lists in order, then the number of rows. */
export function libraryParams(rows: number): unknown[] {
  return [...NAMES.map((n) => [...LISTS[n]]), rows];
}

export const INSERT_LIBRARY_BATCH = `
INSERT INTO lessons (tenant, title, recommendation, observation, reason, technique, tags, status, contributors,
                     source_platform, source_channel, created_at)
SELECT 'trust-' || lpad((1 + floor(${TENANTS} * power(random(), ${TENANT_SKEW})))::int::text, 2, '0'),
       ${even('verbs')} || ' ' || CASE WHEN random() < 0.5 THEN ${zipf('phrases')} ELSE ${zipf('nouns')} || ' ' || ${zipf('nouns')} END
         || ' ' || ${even('contexts')},
       ${even('verbs')} || ' ' || ${zipf('phrases')} || ' ' || ${even('contexts')} || ' and ' || lower(${even('verbs')}) || ' '
         || ${zipf('nouns')} || ' ' || ${zipf('nouns')} || '.',
       'The ' || ${zipf('phrases')} || ' ' || ${even('events')} || ' ' || ${even('contexts')} || '. The ' || ${zipf('nouns')} || ' '
         || ${even('events')} || ' because the ' || ${zipf('nouns')} || ' ' || ${even('events')}
         || CASE WHEN random() < 0.5 THEN ', and the ' || ${zipf('nouns')} || ' ' || ${zipf('nouns')} || ' ' || ${even('events')} ELSE '' END || '.'
         || CASE WHEN random() < ${RARE_SHARE} THEN ' It involved ' || ${even('rare')} || '.' ELSE '' END,
       ${even('reasons')} || ' ' || ${zipf('phrases')} || ' or the ' || ${zipf('nouns')} || '.',
       ${zipf('techniques')},
       CASE WHEN random() < 0.4 THEN ARRAY[${zipf('tags')}] ELSE ARRAY[${zipf('tags')}, ${zipf('tags')}] END,
       (ARRAY['draft', 'validated', 'approved', 'applied'])[1 + floor(random() * 4)::int],
       '[{"id": "U0001"}]',
       'slack',
       'C' || lpad(floor(random() * 200)::int::text, 3, '0'),
       timestamptz '2023-01-01 00:00:00+00' + random() * interval '3 years'
  FROM generate_series(1, $${NAMES.length + 1}::int)`;
