// The AAR run's stored state, and the zod schema that checks it when it comes back from the database.
import { z } from 'zod';
import { reviewStateFields, type Answer } from '../shared/review-state';
import { QUESTION_COUNT } from './questions';

/** What the facilitator changed about one proposed lesson; the rest comes from its answer. */
export const proposalEditSchema = z.object({
  /** The answer's messageId. */
  key: z.string(),
  title: z.string().optional(),
  recommendation: z.string().optional(),
  dropped: z.boolean(),
  /** The messageIds of the answers to questions 2 and 3 it carries, as the facilitator chose; absent, those that share its words. */
  carried: z.array(z.string()).optional(),
});

export const PHASES = ['asking', 'review', 'saved', 'cancelled'] as const;

export const aarStateSchema = z.object({
  ...reviewStateFields(QUESTION_COUNT),
  phase: z.enum(PHASES),
  proposalEdits: z.array(proposalEditSchema),
});

export type AarState = z.infer<typeof aarStateSchema>;
export type { Answer };
export type ProposalEdit = z.infer<typeof proposalEditSchema>;
export type Phase = AarState['phase'];

/** The state without its answers, which the engine keeps as rows: what a plain reply needs. */
export const aarRestSchema = aarStateSchema.omit({ answers: true });
export type AarRest = z.infer<typeof aarRestSchema>;
