// Fills the bench database inside Postgres: a library of lessons over two years, their approvals and reports of
// use, actions, recalls' feedback, and the communities whose digests are timed.
import { performance } from 'node:perf_hooks';
import type { Db } from '../../../src/store/db';
import { PHRASES, TAGS, VERBS } from '../search/vocabulary';

/** The digest every community gets in the bench: Monday 30 November 2026, 09:00 in London. */
export const BENCH_SLOT = new Date('2026-11-30T09:00:00Z');
const RUNS_PER_TENANT = 100;

// floor(power(n + 1, random())) is 1..n with P(k) about 1/k: a few tags are in most lessons, most in few.
const zipfTag = `($1::text[])[floor(power(${TAGS.length + 1}, random()))::int]`;
const anyTag = `($1::text[])[1 + floor(random() * ${TAGS.length})::int]`;
const tenantOf = (n: string, tenants: string): string => `'trust-' || lpad((1 + (${n} % ${tenants}))::text, 3, '0')`;

export interface LoadCounts {
  lessons: number;
  events: number;
  actions: number;
  feedback: number;
  ms: number;
}

export async function loadLibrary(db: Db, sizes: { lessons: number; tenants: number; communities: number }, progress: (line: string) => void): Promise<LoadCounts> {
  const started = performance.now();
  const slot = BENCH_SLOT.toISOString();
  await db.query(
    `INSERT INTO lessons (tenant, title, recommendation, technique, tags, contributors, source_platform, source_channel, source_url, created_at, archived_at)
     SELECT ${tenantOf('n', '$4')},
            ($2::text[])[1 + floor(random() * array_length($2::text[], 1))::int] || ' ' || ($3::text[])[1 + floor(random() * array_length($3::text[], 1))::int],
            'Do it every time', 'after-action-review',
            CASE WHEN random() < 0.4 THEN ARRAY[${zipfTag}] ELSE ARRAY[${zipfTag}, ${zipfTag}] END,
            jsonb_build_array(jsonb_build_object('id', 'U' || lpad(floor(random() * 2000)::int::text, 4, '0'))),
            'slack', 'C001', 'https://example.slack.com/archives/C001/p' || n, s.created,
            CASE WHEN random() < 0.02 THEN s.created END
       FROM (SELECT n, date_trunc('second', timestamptz '${slot}' - random() * interval '730 days') AS created
               FROM generate_series(1, $5::int) AS n) s`,
    [[...TAGS], [...VERBS], [...PHRASES], sizes.tenants, sizes.lessons],
  );
  progress(`  ${sizes.lessons.toLocaleString('en-GB')} lessons written`);

  // Runs for feedback to hang on, RUNS_PER_TENANT per organisation, numbered so rows can pick one without a join.
  await db.exec('CREATE TABLE bench_runs (tenant text, k int, id uuid)');
  await db.query(
    `INSERT INTO bench_runs SELECT ${tenantOf('t', '$1')}, k, gen_random_uuid() FROM generate_series(0, $1::int - 1) t, generate_series(0, ${RUNS_PER_TENANT - 1}) k`,
    [sizes.tenants],
  );
  await db.exec(
    `INSERT INTO flow_runs (id, flow, version, tenant, place, place_key, started_by, state, status, created_at, updated_at)
     SELECT id, 'before-action-review', 1, tenant, jsonb_build_object('platform', 'slack', 'tenant', tenant, 'channel', 'C001', 'thread', id::text),
            'bench:' || id, jsonb_build_object('platform', 'slack', 'tenant', tenant, 'id', 'U0001'), '{}', 'done', timestamptz '2024-01-01', timestamptz '2024-01-01'
       FROM bench_runs`,
  );

  // A quarter of lessons approved, a tenth reported as used, within two months of being written.
  for (const [kind, share] of [['approved', 0.25], ['applied', 0.1]] as const) {
    await db.exec(
      `INSERT INTO lesson_events (lesson_id, tenant, kind, actor, at)
       SELECT id, tenant, '${kind}', jsonb_build_object('platform', 'slack', 'tenant', tenant, 'id', 'U' || lpad(floor(random() * 2000)::int::text, 4, '0')),
              date_trunc('second', created_at + random() * interval '60 days')
         FROM lessons WHERE random() < ${share}`,
    );
  }

  // Actions from one lesson in five, due within three months of it; a third agreed in a channel. Reminders close most:
  // of the actions of lessons over two months old 3% are still open (long overdue), of newer ones 60%.
  await db.exec(
    `INSERT INTO lesson_actions (tenant, lesson_id, place, text, owner, owner_id, due_on, remind_at, time_zone, status, created_by, created_at, updated_at, closed_at)
     SELECT tenant, id, CASE WHEN random() < 0.33 THEN jsonb_build_object('platform', 'slack', 'tenant', tenant, 'channel', 'C' || lpad(floor(random() * 60)::int::text, 3, '0')) END,
            'Follow up: ' || title, owner, owner->>'id', due, due + time '09:00', 'Europe/London', action_status, owner, created_at, created_at,
            CASE WHEN action_status <> 'open' THEN date_trunc('second', least(timestamptz '${slot}', due + time '12:00')) END
       FROM (SELECT l.id, l.tenant, l.title, l.created_at, (l.created_at + (1 + floor(random() * 90)::int) * interval '1 day')::date AS due,
                    CASE WHEN random() < CASE WHEN l.created_at + interval '60 days' < timestamptz '${slot}' THEN 0.03 ELSE 0.6 END THEN 'open'
                         WHEN random() < 0.85 THEN 'done' ELSE 'dropped' END AS action_status,
                    jsonb_build_object('platform', 'slack', 'tenant', l.tenant, 'id', 'U' || lpad(floor(random() * 2000)::int::text, 4, '0')) AS owner
               FROM lessons l WHERE random() < 0.2) a`,
  );

  // Feedback from recalls: about one lesson in four recalled once or twice, three votes in four useful.
  await db.exec(
    `INSERT INTO lesson_feedback (lesson_id, run_id, person_id, tenant, useful, at)
     SELECT l.id, r.id, 'U' || lpad(floor(random() * 2000)::int::text, 4, '0'), l.tenant, random() < 0.75,
            date_trunc('second', l.created_at + random() * (timestamptz '${slot}' - l.created_at))
       FROM lessons l CROSS JOIN generate_series(1, 2) g
       JOIN bench_runs r ON r.tenant = l.tenant AND r.k = abs(hashtext(l.id::text || g::text)) % ${RUNS_PER_TENANT}
      WHERE random() < 0.15
     ON CONFLICT DO NOTHING`,
  );

  // The communities: spread evenly over the organisations, one to three tags each, drawn evenly so some domains are niche.
  await db.query(
    `INSERT INTO communities (id, tenant, place, place_key, name, tags, owner, owner_id, digest, created_at, updated_at)
     SELECT gen_random_uuid(), tenant, jsonb_build_object('platform', 'slack', 'tenant', tenant, 'channel', channel),
            'slack:' || tenant || ':' || channel, 'Community ' || n, tags,
            jsonb_build_object('platform', 'slack', 'tenant', tenant, 'id', 'U0001'), 'U0001',
            '{"weekday": 1, "time": "09:00", "timeZone": "Europe/London"}', timestamptz '2025-01-01', timestamptz '2025-01-01'
       FROM (SELECT n, ${tenantOf('n', '$2')} AS tenant, 'C' || lpad((n / $2::int)::text, 3, '0') AS channel,
                    (SELECT array_agg(DISTINCT t) FROM (SELECT ${anyTag} AS t FROM generate_series(0, (n % 3))) x) AS tags
               FROM generate_series(0, $3::int - 1) n) c`,
    [[...TAGS], sizes.tenants, sizes.communities],
  );
  await db.exec('VACUUM (ANALYZE)');
  const count = async (table: string): Promise<number> => Number((await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n);
  return {
    lessons: await count('lessons'),
    events: await count('lesson_events'),
    actions: await count('lesson_actions'),
    feedback: await count('lesson_feedback'),
    ms: performance.now() - started,
  };
}
