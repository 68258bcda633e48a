// SQL for the shared lessons library.
import { z } from 'zod';
import type { LessonDraft } from '../core/flow';
import type { Person } from '../core/model';
import { platformSchema } from '../core/schemas';
import { LESSON_STATUSES, type Lesson, type LessonStatus, type LessonSource } from '../lessons/lesson';
import type { Sql } from './db';

const lessonRow = z.object({
  id: z.string(),
  tenant: z.string(),
  title: z.string(),
  recommendation: z.string(),
  observation: z.string(),
  reason: z.string(),
  technique: z.string(),
  tags: z.array(z.string()),
  status: z.enum(LESSON_STATUSES),
  contributors: z.array(z.object({ id: z.string(), name: z.string().optional() })),
  source_platform: z.union([platformSchema, z.literal('import')]),
  source_channel: z.string(),
  source_thread: z.string().nullable(),
  source_url: z.string().nullable(),
  created_at: z.coerce.date(),
  // Optional so that a query listing its own columns need not ask for it.
  archived_at: z.coerce.date().nullish(),
});

/** The columns lessonRow reads, for every query that gives back whole lessons. */
export const LESSON_COLUMNS = `id, tenant, title, recommendation, observation, reason, technique, tags, status, contributors,
            source_platform, source_channel, source_thread, source_url, created_at, archived_at`;

export function toLesson(row: unknown): Lesson {
  const r = lessonRow.parse(row);
  return {
    id: r.id,
    title: r.title,
    recommendation: r.recommendation,
    observation: r.observation,
    reason: r.reason,
    technique: r.technique,
    tags: r.tags,
    status: r.status,
    contributors: r.contributors,
    source: {
      platform: r.source_platform,
      tenant: r.tenant,
      channel: r.source_channel,
      ...(r.source_thread ? { thread: r.source_thread } : {}),
      ...(r.source_url ? { url: r.source_url } : {}),
    },
    createdAt: r.created_at.toISOString(),
    ...(r.archived_at ? { archivedAt: r.archived_at.toISOString() } : {}),
  };
}

/** Inserts a run's drafts; a draft already saved for the run is skipped. Returns how many were new. */
export async function insertLessons(
  q: Sql,
  runId: string,
  source: LessonSource,
  drafts: LessonDraft[],
  now: Date,
): Promise<number> {
  let inserted = 0;
  for (const d of drafts) {
    const contributors = d.contributors.map((p) => (p.name ? { id: p.id, name: p.name } : { id: p.id }));
    const rows = await q.query(
      `INSERT INTO lessons (tenant, title, recommendation, observation, reason, technique, tags, contributors,
                            source_platform, source_channel, source_thread, source_url, run_id, draft_key, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (run_id, draft_key) DO NOTHING RETURNING id`,
      [
        source.tenant,
        d.title,
        d.recommendation,
        d.observation,
        d.reason,
        d.technique,
        d.tags,
        JSON.stringify(contributors),
        source.platform,
        source.channel,
        source.thread ?? null,
        source.url ?? null,
        runId,
        d.key,
        now,
      ],
    );
    inserted += rows.length;
  }
  return inserted;
}

export interface LessonFilter {
  tenant?: string;
  /** A lesson must carry every one of these tags. */
  tags?: string[];
  technique?: string;
  status?: LessonStatus;
  /** Created on or after this instant. */
  since?: Date;
}

/** Every lesson the filter picks, archived ones included (they carry archivedAt). */
export async function listLessons(q: Sql, filter: LessonFilter = {}): Promise<Lesson[]> {
  const rows = await q.query(
    `SELECT ${LESSON_COLUMNS}
       FROM lessons
      WHERE ($1::text IS NULL OR tenant = $1) AND tags @> $2::text[] AND ($3::text IS NULL OR technique = $3)
        AND ($4::text IS NULL OR status = $4) AND ($5::timestamptz IS NULL OR created_at >= $5)
      ORDER BY created_at, id`,
    [filter.tenant ?? null, filter.tags ?? [], filter.technique ?? null, filter.status ?? null, filter.since ?? null],
  );
  return rows.map(toLesson);
}

/** Whether the organisation has any lesson at all, whatever its status. */
export async function hasLessons(q: Sql, tenant: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM lessons WHERE tenant = $1 LIMIT 1', [tenant]);
  return rows.length > 0;
}

/** Whether the person is among the lesson's contributors (never for an imported lesson, which names people, not accounts). */
export async function contributedTo(q: Sql, tenant: string, lessonId: string, person: Pick<Person, 'platform' | 'id'>): Promise<boolean> {
  const rows = await q.query(
    `SELECT 1 FROM lessons WHERE id = $1 AND tenant = $2 AND source_platform = $3 AND contributors @> jsonb_build_array(jsonb_build_object('id', $4::text))`,
    [lessonId, tenant, person.platform, person.id],
  );
  return rows.length > 0;
}

const reviewTitleRow = z.object({ id: z.string(), title: z.string() });

/** The title of the review each lesson came from, by lesson id; imported lessons have none. */
export async function reviewTitles(q: Sql, lessonIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await q.query(
    `SELECT l.id, r.state->>'title' AS title FROM lessons l JOIN flow_runs r ON r.id = l.run_id
      WHERE l.id = ANY($1::uuid[]) AND r.state->>'title' IS NOT NULL`,
    [[...lessonIds]],
  );
  return new Map(rows.map((row) => reviewTitleRow.parse(row)).map((r) => [r.id, r.title]));
}

const tenantRow = z.object({ tenant: z.string() });

/** Up to `limit` organisations that have lessons, in key order. */
export async function lessonTenants(q: Sql, limit: number): Promise<string[]> {
  // A skip scan over lessons_by_tenant: one index probe per organisation, not a pass over every lesson.
  const rows = await q.query(
    `WITH RECURSIVE t(tenant) AS (
       (SELECT tenant FROM lessons ORDER BY tenant LIMIT 1)
       UNION ALL
       SELECT (SELECT l.tenant FROM lessons l WHERE l.tenant > t.tenant ORDER BY l.tenant LIMIT 1) FROM t WHERE t.tenant IS NOT NULL
     )
     SELECT tenant FROM t WHERE tenant IS NOT NULL LIMIT $1`,
    [limit],
  );
  return rows.map((r) => tenantRow.parse(r).tenant);
}
