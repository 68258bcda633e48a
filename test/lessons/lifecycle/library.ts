// Test helpers: a lesson saved from a review, an imported one, and a community of practice row.
import { randomUUID } from 'node:crypto';
import type { LessonDraft } from '../../../src/core/flow';
import type { Person } from '../../../src/core/model';
import type { Sql } from '../../../src/store/db';
import { insertImportedLesson } from '../../../src/store/lesson-import';
import { insertLessons } from '../../../src/store/lessons';
import { insertRun } from '../../../src/store/runs';

export const savedAt = new Date('2026-11-20T16:30:00.000Z');

export function slackPerson(id: string, tenant = 'T1'): Person {
  return { platform: 'slack', tenant, id };
}

/** Saves one lesson from a finished review in `tenant`, by `contributors`; returns its id. */
export async function savedLesson(
  db: Sql,
  input: { tenant?: string; title: string; recommendation?: string; tags?: string[]; contributors?: Person[] },
): Promise<string> {
  const tenant = input.tenant ?? 'T1';
  const contributors = input.contributors ?? [slackPerson('U1', tenant)];
  const runId = randomUUID();
  const place = { platform: 'slack' as const, tenant, channel: 'C1', thread: '1700000000.000100' };
  await insertRun(db, { id: runId, flow: 'after-action-review', version: 1, place, placeKey: `k-${runId}`, startedBy: contributors[0] ?? slackPerson('U1', tenant), state: {}, status: 'done' }, savedAt);
  const draft: LessonDraft = {
    key: 'l1',
    title: input.title,
    recommendation: input.recommendation ?? `${input.title}, every time`,
    observation: 'The printer queue stalled on the go-live day',
    reason: 'Nobody owned the queue',
    technique: 'after-action-review',
    tags: input.tags ?? ['handover'],
    contributors,
  };
  await insertLessons(db, runId, { ...place, url: 'https://example.slack.com/archives/C1/p1700000000000100' }, [draft], savedAt);
  const rows = await db.query('SELECT id FROM lessons WHERE run_id = $1', [runId]);
  return String(rows[0]?.id);
}

/** A lesson from a spreadsheet: its contributors are names, not chat accounts. */
export async function importedLesson(db: Sql, tenant: string, title: string, contributorNames: string[]): Promise<string> {
  await insertImportedLesson(db, {
    tenant,
    importKey: `key-${title}`,
    title,
    recommendation: `${title}, please`,
    observation: '',
    reason: '',
    technique: 'after-action-review',
    tags: ['handover'],
    status: 'draft',
    createdAt: savedAt,
    contributorNames,
    fileName: 'lessons.csv',
  });
  const rows = await db.query('SELECT id FROM lessons WHERE tenant = $1 AND title = $2', [tenant, title]);
  return String(rows[0]?.id);
}

/** A community of practice, as the communities helper stores one; returns its id. */
export async function communityRow(
  db: Sql,
  input: { tenant?: string; name: string; tags: string[]; owner: Person; status?: 'active' | 'archived'; channel?: string },
): Promise<string> {
  const id = randomUUID();
  const tenant = input.tenant ?? 'T1';
  const place = { platform: 'slack', tenant, channel: input.channel ?? `C-${id.slice(0, 8)}` };
  await db.query(
    `INSERT INTO communities (id, tenant, place, place_key, name, tags, owner, owner_id, digest, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
    [
      id,
      tenant,
      JSON.stringify(place),
      `slack:${tenant}:${place.channel}`,
      input.name,
      input.tags,
      JSON.stringify(input.owner),
      input.owner.id,
      JSON.stringify({ weekday: 1, time: '09:00', timeZone: 'Europe/London' }),
      input.status ?? 'active',
      savedAt,
    ],
  );
  return id;
}
