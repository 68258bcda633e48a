// What `/lessons <words>` asks for: words in websearch syntax, plus filters, read from one line of text.
import type { LessonStatus } from './lesson';

export interface LessonQuery {
  /** Words for Postgres websearch_to_tsquery: "a phrase", -excluded, or. Empty = no text condition. */
  text: string;
  /** From #tag; a lesson must carry every one (lower case, without the #). */
  tags: string[];
  /** From technique:<id>, e.g. 'after-action-review', 'retrospect'. */
  technique?: string;
  /** From since:YYYY-MM-DD: lessons created on or after the start of that day (UTC). */
  since?: Date;
  /** From status:<status>. */
  status?: LessonStatus;
}

export type ParsedLessonQuery = { ok: true; query: LessonQuery } | { ok: false; problem: string };
