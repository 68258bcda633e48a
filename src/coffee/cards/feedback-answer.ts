// The value a "Did you meet?" button carries, and the one on "Add a comment": read back at the boundary.
import { z } from 'zod';
import { jsonValue, valueParts } from '../../core/button-value';

export const MEETING_ANSWERS = ['yes', 'not-yet', 'could-not'] as const;
export type MeetingAnswer = (typeof MEETING_ANSWERS)[number];

/** Which programme and round a comment belongs to. */
// Strict: a value with anything Mobilise did not write in it is not one of ours.
export const feedbackTargetSchema = z.strictObject({
  programme: valueParts.id,
  round: valueParts.count,
});

export const feedbackAnswerSchema = feedbackTargetSchema.extend({ answer: z.enum(MEETING_ANSWERS) });

export type FeedbackTarget = z.infer<typeof feedbackTargetSchema>;
export type FeedbackAnswer = z.infer<typeof feedbackAnswerSchema>;

/** The comment button's value and the comment form's, as written by feedbackTargetValue. */
export const feedbackTargetValueSchema = jsonValue(feedbackTargetSchema);

/** The value of a "Did you meet?" button, as written by feedbackAnswerValue. */
export const feedbackAnswerValueSchema = jsonValue(feedbackAnswerSchema);

export function feedbackTargetValue(target: FeedbackTarget): string {
  return JSON.stringify({ programme: target.programme, round: target.round });
}

export function feedbackAnswerValue(answer: FeedbackAnswer): string {
  return JSON.stringify({ programme: answer.programme, round: answer.round, answer: answer.answer });
}
