// What every review stores: its title, facilitator, the question it is on and the answers so far.
import { z } from 'zod';
import { personSchema } from '../../src/core/schemas';

/** One reply in the thread; `text` is already masked by the privacy guard. */
export function answerSchemaFor(questionCount: number) {
  return z.object({
    messageId: z.string(),
    question: z.number().int().min(0).max(questionCount - 1),
    author: personSchema,
    text: z.string(),
    /** The guard found an identifier: the answer is shown masked and the review never uses it. */
    flagged: z.boolean(),
    /** ISO 8601. */
    at: z.string(),
  });
}

export type Answer = z.infer<ReturnType<typeof answerSchemaFor>>;

/** The fields every review's state schema starts with; each adds its own phases and anything else it keeps. */
export function reviewStateFields(questionCount: number) {
  return {
    title: z.string().min(1),
    facilitator: personSchema,
    /** Index of the question being asked (or the last one asked, once the questions are over). */
    question: z.number().int().min(0).max(questionCount - 1),
    answers: z.array(answerSchemaFor(questionCount)),
  };
}
