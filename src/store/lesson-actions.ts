// SQL for actions with owners and due dates.
import type { ActionDraft } from '../core/flow';
import type { Person, Place } from '../core/model';
import type { Sql } from './db';

/** A run's agreed actions; an action already saved for the run is skipped. Returns how many were new. */
export async function insertRunActions(
  q: Sql,
  run: { id: string; tenant: string; place: Place; startedBy: Person },
  drafts: ActionDraft[],
  now: Date,
): Promise<number> {
  let inserted = 0;
  for (const d of drafts) {
    const rows = await q.query(
      `INSERT INTO lesson_actions (tenant, run_id, draft_key, place, text, owner, owner_id, due_on, remind_at, time_zone,
                                   created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
       ON CONFLICT (run_id, draft_key) DO NOTHING RETURNING id`,
      [
        run.tenant,
        run.id,
        d.key,
        JSON.stringify(run.place),
        d.text,
        JSON.stringify(d.owner),
        d.owner.id,
        d.dueOn,
        d.remindAt,
        d.timeZone,
        JSON.stringify(run.startedBy),
        now,
      ],
    );
    inserted += rows.length;
  }
  return inserted;
}
