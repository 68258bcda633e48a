// The BAR run's stored state, and the zod schema that checks it when it comes back from the database.
import { z } from 'zod';
import { reviewStateFields, type Answer } from '../shared/review-state';
import { QUESTION_COUNT } from './questions';

export const PHASES = ['asking', 'finished', 'cancelled'] as const;

export const barStateSchema = z.object({
  ...reviewStateFields(QUESTION_COUNT),
  phase: z.enum(PHASES),
});

export type BarState = z.infer<typeof barStateSchema>;
export type { Answer };
export type Phase = BarState['phase'];

/** The state without its answers, which the engine keeps as rows: what a plain reply needs. */
export const barRestSchema = barStateSchema.omit({ answers: true });
export type BarRest = z.infer<typeof barRestSchema>;
