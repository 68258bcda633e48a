// Button, form and field ids of actions, and the outbox stream their messages go through.

export const ACTION_BUTTONS = {
  add: 'lessons:action:add',
  done: 'lessons:action:done',
  later: 'lessons:action:later',
  drop: 'lessons:action:drop',
} as const;

export const ACTION_FORMS = {
  add: 'lessons:action:new',
  done: 'lessons:action:evidence',
  later: 'lessons:action:redate',
} as const;

export const ACTION_FIELDS = { text: 'text', owner: 'owner', due: 'due', evidence: 'evidence' } as const;

/** An "Add action" value naming a lesson by the AAR proposal it was saved from, in the thread it is pressed in. */
export const DRAFT_PREFIX = 'draft:';

export const ACTION_TEXT_MAX = 500;
export const EVIDENCE_MAX = 500;

/** Days people type are read in UK time unless an action says otherwise. */
export const ACTION_TIME_ZONE = 'Europe/London';

/** One stream per action, so its messages (assignment, reminders) go out in order. */
export function actionStream(actionId: string): string {
  return `lesson-action:${actionId}`;
}
