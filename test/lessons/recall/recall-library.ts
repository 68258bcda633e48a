// A small library for the recall tests: a Before Action Review run, and lessons from chat and from a spreadsheet.
import { randomUUID } from 'node:crypto';
import type { LessonDraft } from '../../../src/core/flow';
import type { Person, Place } from '../../../src/core/model';
import type { Sql } from '../../../src/store/db';
import { insertImportedLesson } from '../../../src/store/lesson-import';
import { insertLessons } from '../../../src/store/lessons';
import { recordReviewParticipants } from '../../../src/store/review-participants';
import { insertRun } from '../../../src/store/runs';

export const person = (tenant: string, id: string): Person => ({ platform: 'slack', tenant, id });

/** A run of the given flow at its own thread; returns its id and place. */
export async function insertReviewRun(q: Sql, tenant: string, flow = 'before-action-review'): Promise<{ runId: string; place: Place }> {
  const runId = randomUUID();
  const place: Place = { platform: 'slack', tenant, channel: 'C7', thread: `17000${runId.slice(0, 4)}.000100` };
  await insertRun(q, { id: runId, flow, version: 1, place, placeKey: `k-${runId}`, startedBy: person(tenant, 'U9'), state: {}, status: 'active' }, new Date('2026-01-01T00:00:00Z'));
  return { runId, place };
}

export type ChatLesson = Pick<LessonDraft, 'title' | 'recommendation'> & { observation?: string; contributors: string[]; at: string };

/**
 * Saves chat lessons from one earlier After Action Review thread, with a link back to it, and who took part in it, as
 * the engine does: by default just the lessons' contributors.
 */
export async function insertChatLessons(q: Sql, tenant: string, lessons: ChatLesson[], participants?: string[]): Promise<Record<string, string>> {
  const { runId, place } = await insertReviewRun(q, tenant, 'after-action-review');
  const everyone = participants ?? [...new Set(lessons.flatMap((l) => l.contributors))];
  await recordReviewParticipants(q, runId, tenant, everyone.map((id) => person(tenant, id)), new Date(lessons[0]?.at ?? '2026-01-01T00:00:00Z'));
  for (const [i, l] of lessons.entries()) {
    const draft: LessonDraft = {
      key: `d${i}`,
      title: l.title,
      recommendation: l.recommendation,
      observation: l.observation ?? '',
      reason: '',
      technique: 'after-action-review',
      tags: [],
      contributors: l.contributors.map((id) => person(tenant, id)),
    };
    await insertLessons(q, runId, { ...place, url: `https://example.slack.com/archives/C7/p${i}` }, [draft], new Date(l.at));
  }
  return idsByTitle(q, tenant);
}

export async function insertSpreadsheetLesson(q: Sql, tenant: string, title: string, recommendation: string, names: string[]): Promise<void> {
  await insertImportedLesson(q, {
    tenant,
    importKey: title,
    title,
    recommendation,
    observation: '',
    reason: '',
    technique: 'retrospect',
    tags: [],
    status: 'approved',
    contributorNames: names,
    fileName: 'lessons-2025.xlsx',
    createdAt: new Date('2025-06-01T09:00:00Z'),
  });
}

export async function idsByTitle(q: Sql, tenant: string): Promise<Record<string, string>> {
  const rows = await q.query('SELECT id, title FROM lessons WHERE tenant = $1', [tenant]);
  return Object.fromEntries(rows.map((r) => [String(r.title), String(r.id)]));
}
