// Reads back what a button or a form's submit sent: Action.Submit data, with a form's input values merged in by Teams.
import { z } from 'zod';
import { FORM_VALUE_FIELD } from '../../../src/core/card';

export type Submission =
  | { kind: 'action'; action: string; value?: string }
  /** `people`: fields whose value is a person chosen with the people picker (a Microsoft Entra object id). */
  | { kind: 'form'; form: string; fields: Record<string, string>; people?: string[]; asked?: string };

const actionSchema = z.object({ mobilise: z.literal('action'), action: z.string().min(1), value: z.string().optional() });

/** Every input Teams merges in is a string: text as typed, a toggle 'true'/'false', a choice its value, a person their id. */
const formSchema = z
  .object({
    mobilise: z.literal('form'),
    form: z.string().min(1),
    value: z.string().optional(),
    people: z.array(z.string()).optional(),
    asked: z.string().min(1).max(100).optional(),
  })
  .catchall(z.string());

const ENVELOPE = new Set(['mobilise', 'form', 'value', 'people', 'asked']);

/** Action.Submit data as it arrives in a message activity's `value` (or a dialog's `value.data`, see readDialogSubmit). */
export function readSubmission(value: unknown): Submission | undefined {
  const action = actionSchema.safeParse(value);
  if (action.success) {
    const { action: id, value: actionValue } = action.data;
    return actionValue === undefined ? { kind: 'action', action: id } : { kind: 'action', action: id, value: actionValue };
  }
  const form = formSchema.safeParse(value);
  if (!form.success) return undefined;
  // fromEntries defines own keys, so a field named __proto__ stays a field.
  const entries = Object.entries(form.data).filter((e): e is [string, string] => !ENVELOPE.has(e[0]) && typeof e[1] === 'string');
  if (form.data.value !== undefined) entries.push([FORM_VALUE_FIELD, form.data.value]);
  const fields: Record<string, string> = Object.fromEntries(entries);
  const people = form.data.people?.filter((id) => fields[id] !== undefined) ?? [];
  const { asked } = form.data;
  return { kind: 'form', form: form.data.form, fields, ...(people.length === 0 ? {} : { people }), ...(asked === undefined ? {} : { asked }) };
}

const executeSchema = z.object({ action: z.object({ type: z.literal('Action.Execute'), data: z.unknown() }) });

/** The `value` of an `adaptiveCard/action` invoke (Action.Execute): the same data, one level down. */
export function readExecute(value: unknown): Submission | undefined {
  const parsed = executeSchema.safeParse(value);
  return parsed.success ? readSubmission(parsed.data.action.data) : undefined;
}

const dialogSchema = z.object({ data: z.unknown() });

/** The `value` of a `task/submit` invoke, when a form was shown in a dialog: the same data under `data`. */
export function readDialogSubmit(value: unknown): Submission | undefined {
  const parsed = dialogSchema.safeParse(value);
  return parsed.success ? readSubmission(parsed.data.data) : undefined;
}
