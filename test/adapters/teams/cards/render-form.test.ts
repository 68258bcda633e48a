// Adaptive Card forms: one input per field kind, the submit button, and what Teams sends back.
import { FORM_VALUE_FIELD, type FormSpec } from '../../../../src/core/card';
import { readSubmission, renderForm } from '../../../../adapters/teams/cards';
import { formWithProblems } from '../../../../src/core/form-check';
import { expectValidAdaptiveCard } from '../../../support/adaptive-card-check';
import { ALICE, contextWith } from './render-context';

const form: FormSpec = {
  id: 'lessons:action:add',
  title: 'Add an action',
  submitLabel: 'Save action',
  value: 'lesson-7',
  fields: [
    { id: 'text', label: 'What will be done?', value: 'Check the rota', multiline: true, maxLength: 500, hint: 'Leave out anything that could identify a patient.' },
    { id: 'due', label: 'When is it due?', optional: true },
    { id: 'size', label: 'Group size', kind: 'select', options: [{ value: '2', label: 'Pairs' }, { value: '3', label: '' }], value: '3' },
    { id: 'remind', label: 'Midway reminder', kind: 'checkbox', value: 'true' },
    { id: 'quiet', label: 'Quiet', kind: 'checkbox' },
    { id: 'owner', label: 'Who owns it?', kind: 'person', value: ALICE },
  ],
};

describe('renderForm', () => {
  it('shows what was wrong with an answer right under its field, in the warning colour, keeping the answer', () => {
    const wrong = formWithProblems(form, { due: '31 February', text: 'Check the rota' }, [{ field: 'due', message: "There's no 31 February." }]);
    const json = renderForm(wrong, contextWith()).attachments[0].content;
    expectValidAdaptiveCard(json);
    const body = json.body as { type: string; id?: string; value?: string; text?: string; color?: string }[];
    const at = body.findIndex((b) => b.id === 'due');
    expect(body[at]?.value).toBe('31 February');
    expect(body[at + 1]).toEqual({ type: 'TextBlock', text: "There's no 31 February.", wrap: true, color: 'Attention', weight: 'Bolder', spacing: 'Small' });
    expect(body.filter((b) => b.color === 'Attention')).toHaveLength(1);
  });

  it('renders one labelled input per field, hints under them, and one submit button', () => {
    const message = renderForm(form, contextWith());
    const json = message.attachments[0].content;
    expectValidAdaptiveCard(json);
    expect(message.summary).toBe('Add an action');
    expect(json.fallbackText).toBe('Add an action');
    expect(json.body).toEqual([
      { type: 'TextBlock', text: 'Add an action', wrap: true, size: 'Large', weight: 'Bolder', style: 'heading' },
      { type: 'Input.Text', id: 'text', label: 'What will be done?', value: 'Check the rota', isMultiline: true, maxLength: 500, isRequired: true, errorMessage: 'Please fill this in.' },
      { type: 'TextBlock', text: 'Leave out anything that could identify a patient. Up to 500 characters.', wrap: true, isSubtle: true, size: 'Small', spacing: 'Small' },
      { type: 'Input.Text', id: 'due', label: 'When is it due?' },
      {
        type: 'Input.ChoiceSet',
        id: 'size',
        label: 'Group size',
        style: 'compact',
        choices: [
          { title: 'Pairs', value: '2' },
          { title: '3', value: '3' },
        ],
        value: '3',
        isRequired: true,
        errorMessage: 'Please choose one.',
      },
      { type: 'Input.Toggle', id: 'remind', label: 'Midway reminder', title: 'Yes', value: 'true', valueOn: 'true', valueOff: 'false' },
      { type: 'Input.Toggle', id: 'quiet', label: 'Quiet', title: 'Yes', value: 'false', valueOn: 'true', valueOff: 'false' },
      {
        type: 'Input.ChoiceSet',
        id: 'owner',
        label: 'Who owns it?',
        style: 'compact',
        isMultiSelect: false,
        choices: [{ title: 'Alice Smith', value: ALICE }],
        'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
        value: ALICE,
        isRequired: true,
        errorMessage: 'Please choose someone.',
      },
    ]);
    expect(json.actions).toEqual([{ type: 'Action.Submit', title: 'Save action', style: 'positive', data: { mobilise: 'form', form: 'lessons:action:add', value: 'lesson-7', people: ['owner'] } }]);
  });

  it('reads back what Teams sends: the submit data with every input merged in', () => {
    const submit = renderForm(form, contextWith()).attachments[0].content.actions?.[0];
    if (submit?.type !== 'Action.Submit') throw new Error('expected a submit button');
    const data = submit.data;
    const sent = { ...data, text: 'Check the rota weekly', due: '', size: '2', remind: 'false', quiet: 'true', owner: '00000000-aad-object-id' };
    expect(readSubmission(sent)).toEqual({
      kind: 'form',
      form: 'lessons:action:add',
      fields: { text: 'Check the rota weekly', due: '', size: '2', remind: 'false', quiet: 'true', owner: '00000000-aad-object-id', [FORM_VALUE_FIELD]: 'lesson-7' },
      // The picker's answer is an Entra object id, which the adapter turns into a Teams id.
      people: ['owner'],
    });
  });

  it('leaves a people picker empty when it cannot name the person, and a select unset when its value is not an option', () => {
    const json = renderForm(
      {
        id: 'f:x',
        title: 'Pick',
        submitLabel: 'Go',
        fields: [
          { id: 'who', label: 'Who?', kind: 'person', value: '29:unknown', optional: true },
          { id: 'pick', label: 'Pick', kind: 'select', options: [{ value: 'a', label: 'A' }], value: 'zzz' },
        ],
      },
      contextWith(),
    ).attachments[0].content;
    expectValidAdaptiveCard(json);
    expect(json.body[1]).toEqual({ type: 'Input.ChoiceSet', id: 'who', label: 'Who?', style: 'compact', isMultiSelect: false, choices: [], 'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' } });
    expect(json.body[2]).not.toHaveProperty('value');
    expect(json.actions?.[0]).toMatchObject({ data: { mobilise: 'form', form: 'f:x' } });
  });

  it('shows names, not mention syntax, in labels and hints', () => {
    const json = renderForm({ id: 'f:y', title: `Thank <@${ALICE}>`, submitLabel: 'Send', fields: [{ id: 'a', label: `Note for <@${ALICE}>`, hint: `<@29:nobody-known-here-at-all-long-id> will see it` }] }, contextWith()).attachments[0].content;
    expectValidAdaptiveCard(json);
    expect(json.body.map((e) => ('label' in e ? e.label : 'text' in e ? e.text : ''))).toEqual(['Thank Alice Smith', 'Note for Alice Smith', 'someone will see it']);
    expect(json.msteams).toEqual({ width: 'Full' });
  });

  it('refuses forms Teams would submit wrongly', () => {
    const base = { id: 'f:z', title: 'T', submitLabel: 'S' };
    expect(() => renderForm({ ...base, fields: [{ id: 'value', label: 'V' }] }, contextWith())).toThrow(RangeError);
    expect(() => renderForm({ ...base, fields: [{ id: FORM_VALUE_FIELD, label: 'V' }] }, contextWith())).toThrow(RangeError);
    expect(() => renderForm({ ...base, fields: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] }, contextWith())).toThrow(RangeError);
    expect(() => renderForm({ ...base, fields: [{ id: 's', label: 'S', kind: 'select', options: [] }] }, contextWith())).toThrow(RangeError);
    expect(() => renderForm({ ...base, fields: [{ id: 's', label: 'S', kind: 'select', options: [{ value: '', label: 'Empty' }] }] }, contextWith())).toThrow(RangeError);
  });
});
