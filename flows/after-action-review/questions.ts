// The four AAR questions, in the order the thread asks them.
import { questionFrom, type ReviewQuestion } from '../shared/question-card';

export type AarQuestion = ReviewQuestion;

export const QUESTIONS: readonly AarQuestion[] = [
  {
    prompt: 'What did we expect to happen?',
    hint: 'Think about the plan, the aim, or what good would have looked like.',
  },
  {
    prompt: 'What actually happened? What went well, and what could have gone better?',
    hint: 'Stick to what people saw and did, not who was at fault.',
  },
  {
    prompt: 'Why was there a difference between what we expected and what happened?',
    hint: 'Look for causes in systems, processes and conditions, not just people.',
  },
  {
    prompt: 'What have we learnt, and what will we do differently next time?',
    hint: 'Each reply here becomes a proposed lesson, so please give one lesson per reply.',
  },
];

export const QUESTION_COUNT = QUESTIONS.length;
export const LAST_QUESTION = QUESTION_COUNT - 1;
/** Answers to this question become proposed lessons. */
export const LESSON_QUESTION = 3;
export const EXPECTATION_QUESTION = 0;
export const OBSERVATION_QUESTION = 1;
export const REASON_QUESTION = 2;

export function questionAt(index: number): AarQuestion {
  return questionFrom(QUESTIONS, index, 'AAR');
}
