// The AAR run's stored state, and the zod schema that checks it when it comes back from the database.
import { z } from 'zod';
import { personSchema } from '../../src/core/schemas';
import { QUESTION_COUNT } from './questions';

/** One reply in the thread; `text` is already masked by the privacy guard. */
export const answerSchema = z.object({
  messageId: z.string(),
  question: z.number().int().min(0).max(QUESTION_COUNT - 1),
  author: personSchema,
  text: z.string(),
  /** The guard found an identifier: the answer is shown masked and never used in a lesson. */
  flagged: z.boolean(),
  /** ISO 8601. */
  at: z.string(),
});

/** What the facilitator changed about one proposed lesson; the rest comes from its answer. */
export const proposalEditSchema = z.object({
  /** The answer's messageId. */
  key: z.string(),
  title: z.string().optional(),
  recommendation: z.string().optional(),
  dropped: z.boolean(),
});

export const PHASES = ['asking', 'review', 'saved', 'cancelled'] as const;

export const aarStateSchema = z.object({
  title: z.string().min(1),
  facilitator: personSchema,
  phase: z.enum(PHASES),
  /** Index of the question being asked (or the last one asked, once past 'asking'). */
  question: z.number().int().min(0).max(QUESTION_COUNT - 1),
  answers: z.array(answerSchema),
  proposalEdits: z.array(proposalEditSchema),
});

export type AarState = z.infer<typeof aarStateSchema>;
export type Answer = z.infer<typeof answerSchema>;
export type ProposalEdit = z.infer<typeof proposalEditSchema>;
export type Phase = AarState['phase'];
