// Action ids, form ids and post keys the AAR flow sends out and expects back.

export const ACTIONS = {
  next: 'aar:next',
  finish: 'aar:finish',
  cancel: 'aar:cancel',
  save: 'aar:save',
  edit: 'aar:edit',
  drop: 'aar:drop',
  restore: 'aar:restore',
} as const;

export type ActionVerb = keyof typeof ACTIONS;

const VERBS: readonly ActionVerb[] = ['next', 'finish', 'cancel', 'save', 'edit', 'drop', 'restore'];

export function verbOf(action: string): ActionVerb | null {
  return VERBS.find((verb) => ACTIONS[verb] === action) ?? null;
}

export const EDIT_LESSON_FORM = 'aar:edit-lesson';
/** Where the adapter returns FormSpec.value in a form submission's fields. */
export { FORM_VALUE_FIELD } from '../../src/core/card';
export const TITLE_FIELD = 'title';
export const RECOMMENDATION_FIELD = 'recommendation';
export const TITLE_MAX_LENGTH = 150;
/** A recommendation is a few paragraphs: the same limit as a lesson's text in the library. */
export const RECOMMENDATION_MAX_LENGTH = 3000;

export const KEYS = {
  overview: 'overview',
  summary: 'summary',
  question: (index: number): string => `question-${index}`,
} as const;
