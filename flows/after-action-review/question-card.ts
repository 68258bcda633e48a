// One AAR question in the thread, open (with buttons for the facilitator) or closed.
import type { Card } from '../../src/core/card';
import * as shared from '../shared/question-card';
import { ACTIONS } from './ids';
import { QUESTION_COUNT, questionAt } from './questions';

const DECK: shared.QuestionDeck = { count: QUESTION_COUNT, questionAt, actions: ACTIONS };

export function openQuestionCard(index: number): Card {
  return shared.openQuestionCard(DECK, index);
}

export function closedQuestionCard(index: number, answers: number, cancelled = false): Card {
  return shared.closedQuestionCard(DECK, index, answers, cancelled);
}
