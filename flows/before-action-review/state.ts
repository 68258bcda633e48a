// The BAR run's stored state, and the zod schema that checks it when it comes back from the database.
import { z } from 'zod';
import { personSchema } from '../../src/core/schemas';
import { QUESTION_COUNT } from './questions';

/** One reply in the thread; `text` is already masked by the privacy guard. */
export const answerSchema = z.object({
  messageId: z.string(),
  question: z.number().int().min(0).max(QUESTION_COUNT - 1),
  author: personSchema,
  text: z.string(),
  /** The guard found an identifier: the answer is shown masked and never recalled on or made an action. */
  flagged: z.boolean(),
  /** ISO 8601. */
  at: z.string(),
});

export const PHASES = ['asking', 'finished', 'cancelled'] as const;

export const barStateSchema = z.object({
  title: z.string().min(1),
  facilitator: personSchema,
  phase: z.enum(PHASES),
  /** Index of the question being asked (or the last one asked, once finished). */
  question: z.number().int().min(0).max(QUESTION_COUNT - 1),
  answers: z.array(answerSchema),
});

export type BarState = z.infer<typeof barStateSchema>;
export type Answer = z.infer<typeof answerSchema>;
export type Phase = BarState['phase'];
