// SQL for lessons brought in from a spreadsheet: each carries an import key, unique within its organisation.
import { z } from 'zod';
import type { LessonContent } from '../lessons/lesson';
import type { Sql } from './db';

export type ImportedLessonRow = LessonContent & {
  tenant: string;
  importKey: string;
  /** Spreadsheets name people; there is no chat id, so the name is the id too. */
  contributorNames: string[];
  /** The file's base name, shown where a chat lesson shows its channel. */
  fileName: string;
  createdAt: Date;
};

const keyRow = z.object({ import_key: z.string() });

/** Inserts one imported lesson; false when the organisation already has a lesson with its key. */
export async function insertImportedLesson(q: Sql, l: ImportedLessonRow): Promise<boolean> {
  const contributors = l.contributorNames.map((name) => ({ id: name, name }));
  const rows = await q.query(
    `INSERT INTO lessons (tenant, import_key, title, recommendation, observation, reason, technique, tags, status,
                          contributors, source_platform, source_channel, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'import', $11, $12)
     ON CONFLICT (tenant, import_key) WHERE import_key IS NOT NULL DO NOTHING RETURNING id`,
    [l.tenant, l.importKey, l.title, l.recommendation, l.observation, l.reason, l.technique, l.tags, l.status,
      JSON.stringify(contributors), l.fileName, l.createdAt],
  );
  return rows.length > 0;
}

/** Which of these keys the organisation's library already holds, for a dry run that writes nothing. */
export async function existingImportKeys(q: Sql, tenant: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await q.query('SELECT import_key FROM lessons WHERE tenant = $1 AND import_key = ANY($2::text[])', [tenant, keys]);
  return new Set(rows.map((r) => keyRow.parse(r).import_key));
}
