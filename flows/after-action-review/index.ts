// The After Action Review flow: four questions in a thread, then lessons for the shared library.
import type { Flow } from '../../src/core/flow';
import { answerCollection } from '../shared/answer-collection';
import { addReply, onEvent } from './flow';
import { EDIT_LESSON_FORM } from './ids';
import { checkLessonForm } from './lesson-edits';
import { startReview } from './start';
import { helpCard } from './start-messages';
import { aarRestSchema, aarStateSchema, type AarState } from './state';

export const afterActionReview: Flow<AarState> = {
  id: 'after-action-review',
  version: 1,
  command: 'aar',
  help: helpCard,
  stateSchema: aarStateSchema,
  start: startReview,
  on: onEvent,
  collection: answerCollection(aarRestSchema, addReply),
  formChecks: { [EDIT_LESSON_FORM]: checkLessonForm },
};

export type { AarState } from './state';
export { ACTIONS, EDIT_LESSON_FORM, FORM_VALUE_FIELD, KEYS } from './ids';
