// The value a "Did you meet?" button carries, and the one on "Add a comment": read back at the boundary.
import { z } from 'zod';

export const MEETING_ANSWERS = ['yes', 'not-yet', 'could-not'] as const;
export type MeetingAnswer = (typeof MEETING_ANSWERS)[number];

/** Which programme and round a comment belongs to. */
export const feedbackTargetSchema = z.object({
  programme: z.string().min(1),
  round: z.number().int().nonnegative(),
});

export const feedbackAnswerSchema = feedbackTargetSchema.extend({ answer: z.enum(MEETING_ANSWERS) });

export type FeedbackTarget = z.infer<typeof feedbackTargetSchema>;
export type FeedbackAnswer = z.infer<typeof feedbackAnswerSchema>;

function parsedJson(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** A button value, or undefined when it is missing or not one of ours. */
export function readFeedbackAnswer(value: string | undefined): FeedbackAnswer | undefined {
  const parsed = feedbackAnswerSchema.safeParse(parsedJson(value));
  return parsed.success ? parsed.data : undefined;
}

/** The value of the comment button or form, or undefined when it is missing or not one of ours. */
export function readFeedbackTarget(value: string | undefined): FeedbackTarget | undefined {
  const parsed = feedbackTargetSchema.safeParse(parsedJson(value));
  return parsed.success ? parsed.data : undefined;
}

export function feedbackTargetValue(target: FeedbackTarget): string {
  return JSON.stringify({ programme: target.programme, round: target.round });
}

export function feedbackAnswerValue(answer: FeedbackAnswer): string {
  return JSON.stringify({ programme: answer.programme, round: answer.round, answer: answer.answer });
}
