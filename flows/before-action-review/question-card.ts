// One question in the thread, open (with buttons for the facilitator) or closed.
import { card, type Block, type Button, type Card } from '../../src/core/card';
import { countOf } from '../after-action-review/wording';
import { ACTIONS } from './ids';
import { LAST_QUESTION, LEARNING_QUESTION, QUESTION_COUNT, questionAt } from './questions';

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

/** Question 2 introduces the past lessons the engine posts straight after it. */
const RECALL_NOTE =
  'Below are lessons from the shared library that look relevant, with the people who contributed them: ' +
  "they've done something like this before.";

export function openQuestionCard(index: number): Card {
  const question = questionAt(index);
  const recall: Block[] = index === LEARNING_QUESTION ? [{ type: 'paragraph', text: RECALL_NOTE }] : [];
  return card(
    `${heading(index)}: ${question.prompt}`,
    { type: 'heading', text: heading(index) },
    { type: 'paragraph', text: question.prompt },
    ...recall,
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
