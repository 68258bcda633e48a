// Select menus, checkboxes and hints in Slack modals, and reading them back from a view_submission.
import type { types } from '@slack/bolt';
import type { FormField, FormSpec } from '../../../src/core/card';
import type { Place } from '../../../src/core/model';
import { viewToInbound } from '../../../adapters/slack/inbound/form';
import { renderModal } from '../../../adapters/slack/modal';

const place: Place = { platform: 'slack', tenant: 'T1', channel: 'C1' };

const often: FormField = {
  id: 'everyWeeks',
  label: 'How often',
  kind: 'select',
  value: '2',
  options: [
    { value: '1', label: 'Every week' },
    { value: '2', label: 'Every 2 weeks' },
  ],
  hint: 'How often a new round of matches starts.',
};
const reminder: FormField = { id: 'reminder', label: 'Midway reminder', kind: 'checkbox', value: 'true' };

function form(...fields: FormField[]): FormSpec {
  return { id: 'coffee:setup', title: 'Coffee', submitLabel: 'Save', fields };
}

function inputs(spec: FormSpec): types.InputBlock[] {
  const blocks = renderModal(place, spec).blocks;
  const found = blocks.filter((block): block is types.InputBlock => block.type === 'input');
  expect(found).toHaveLength(blocks.length);
  return found;
}

function element<T extends types.InputBlockElement['type']>(
  block: types.InputBlock | undefined,
  type: T,
): Extract<types.InputBlockElement, { type: T }> {
  if (block?.element.type !== type) throw new Error(`expected a ${type}`);
  return block.element as Extract<types.InputBlockElement, { type: T }>;
}

describe('form inputs in a modal', () => {
  it('renders a select as a static_select with the current value picked, and the hint under it', () => {
    const [block] = inputs(form(often));
    const option1 = { text: { type: 'plain_text', text: 'Every week', emoji: true }, value: '1' };
    const option2 = { text: { type: 'plain_text', text: 'Every 2 weeks', emoji: true }, value: '2' };
    expect(block).toEqual({
      type: 'input',
      block_id: 'everyWeeks',
      label: { type: 'plain_text', text: 'How often', emoji: true },
      hint: { type: 'plain_text', text: 'How often a new round of matches starts.', emoji: true },
      optional: false,
      element: {
        type: 'static_select',
        action_id: 'everyWeeks',
        placeholder: { type: 'plain_text', text: 'Choose one', emoji: true },
        options: [option1, option2],
        initial_option: option2,
      },
    });
  });

  it('picks nothing when the value is not one of the options', () => {
    const select = element(inputs(form({ ...often, value: '9' }))[0], 'static_select');
    expect(select).not.toHaveProperty('initial_option');
  });

  it('renders a checkbox as one optional "Yes" box, ticked when the value is true', () => {
    const [ticked, unticked] = inputs(form(reminder, { ...reminder, id: 'feedback', value: 'false' }));
    const box = { text: { type: 'plain_text', text: 'Yes', emoji: true }, value: 'true' };
    expect(ticked).toEqual({
      type: 'input',
      block_id: 'reminder',
      label: { type: 'plain_text', text: 'Midway reminder', emoji: true },
      // Slack would otherwise refuse to send the form with the box unticked.
      optional: true,
      element: { type: 'checkboxes', action_id: 'reminder', options: [box], initial_options: [box] },
    });
    expect(element(unticked, 'checkboxes')).not.toHaveProperty('initial_options');
  });

  it("keeps text fields as they were, with the hint given and the field's limit", () => {
    const [block] = inputs(form({ id: 'timeZone', label: 'Time zone', value: 'Europe/London', maxLength: 64, hint: 'A place name' }));
    expect(block).toEqual({
      type: 'input',
      block_id: 'timeZone',
      label: { type: 'plain_text', text: 'Time zone', emoji: true },
      hint: { type: 'plain_text', text: 'A place name Up to 64 characters.', emoji: true },
      optional: false,
      element: { type: 'plain_text_input', action_id: 'timeZone', initial_value: 'Europe/London', max_length: 64 },
    });
  });

  it("tells a text field's limit even without a hint, never above what Slack allows, and none for a choice", () => {
    const [long] = inputs(form({ id: 'text', label: 'What will be done?', maxLength: 5000, multiline: true }));
    expect(long?.hint).toEqual({ type: 'plain_text', text: 'Up to 3,000 characters.', emoji: true });
    const [choice] = inputs(form({ ...often, maxLength: 10 }));
    expect(choice?.hint).toEqual({ type: 'plain_text', text: 'How often a new round of matches starts.', emoji: true });
  });

  it('keeps within Slack limits: option text is cut to 75 characters and the initial option still matches', () => {
    const long = 'A very long option label that goes on and on & on past what a Slack menu can show';
    const select = element(inputs(form({ ...often, value: 'x', options: [{ value: 'x', label: long }] }))[0], 'static_select');
    const text = select.options?.[0]?.text.text ?? '';
    expect(text.length).toBeLessThanOrEqual(75);
    expect(text.endsWith('…')).toBe(true);
    expect(select.initial_option).toEqual(select.options?.[0]);
  });

  it('allows 100 options and refuses 101, or none', () => {
    const options = (n: number) => Array.from({ length: n }, (_, i) => ({ value: String(i), label: `Option ${i}` }));
    expect(element(inputs(form({ ...often, options: options(100) }))[0], 'static_select').options).toHaveLength(100);
    expect(() => renderModal(place, form({ ...often, options: options(101) }))).toThrow(RangeError);
    expect(() => renderModal(place, form({ ...often, options: [] }))).toThrow(RangeError);
  });

  it('refuses an option value Slack would not take back unchanged', () => {
    expect(() => renderModal(place, form({ ...often, options: [{ value: 'v'.repeat(151), label: 'Long' }] }))).toThrow(RangeError);
    expect(() => renderModal(place, form({ ...often, options: [{ value: '', label: 'Empty' }] }))).toThrow(RangeError);
  });
});

/** What Slack sends when a modal is submitted, with state as its elements report it. */
function submission(values: Record<string, Record<string, Record<string, unknown>>>): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: 'T1' },
    user: { id: 'U1', name: 'alex', team_id: 'T1' },
    view: { id: 'V7', callback_id: 'coffee:setup', private_metadata: JSON.stringify({ place }), state: { values } },
  };
}

describe('reading a submitted form', () => {
  it('reads a select, ticked and unticked checkboxes and text into fields', () => {
    const picked = { text: { type: 'plain_text', text: 'Every week' }, value: '1' };
    const event = viewToInbound(
      submission({
        everyWeeks: { everyWeeks: { type: 'static_select', selected_option: picked } },
        weekday: { weekday: { type: 'static_select', selected_option: null } },
        reminder: { reminder: { type: 'checkboxes', selected_options: [{ text: { type: 'plain_text', text: 'Yes' }, value: 'true' }] } },
        feedback: { feedback: { type: 'checkboxes', selected_options: [] } },
        timeZone: { timeZone: { type: 'plain_text_input', value: 'Europe/London' } },
        notes: { notes: { type: 'plain_text_input', value: null } },
      }),
    );
    expect(event).toMatchObject({
      kind: 'form',
      form: 'coffee:setup',
      fields: { everyWeeks: '1', weekday: '', reminder: 'true', feedback: 'false', timeZone: 'Europe/London', notes: '' },
      place,
      deliveryId: 'slack:view:V7',
    });
  });

  it('reads back what renderModal offered: the picked option value and the ticked box', () => {
    const [select, box] = inputs(form(often, reminder));
    const chosen = element(select, 'static_select').options?.[0];
    const ticked = element(box, 'checkboxes').options;
    const event = viewToInbound(
      submission({
        everyWeeks: { everyWeeks: { type: 'static_select', selected_option: chosen } },
        reminder: { reminder: { type: 'checkboxes', selected_options: ticked } },
      }),
    );
    expect(event?.kind === 'form' ? event.fields : undefined).toEqual({ everyWeeks: '1', reminder: 'true' });
  });
});
