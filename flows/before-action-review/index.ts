// The Before Action Review flow: four questions in a thread, past lessons recalled for question 2, actions from question 4.
import type { Flow } from '../../src/core/flow';
import { answerCollection } from '../shared/answer-collection';
import { addReply, onEvent } from './flow';
import { startReview } from './start';
import { helpCard } from './start-messages';
import { barRestSchema, barStateSchema, type BarState } from './state';

export const beforeActionReview: Flow<BarState> = {
  id: 'before-action-review',
  version: 1,
  command: 'bar',
  help: helpCard,
  stateSchema: barStateSchema,
  start: startReview,
  on: onEvent,
  collection: answerCollection(barRestSchema, addReply),
};

export type { BarState } from './state';
export { ACTIONS, KEYS } from './ids';
export { DEFAULT_DUE_DAYS, TIME_ZONE } from './action-drafts';
