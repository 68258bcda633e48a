import type { Platform } from '../core/model';

export const LESSON_STATUSES = ['draft', 'validated', 'approved', 'applied'] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

export interface Contributor {
  id: string;
  name?: string;
}

export interface LessonSource {
  platform: Platform;
  tenant: string;
  channel: string;
  thread?: string;
  url?: string;
}

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
  source: LessonSource;
  /** ISO 8601. */
  createdAt: string;
}
