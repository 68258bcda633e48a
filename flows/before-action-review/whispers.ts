// Messages only one person sees in a BAR: who may do what, stale buttons, and answers held back by the guard.
import type { Card } from '../../src/core/card';
import type { Person } from '../../src/core/model';
import type { Finding } from '../../src/privacy';
import * as shared from '../shared/whispers';
import { ACTION_QUESTION, QUESTION_COUNT } from './questions';

export { answerNowClearCard, onlyFacilitatorButtonsCard, onlyFacilitatorMovesCard } from '../shared/whispers';

export function alreadyOnQuestionCard(current: number): Card {
  return shared.alreadyOnQuestionCard(current, QUESTION_COUNT);
}

export function alreadyRunningCard(title: string, facilitator: Person): Card {
  return shared.alreadyRunningCard('a Before Action Review', title, facilitator);
}

/** What a held-back answer misses out on, in the words of the question it answered. */
function leftOut(question: number): string {
  return question === ACTION_QUESTION ? "it won't become an action" : "it won't be used to find past lessons or shared anywhere else";
}

export function answerHeldBackCard(question: number, masked: string, findings: readonly Finding[]): Card {
  return shared.answerHeldBackCard(question, masked, findings, leftOut(question));
}
