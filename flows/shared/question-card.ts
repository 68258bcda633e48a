// One question in a review's thread, open (with buttons for the facilitator) or closed; each review passes in its questions and button ids.
import { card, type Block, type Button, type Card } from '../../src/core/card';
import { countOf } from './wording';

export interface ReviewQuestion {
  prompt: string;
  /** A nudge shown under the question. */
  hint: string;
}

export interface QuestionDeck {
  count: number;
  questionAt(index: number): ReviewQuestion;
  actions: { next: string; finish: string; cancel: string };
}

/** The question at `index`, or a RangeError naming the review. */
export function questionFrom<Q>(questions: readonly Q[], index: number, review: string): Q {
  const question = questions[index];
  if (!question) throw new RangeError(`No ${review} question ${index}`);
  return question;
}

function heading(deck: QuestionDeck, index: number): string {
  return `Question ${index + 1} of ${deck.count}`;
}

function buttonsFor(deck: QuestionDeck, index: number): Button[] {
  // The value carries the question, so a late or double press cannot skip the next one.
  const value = String(index);
  const move: Button =
    index === deck.count - 1
      ? { action: deck.actions.finish, label: 'Finish', value, style: 'primary' }
      : { action: deck.actions.next, label: 'Next question', value, style: 'primary' };
  return [move, { action: deck.actions.cancel, label: 'Cancel', value, style: 'danger' }];
}

/** A value that is no question's number: it matches none, so the press is answered as stale and changes nothing. */
const NO_QUESTION = -1;

/** The question card a button was pressed on, read back from its value; null for a button without one (the summary's). */
export function pressedOnQuestion(value: string | undefined): number | null {
  if (value === undefined) return null;
  return /^\d{1,4}$/.test(value) ? Number(value) : NO_QUESTION;
}

/** `extra` goes between the question and its hint. */
export function openQuestionCard(deck: QuestionDeck, index: number, extra: readonly Block[] = []): Card {
  const question = deck.questionAt(index);
  return card(
    `${heading(deck, index)}: ${question.prompt}`,
    { type: 'heading', text: heading(deck, index) },
    { type: 'paragraph', text: question.prompt },
    ...extra,
    { type: 'context', text: `${question.hint} Reply in this thread.` },
    { type: 'buttons', buttons: buttonsFor(deck, index) },
  );
}

export function closedQuestionCard(deck: QuestionDeck, index: number, answers: number, cancelled: boolean): Card {
  const question = deck.questionAt(index);
  const status = cancelled ? 'Review cancelled' : 'Closed';
  const count = answers === 0 ? 'no answers' : countOf(answers, 'answer');
  return card(
    `${heading(deck, index)}: ${question.prompt} (${status.toLowerCase()})`,
    { type: 'heading', text: heading(deck, index) },
    { type: 'paragraph', text: question.prompt },
    { type: 'context', text: `${status} — ${count}` },
  );
}
