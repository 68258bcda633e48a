// Checking a submitted form's answers before it is accepted, so the person fixes one answer instead of starting again.
import type { FormSpec } from './card';

/** What is wrong with one answer, said under that field. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Reads a form's answers without I/O (no store, no clock but `now`), so an adapter can answer while the form is still
 * open (Slack's `response_action: errors`, a Teams card shown again, the sandbox asking one question again). The
 * service that receives the form checks it again on its own, since a platform may let a form through unchecked.
 */
export type FormCheck = (fields: Readonly<Record<string, string>>, now: Date) => FieldProblem[];

/** Each form's check, by form id. */
export type FormChecks = Readonly<Record<string, FormCheck>>;

/** What adapters are given: the problems with a submission, empty when it may go ahead or the form has no check. */
export interface FormChecker {
  check(form: string, fields: Readonly<Record<string, string>>): FieldProblem[];
}

export function formChecker(owners: readonly { formChecks?: FormChecks }[], now: () => Date): FormChecker {
  const checks = new Map<string, FormCheck>();
  for (const owner of owners) {
    for (const [id, check] of Object.entries(owner.formChecks ?? {})) {
      if (checks.has(id)) throw new Error(`two checks for form ${id}`);
      checks.set(id, check);
    }
  }
  return { check: (form, fields) => checks.get(form)?.(fields, now()) ?? [] };
}

/** A problem with the answer of `field`, if it is over `max` characters (after trimming), in words people use. */
export function tooLong(field: string, label: string, value: string, max: number): FieldProblem[] {
  const length = value.trim().length;
  if (length <= max) return [];
  return [{ field, message: `${label} can be up to ${max.toLocaleString('en-GB')} characters, and this has ${length.toLocaleString('en-GB')}. Please shorten it.` }];
}

/** The form as it was filled in: every field showing what was typed, and the problem under the fields that have one. */
export function formWithProblems(form: FormSpec, fields: Readonly<Record<string, string>>, problems: readonly FieldProblem[]): FormSpec {
  return {
    ...form,
    fields: form.fields.map((field) => {
      const typed = fields[field.id];
      const problem = problems.filter((p) => p.field === field.id).map((p) => p.message).join(' ');
      return { ...field, ...(typed === undefined ? {} : { value: typed }), ...(problem === '' ? {} : { problem }) };
    }),
  };
}

/** Problems as sentences naming their field, for a message after the form has gone (e.g. a whisper). */
export function problemsInWords(problems: readonly FieldProblem[], labels: Readonly<Record<string, string>>): string[] {
  return problems.map((p) => {
    const label = labels[p.field];
    if (label === undefined || p.message.startsWith(label)) return p.message;
    // "Day: please choose…", but "I", an acronym or a quote stays as it is.
    const message = /^(\p{Lu}\p{Ll}|A\s)/u.test(p.message) ? p.message.charAt(0).toLowerCase() + p.message.slice(1) : p.message;
    return `${label}: ${message}`;
  });
}
