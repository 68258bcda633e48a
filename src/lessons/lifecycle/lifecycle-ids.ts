// Action and form ids of a lesson's card; each button carries the lesson's id as its value.

export const LIFECYCLE_PREFIX = 'lessons:life:';

export const LIFECYCLE_ACTIONS = {
  open: 'lessons:life:open',
  validate: 'lessons:life:validate',
  approve: 'lessons:life:approve',
  apply: 'lessons:life:apply',
  edit: 'lessons:life:edit',
  archive: 'lessons:life:archive',
  restore: 'lessons:life:restore',
  history: 'lessons:life:history',
} as const;

export type LifecycleVerb = keyof typeof LIFECYCLE_ACTIONS;

export function lifecycleVerbOf(action: string): LifecycleVerb | undefined {
  return (Object.keys(LIFECYCLE_ACTIONS) as LifecycleVerb[]).find((verb) => LIFECYCLE_ACTIONS[verb] === action);
}

/** Handled by the actions helper (src/lessons/actions); the card only offers it. */
export const ADD_ACTION = 'lessons:action:add';

export const APPLIED_FORM = 'lessons:life:applied-form';
export const EDIT_FORM = 'lessons:life:edit-form';

export const EVIDENCE_FIELD = 'evidence';
export const EDIT_FIELDS = { title: 'title', recommendation: 'recommendation', observation: 'observation', reason: 'reason', tags: 'tags' } as const;
