import { mention, type Platform } from '../core/model';

export const LESSON_STATUSES = ['draft', 'validated', 'approved', 'applied'] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

export interface Contributor {
  id: string;
  name?: string;
}

/** The chat thread a lesson was saved from. */
export interface LessonSource {
  platform: Platform;
  tenant: string;
  channel: string;
  thread?: string;
  url?: string;
}

/** Where a library lesson came from: a chat thread, or a spreadsheet (`mobilise lessons import`: no thread, the channel is the file's name). */
export type LessonOrigin = LessonSource | (Omit<LessonSource, 'platform'> & { platform: 'import' });

/** A lesson as the shared library holds it (and as `lessons export --format json` prints it). */
export interface Lesson {
  id: string;
  title: string;
  recommendation: string;
  observation: string;
  reason: string;
  technique: string;
  tags: string[];
  status: LessonStatus;
  contributors: Contributor[];
  source: LessonOrigin;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601; set while the lesson is archived (kept, but out of searches and digests). */
  archivedAt?: string;
}

/** What a lesson says, apart from who gave it, where from and when: shared by drafts, imports and the library. */
export type LessonContent = Pick<Lesson, 'title' | 'recommendation' | 'observation' | 'reason' | 'technique' | 'tags' | 'status'>;

/** Who gave a lesson, for a message: mentions in chat; names in the sandbox and for imported spreadsheets. */
export function contributorsInWords(lesson: Pick<Lesson, 'contributors' | 'source'>): string {
  const { source, contributors } = lesson;
  const names = contributors.map((c) =>
    source.platform === 'console' || source.platform === 'import' ? (c.name ?? c.id) : mention({ ...source, id: c.id }),
  );
  return names.length === 0 ? 'no named contributors' : names.join(', ');
}
