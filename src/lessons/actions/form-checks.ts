// What the three action forms accept, checked while the form is still open; the handlers read answers the same way.
import type { FieldProblem, FormCheck, FormChecks } from '../../core/form-check';
import { readDay, type DayOptions } from '../../dates/day';
import { textProblems } from '../../privacy/field-problem';
import { ACTION_FIELDS, ACTION_FORMS, ACTION_TEXT_MAX, ACTION_TIME_ZONE, EVIDENCE_MAX } from './ids';

function dueProblems(value: string, now: Date, options: DayOptions): FieldProblem[] {
  const due = readDay(value, now, ACTION_TIME_ZONE, options);
  return due.ok ? [] : [{ field: ACTION_FIELDS.due, message: due.problem }];
}

export const checkNewAction: FormCheck = (fields, now) => [
  ...textProblems(ACTION_FIELDS.text, fields[ACTION_FIELDS.text] ?? '', { label: 'What will be done', max: ACTION_TEXT_MAX, missing: 'Please say what will be done.' }),
  ...dueProblems(fields[ACTION_FIELDS.due] ?? '', now, { todayAllowed: true }),
];

export const checkEvidence: FormCheck = (fields) =>
  textProblems(ACTION_FIELDS.evidence, fields[ACTION_FIELDS.evidence] ?? '', {
    label: 'What shows it was done',
    max: EVIDENCE_MAX,
    missing: 'Please give one line, or a link, that shows it was done.',
  });

export const checkNewDate: FormCheck = (fields, now) => dueProblems(fields[ACTION_FIELDS.due] ?? '', now, { todayAllowed: false });

export const ACTION_FORM_CHECKS: FormChecks = {
  [ACTION_FORMS.add]: checkNewAction,
  [ACTION_FORMS.done]: checkEvidence,
  [ACTION_FORMS.later]: checkNewDate,
};
