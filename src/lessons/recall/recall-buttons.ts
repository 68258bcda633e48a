// The Useful / Not relevant buttons on a recalled lesson, and the run and lesson their value names.
import { z } from 'zod';

export const RECALL_ACTIONS = {
  useful: 'lessons:recall:useful',
  notRelevant: 'lessons:recall:not-relevant',
} as const;

export interface RecalledLessonRef {
  runId: string;
  lessonId: string;
}

const id = z.guid();

export function recallButtonValue(ref: RecalledLessonRef): string {
  return `${ref.runId}:${ref.lessonId}`;
}

/** The run and lesson a button names; undefined for anything else (an old or hand-made value). */
export function readRecallButtonValue(value: string | undefined): RecalledLessonRef | undefined {
  const [runId, lessonId, ...rest] = (value ?? '').split(':');
  if (rest.length > 0 || !id.safeParse(runId).success || !id.safeParse(lessonId).success) return undefined;
  return { runId: runId as string, lessonId: lessonId as string };
}
