// The three forms of an action: adding one, saying it is done, and giving it a new date.
import type { FormSpec } from '../../core/card';
import { ACTION_FIELDS, ACTION_FORMS, ACTION_TEXT_MAX, EVIDENCE_MAX } from './ids';

const DATE_HINT = 'For example: 12 December, 2026-12-12, in 2 weeks or Friday.';

/** `value` carries the lesson id back with the answers. */
export function addActionForm(lessonId: string, recommendation: string, ownerId: string): FormSpec {
  return {
    id: ACTION_FORMS.add,
    title: 'Add an action',
    submitLabel: 'Save action',
    value: lessonId,
    fields: [
      {
        id: ACTION_FIELDS.text,
        label: 'What will be done?',
        value: recommendation.slice(0, ACTION_TEXT_MAX),
        multiline: true,
        maxLength: ACTION_TEXT_MAX,
        hint: 'Please leave out anything that could identify a patient.',
      },
      { id: ACTION_FIELDS.owner, label: 'Who owns it?', kind: 'person', value: ownerId },
      { id: ACTION_FIELDS.due, label: 'When is it due?', hint: `${DATE_HINT} I'll check in with the owner that morning.` },
    ],
  };
}

export function evidenceForm(actionId: string): FormSpec {
  return {
    id: ACTION_FORMS.done,
    title: 'Action done',
    submitLabel: 'Save',
    value: actionId,
    fields: [
      {
        id: ACTION_FIELDS.evidence,
        label: 'What shows it was done?',
        maxLength: EVIDENCE_MAX,
        hint: 'One line or a link. It is kept with the lesson as evidence that it was applied.',
      },
    ],
  };
}

export function redateForm(actionId: string): FormSpec {
  return {
    id: ACTION_FORMS.later,
    title: 'Not done yet',
    submitLabel: 'Save date',
    value: actionId,
    fields: [{ id: ACTION_FIELDS.due, label: 'When will it be done by?', hint: DATE_HINT }],
  };
}
