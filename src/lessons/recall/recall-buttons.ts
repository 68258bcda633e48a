// The Useful / Not relevant buttons on a recalled lesson, and the run and lesson their value names.
import { z } from 'zod';
import { valueParts } from '../../core/button-value';

export const RECALL_ACTIONS = {
  useful: 'lessons:recall:useful',
  notRelevant: 'lessons:recall:not-relevant',
} as const;

export interface RecalledLessonRef {
  runId: string;
  lessonId: string;
}

export function recallButtonValue(ref: RecalledLessonRef): string {
  return `${ref.runId}:${ref.lessonId}`;
}

/** A button's value, `<run id>:<lesson id>`, read into the run and lesson it names. */
export const recallValueSchema: z.ZodType<RecalledLessonRef> = z
  .string()
  .transform((value) => value.split(':'))
  .pipe(z.tuple([valueParts.id, valueParts.id]))
  .transform(([runId, lessonId]) => ({ runId, lessonId }));
