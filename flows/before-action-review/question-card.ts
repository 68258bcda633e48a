// One BAR question in the thread, open (with buttons for the facilitator) or closed.
import type { Block, Card } from '../../src/core/card';
import * as shared from '../shared/question-card';
import { ACTIONS } from './ids';
import { LEARNING_QUESTION, QUESTION_COUNT, questionAt } from './questions';

const DECK: shared.QuestionDeck = { count: QUESTION_COUNT, questionAt, actions: ACTIONS };

/** Question 2 introduces the past lessons the engine posts straight after it. */
const RECALL_NOTE =
  'Below are lessons from the shared library that look relevant, with the people who contributed them: ' +
  "they've done something like this before.";

export function openQuestionCard(index: number): Card {
  const recall: Block[] = index === LEARNING_QUESTION ? [{ type: 'paragraph', text: RECALL_NOTE }] : [];
  return shared.openQuestionCard(DECK, index, recall);
}

export function closedQuestionCard(index: number, answers: number, cancelled = false): Card {
  return shared.closedQuestionCard(DECK, index, answers, cancelled);
}
