// One FormField as a Slack input block, and a submitted input read back as that field's value.
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { FormField, FormOption } from '../../src/core/card';
import { cutEscaped } from './escape';

/** Block Kit limits for inputs (https://docs.slack.dev/reference/block-kit/blocks/input-block). */
export const INPUT_LIMITS = {
  label: 2000,
  hint: 2000,
  textMax: 3000,
  placeholder: 150,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
} as const;

/** The value of a checkbox's only option; Slack sends it back only when the box is ticked. */
const TICKED = 'true';

export function renderInput(formId: string, field: FormField): types.InputBlock {
  const block: types.InputBlock = {
    type: 'input',
    block_id: field.id,
    label: plain(field.label, INPUT_LIMITS.label),
    // An unticked box is an answer ('false'), so Slack must never insist on a tick.
    optional: field.kind === 'checkbox' || field.optional === true,
    element: renderElement(formId, field),
  };
  const hint = hintWithLimit(field);
  if (hint !== '') block.hint = plain(hint, INPUT_LIMITS.hint);
  return block;
}

/** What the field is for, and for text its limit, so people know it before Slack stops them at it. */
export function hintWithLimit(field: FormField): string {
  const hint = field.hint?.trim() ?? '';
  const max = (field.kind ?? 'text') === 'text' && field.maxLength !== undefined ? Math.min(field.maxLength, INPUT_LIMITS.textMax) : undefined;
  const limit = max === undefined ? '' : `Up to ${max.toLocaleString('en-GB')} characters.`;
  return [hint, limit].filter((part) => part !== '').join(' ');
}

function renderElement(formId: string, field: FormField): types.InputBlockElement {
  switch (field.kind ?? 'text') {
    case 'select':
      return select(formId, field);
    case 'checkbox':
      return checkbox(field);
    case 'person':
      return person(field);
    case 'text':
      return text(field);
  }
}

function person(field: FormField): types.UsersSelect {
  const element: types.UsersSelect = { type: 'users_select', action_id: field.id, placeholder: plain('Choose someone', INPUT_LIMITS.placeholder) };
  if (field.value !== undefined && field.value !== '') element.initial_user = field.value;
  return element;
}

function text(field: FormField): types.PlainTextInput {
  const element: types.PlainTextInput = { type: 'plain_text_input', action_id: field.id };
  // initial_value is an input's raw content, not display text, so it is not escaped.
  if (field.value !== undefined && field.value !== '') element.initial_value = field.value;
  if (field.multiline === true) element.multiline = true;
  if (field.maxLength !== undefined) element.max_length = Math.min(field.maxLength, INPUT_LIMITS.textMax);
  return element;
}

function select(formId: string, field: FormField): types.StaticSelect {
  const options = field.options ?? [];
  if (options.length === 0 || options.length > INPUT_LIMITS.selectOptions) {
    throw new RangeError(`form ${formId}: field ${field.id} has ${options.length} options, Slack allows 1 to ${INPUT_LIMITS.selectOptions}`);
  }
  const rendered = options.map((o) => option(formId, field, o));
  const element: types.StaticSelect = {
    type: 'static_select',
    action_id: field.id,
    placeholder: plain('Choose one', INPUT_LIMITS.placeholder),
    options: rendered,
  };
  // Slack rejects an initial_option that is not exactly one of the options.
  const initial = rendered.find((o) => o.value === field.value);
  if (initial !== undefined) element.initial_option = initial;
  return element;
}

function option(formId: string, field: FormField, o: FormOption): types.PlainTextOption {
  // Values come back as answers, so cutting one would change the answer: refuse instead.
  if (o.value === '' || o.value.length > INPUT_LIMITS.optionValue) {
    throw new RangeError(`form ${formId}: an option of ${field.id} has a value of ${o.value.length} chars, Slack allows 1 to ${INPUT_LIMITS.optionValue}`);
  }
  return { text: plain(o.label.trim() === '' ? o.value : o.label, INPUT_LIMITS.optionText), value: o.value };
}

function checkbox(field: FormField): types.Checkboxes {
  const box: types.PlainTextOption = { text: plain('Yes', INPUT_LIMITS.optionText), value: TICKED };
  const element: types.Checkboxes = { type: 'checkboxes', action_id: field.id, options: [box] };
  if (field.value === TICKED) element.initial_options = [box];
  return element;
}

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: cutEscaped(text, max), emoji: true };
}

/** One input of view.state.values, whichever element it came from. */
export const submittedInputSchema = z
  .object({
    type: z.string().optional(),
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).loose().nullish(),
    selected_options: z.array(z.object({ value: z.string() }).loose()).nullish(),
    selected_user: z.string().nullish(),
  })
  .loose();

export type SubmittedInput = z.infer<typeof submittedInputSchema>;

/** A select gives its option's value ('' when none), a checkbox 'true' or 'false', a person their user id, text what was typed. */
export function readInput(input: SubmittedInput): string {
  switch (input.type) {
    case 'static_select':
      return input.selected_option?.value ?? '';
    case 'checkboxes':
      return input.selected_options?.some((o) => o.value === TICKED) === true ? 'true' : 'false';
    case 'users_select':
      return input.selected_user ?? '';
    default:
      return input.value ?? '';
  }
}
