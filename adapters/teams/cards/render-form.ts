// Renders a FormSpec as an Adaptive Card of inputs with one submit button (sent as a message or a dialog).
import { FORM_VALUE_FIELD, type FormField, type FormSpec } from '../../../src/core/card';
import {
  adaptiveCard,
  cardMessage,
  type CardElement,
  type CardInput,
  type ChoiceSetInput,
  type RenderContext,
  type SubmitAction,
  type TeamsCardMessage,
  type TextInput,
  type ToggleInput,
} from './adaptive-card';
import { Mentions } from './card-text';

/** Keys of the submit data (Teams merges inputs into the same object) and the key the form's value is read back under. */
export const RESERVED_FIELD_IDS: ReadonlySet<string> = new Set(['mobilise', 'form', 'value', 'people', 'asked', FORM_VALUE_FIELD]);

const MESSAGES = {
  text: 'Please fill this in.',
  select: 'Please choose one.',
  person: 'Please choose someone.',
} as const;

export function renderForm(form: FormSpec, ctx: RenderContext, asked?: string): TeamsCardMessage {
  const mentions = new Mentions(ctx);
  checkIds(form);
  const title = mentions.plain(form.title);
  const body: CardElement[] = [
    { type: 'TextBlock', text: title, wrap: true, size: 'Large', weight: 'Bolder', style: 'heading' },
    ...form.fields.flatMap((field) => fieldElements(form.id, field, mentions, ctx)),
  ];
  const data: SubmitAction['data'] = { mobilise: 'form', form: form.id };
  if (form.value !== undefined) data.value = form.value;
  const people = form.fields.filter((f) => f.kind === 'person').map((f) => f.id);
  if (people.length > 0) data.people = people;
  if (asked !== undefined) data.asked = asked;
  const submit: SubmitAction = { type: 'Action.Submit', title: form.submitLabel.trim() === '' ? 'Submit' : form.submitLabel, style: 'positive', data };
  return cardMessage(title, adaptiveCard(body, [], [submit], title));
}

function checkIds(form: FormSpec): void {
  const seen = new Set<string>();
  for (const field of form.fields) {
    if (field.id === '' || RESERVED_FIELD_IDS.has(field.id) || seen.has(field.id)) {
      throw new RangeError(`form ${form.id}: field id "${field.id}" is empty, reserved or used twice`);
    }
    seen.add(field.id);
  }
}

function fieldElements(formId: string, field: FormField, mentions: Mentions, ctx: RenderContext): CardElement[] {
  const input = renderInput(formId, field, mentions, ctx);
  const hint = hintWithLimit(field);
  const problem = field.problem?.trim() ?? '';
  return [
    input,
    ...(hint === '' ? [] : [{ type: 'TextBlock' as const, text: mentions.plain(hint), wrap: true as const, isSubtle: true as const, size: 'Small' as const, spacing: 'Small' as const }]),
    // What was wrong with the answer last sent, in the card's warning colour, right under it.
    ...(problem === '' ? [] : [{ type: 'TextBlock' as const, text: mentions.plain(problem), wrap: true as const, color: 'Attention' as const, weight: 'Bolder' as const, spacing: 'Small' as const }]),
  ];
}

/** What the field is for, and a text field's limit: some Teams clients silently stop typing at maxLength. */
function hintWithLimit(field: FormField): string {
  const hint = field.hint?.trim() ?? '';
  const limit = (field.kind ?? 'text') === 'text' && field.maxLength !== undefined ? `Up to ${field.maxLength.toLocaleString('en-GB')} characters.` : '';
  return [hint, limit].filter((part) => part !== '').join(' ');
}

function renderInput(formId: string, field: FormField, mentions: Mentions, ctx: RenderContext): CardInput {
  const label = mentions.plain(field.label);
  const kind = field.kind ?? 'text';
  switch (kind) {
    case 'checkbox':
      return toggle(field, label);
    case 'select':
      return required(field, kind, select(formId, field, label, mentions));
    case 'person':
      return required(field, kind, person(field, label, ctx));
    case 'text':
      return required(field, kind, text(field, label));
  }
}

/** An unticked box is an answer ('false'), so a toggle is never required. */
function toggle(field: FormField, label: string): ToggleInput {
  return { type: 'Input.Toggle', id: field.id, label, title: 'Yes', value: field.value === 'true' ? 'true' : 'false', valueOn: 'true', valueOff: 'false' };
}

function required<T extends CardInput>(field: FormField, kind: keyof typeof MESSAGES, input: T): T {
  if (field.optional === true) return input;
  return { ...input, isRequired: true, errorMessage: MESSAGES[kind] };
}

function text(field: FormField, label: string): TextInput {
  // value is the input's raw content, not markdown, so it is passed as it is.
  const input: TextInput = { type: 'Input.Text', id: field.id, label };
  if (field.value !== undefined && field.value !== '') input.value = field.value;
  if (field.multiline === true) input.isMultiline = true;
  if (field.maxLength !== undefined) input.maxLength = field.maxLength;
  return input;
}

function select(formId: string, field: FormField, label: string, mentions: Mentions): ChoiceSetInput {
  const options = field.options ?? [];
  if (options.length === 0) throw new RangeError(`form ${formId}: field ${field.id} has no options`);
  const choices = options.map((o) => {
    // Values come back as answers, and Teams drops a choice with an empty value.
    if (o.value === '') throw new RangeError(`form ${formId}: an option of ${field.id} has an empty value`);
    return { title: o.label.trim() === '' ? o.value : mentions.plain(o.label), value: o.value };
  });
  const input: ChoiceSetInput = { type: 'Input.ChoiceSet', id: field.id, label, style: 'compact', choices };
  // A value that is not one of the options would show as blank, so only a real one is preselected.
  if (choices.some((c) => c.value === field.value)) input.value = field.value;
  return input;
}

/** Teams' people picker; a preselected person needs a choice carrying their name, or the box shows a bare id. */
function person(field: FormField, label: string, ctx: RenderContext): ChoiceSetInput {
  const input: ChoiceSetInput = {
    type: 'Input.ChoiceSet',
    id: field.id,
    label,
    style: 'compact',
    isMultiSelect: false,
    choices: [],
    'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
  };
  const name = field.value === undefined || field.value === '' ? undefined : ctx.nameOf(field.value)?.trim();
  if (field.value !== undefined && name !== undefined && name !== '') {
    input.choices = [{ title: name, value: field.value }];
    input.value = field.value;
  }
  return input;
}
