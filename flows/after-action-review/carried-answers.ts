// The answers to questions 2 and 3 a proposed lesson carries as its observation and reason, and how the summary numbers them.
import { sharesWords } from '../shared/shared-words';
import { OBSERVATION_QUESTION, REASON_QUESTION } from './questions';
import type { Answer } from './state';

/** The answers a lesson may carry, in the summary's order; an answer's number is its place here, from 1. */
export function carriableAnswers(answers: readonly Answer[]): Answer[] {
  return [OBSERVATION_QUESTION, REASON_QUESTION].flatMap((q) => answers.filter((a) => a.question === q));
}

/** The summary's number for an answer, if a lesson may carry it. */
export function answerNumber(answers: readonly Answer[], messageId: string): number | undefined {
  const i = carriableAnswers(answers).findIndex((a) => a.messageId === messageId);
  return i < 0 ? undefined : i + 1;
}

/**
 * What a lesson carries: the facilitator's choice if there is one, else every answer that shares a meaningful word
 * with the lesson's own words, other than the review title's (every answer is about that). Held-back answers never; a
 * chosen answer that has since gone is simply left out.
 */
export function carriedAnswers(answers: readonly Answer[], lessonText: string, chosen: readonly string[] | undefined, title = ''): Answer[] {
  const usable = carriableAnswers(answers).filter((a) => !a.flagged);
  if (chosen) return usable.filter((a) => chosen.includes(a.messageId));
  return usable.filter((a) => sharesWords(lessonText, a.text, title));
}
