// SQL for "who has done this before?": what an organisation's library shows each person has done on a topic.
import { z } from 'zod';
import type { Sql } from './db';

/** Lessons whose words are theirs, reviews they facilitated, lessons they applied. */
export type EvidenceKind = 'lesson' | 'review' | 'applied';

export interface Evidence {
  kind: EvidenceKind;
  personId: string;
  personName?: string;
  /** Where the person is: a chat platform (shown as a mention) or 'console' / 'import' (shown by name). */
  platform: string;
  /** The lesson's or the review's id, and its title. */
  itemId: string;
  title: string;
  at: Date;
}

/** Enough for a ranking: no topic in one organisation has more matching items worth reading. */
const MAX_ITEMS = 500;

const evidenceRow = z.object({
  kind: z.enum(['lesson', 'review', 'applied']),
  person_id: z.string().min(1),
  person_name: z.string().nullable(),
  platform: z.string(),
  item_id: z.string(),
  title: z.string(),
  at: z.coerce.date(),
});

/**
 * Every piece of evidence on `topic` (websearch words, as /lessons reads them) in one organisation: contributors of
 * matching lessons, facilitators of matching reviews (not cancelled), and who applied a matching lesson; without
 * anyone who opted out. Archived lessons are not evidence.
 */
export async function evidenceOn(q: Sql, tenant: string, topic: string): Promise<Evidence[]> {
  const rows = await q.query(
    `WITH wanted AS (SELECT websearch_to_tsquery('english', $2) AS query),
          matching AS (
            SELECT l.id, l.title, l.contributors, l.source_platform, l.created_at FROM lessons l, wanted
             WHERE l.tenant = $1 AND l.archived_at IS NULL AND numnode(query) > 0 AND l.search @@ query
             ORDER BY l.created_at DESC LIMIT $3),
          reviews AS (
            SELECT r.id, r.state->>'title' AS title, r.started_by, r.place->>'platform' AS platform, r.created_at FROM flow_runs r, wanted
             WHERE r.tenant = $1 AND r.flow IN ('after-action-review', 'before-action-review')
               AND coalesce(r.state->>'phase', '') <> 'cancelled' AND numnode(query) > 0
               AND to_tsvector('english', coalesce(r.state->>'title', '')) @@ query
             ORDER BY r.created_at DESC LIMIT $3),
          found AS (
            SELECT 'lesson' AS kind, c.person->>'id' AS person_id, c.person->>'name' AS person_name, m.source_platform AS platform,
                   m.id::text AS item_id, m.title, m.created_at AS at
              FROM matching m, jsonb_array_elements(m.contributors) AS c(person)
            UNION ALL
            SELECT 'review', rv.started_by->>'id', rv.started_by->>'name', rv.platform, rv.id::text, rv.title, rv.created_at FROM reviews rv
            UNION ALL
            SELECT 'applied', e.actor->>'id', e.actor->>'name', m.source_platform, m.id::text, m.title, e.at
              FROM matching m JOIN lesson_events e ON e.lesson_id = m.id AND e.tenant = $1 AND e.kind = 'applied')
     SELECT * FROM found f
      WHERE f.person_id IS NOT NULL AND f.person_id <> ''
        AND NOT EXISTS (SELECT 1 FROM who_opt_outs o WHERE o.tenant = $1 AND o.person_id = f.person_id)`,
    [tenant, topic, MAX_ITEMS],
  );
  return rows.map((row) => {
    const r = evidenceRow.parse(row);
    return {
      kind: r.kind,
      personId: r.person_id,
      ...(r.person_name === null ? {} : { personName: r.person_name }),
      platform: r.platform,
      itemId: r.item_id,
      title: r.title,
      at: r.at,
    };
  });
}

/** Whether the person had opted out before; afterwards they have. */
export async function optOut(q: Sql, tenant: string, personId: string, now: Date): Promise<boolean> {
  const rows = await q.query(
    `WITH before AS (SELECT EXISTS (SELECT 1 FROM who_opt_outs WHERE tenant = $1 AND person_id = $2) AS was),
          added AS (INSERT INTO who_opt_outs (tenant, person_id, opted_out_at) SELECT $1, $2, $3 FROM before WHERE NOT was RETURNING 1)
     SELECT was FROM before`,
    [tenant, personId, now],
  );
  return z.object({ was: z.boolean() }).parse(rows[0]).was;
}

/** Whether the person had opted out; afterwards they have not. */
export async function optIn(q: Sql, tenant: string, personId: string): Promise<boolean> {
  const rows = await q.query('DELETE FROM who_opt_outs WHERE tenant = $1 AND person_id = $2 RETURNING 1', [tenant, personId]);
  return rows.length > 0;
}
