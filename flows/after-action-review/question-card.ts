// One question in the thread, open (with buttons for the facilitator) or closed.
import { card, type Button, type Card } from '../../src/core/card';
import { ACTIONS } from './ids';
import { LAST_QUESTION, QUESTION_COUNT, questionAt } from './questions';
import { countOf } from './wording';

function heading(index: number): string {
  return `Question ${index + 1} of ${QUESTION_COUNT}`;
}

function buttonsFor(index: number): Button[] {
  // The value carries the question, so a late or double press cannot skip the next one.
  const value = String(index);
  const move: Button =
    index === LAST_QUESTION
      ? { action: ACTIONS.finish, label: 'Finish', value, style: 'primary' }
      : { action: ACTIONS.next, label: 'Next question', value, style: 'primary' };
  return [move, { action: ACTIONS.cancel, label: 'Cancel', value, style: 'danger' }];
}

export function openQuestionCard(index: number): Card {
  const question = questionAt(index);
  return card(
    `${heading(index)}: ${question.prompt}`,
    { type: 'heading', text: heading(index) },
    { type: 'paragraph', text: question.prompt },
    { type: 'context', text: `${question.hint} Reply in this thread.` },
    { type: 'buttons', buttons: buttonsFor(index) },
  );
}

export function closedQuestionCard(index: number, answers: number, cancelled = false): Card {
  const question = questionAt(index);
  const status = cancelled ? 'Review cancelled' : 'Closed';
  const count = answers === 0 ? 'no answers' : countOf(answers, 'answer');
  return card(
    `${heading(index)}: ${question.prompt} (${status.toLowerCase()})`,
    { type: 'heading', text: heading(index) },
    { type: 'paragraph', text: question.prompt },
    { type: 'context', text: `${status} — ${count}` },
  );
}
