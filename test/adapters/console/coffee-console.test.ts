// The console sandbox's pieces for Randomised Coffee Trials: select and checkbox questions, and group messages.
import { card, type FormSpec } from '../../../src/core/card';
import type { Inbound, Place } from '../../../src/core/model';
import { play, type Reaction } from './harness';

const general: Place = { platform: 'console', tenant: 'local', channel: 'general' };

const setup: FormSpec = {
  id: 'coffee:setup',
  title: 'Randomised Coffee Trials',
  submitLabel: 'Save',
  fields: [
    {
      id: 'everyWeeks',
      label: 'How often',
      kind: 'select',
      value: '2',
      options: [
        { value: '1', label: 'Every week' },
        { value: '2', label: 'Every 2 weeks' },
        { value: '4', label: 'Every 4 weeks' },
      ],
      hint: 'How often a new round of matches starts.',
    },
    {
      id: 'weekday',
      label: 'Day',
      kind: 'select',
      options: [
        { value: '1', label: 'Monday' },
        { value: '2', label: 'Tuesday' },
      ],
    },
    { id: 'groupSize', label: 'Group size', kind: 'select', value: '2', options: [{ value: '2', label: 'Pairs' }, { value: '3', label: 'Groups of three' }] },
    { id: 'reminder', label: 'Midway reminder', kind: 'checkbox', value: 'true' },
    { id: 'feedback', label: 'Ask whether people met', kind: 'checkbox', value: 'false' },
    { id: 'prompts', label: 'Conversation prompts', kind: 'checkbox' },
  ],
};

const opensSetup: Reaction = async (event, chat) => {
  if (event.kind === 'command' && event.trigger) await chat.openForm?.(event.trigger, general, setup);
};

function forms(events: Inbound[]): Extract<Inbound, { kind: 'form' }>[] {
  return events.flatMap((e) => (e.kind === 'form' ? [e] : []));
}

describe('console forms with choices', () => {
  it('asks a select as a numbered list and a checkbox as yes or no', async () => {
    const box = await play(['/coffee setup'], opensSetup);
    const out = box.output();
    for (const line of ['(1 of 6) How often', '1. Every week', '2. Every 2 weeks', '3. Every 4 weeks', 'How often a new round of matches starts.']) {
      expect(out).toContain(line);
    }
    expect(out).toContain('Now: Every 2 weeks  (press Enter to keep it)');
    expect(out).toContain('Type the number or the name of your choice.');
    expect(forms(box.handler.events)).toHaveLength(0);
  });

  it('takes a number, a name in any case, Enter to keep, and yes or no', async () => {
    const box = await play(['/coffee setup', '3', 'tuesday', '', '', 'y', 'NO'], opensSetup);
    expect(forms(box.handler.events)).toEqual([
      expect.objectContaining({
        form: 'coffee:setup',
        fields: { everyWeeks: '4', weekday: '2', groupSize: '2', reminder: 'true', feedback: 'true', prompts: 'false', _value: '' },
      }),
    ]);
    const out = box.output();
    expect(out).toContain('Answer yes or no.');
    expect(out).toContain('Now: yes  (press Enter to keep it)');
    expect(out).toContain('Now: no  (press Enter to keep it)');
  });

  it('asks again for a choice that is not on the list, a missing choice, or an answer that is not yes or no', async () => {
    const box = await play(['/coffee setup', '7', 'fortnightly', '', '', 'Monday', '', 'maybe', '', '', ''], opensSetup);
    const out = box.output();
    expect(out).toContain('Please type a number from 1 to 3, or one of the names.');
    expect(out).toContain('This one is needed. Please choose one.');
    expect(out).toContain('Please answer yes or no.');
    expect(forms(box.handler.events)).toEqual([
      expect.objectContaining({
        fields: { everyWeeks: '2', weekday: '1', groupSize: '2', reminder: 'true', feedback: 'false', prompts: 'false', _value: '' },
      }),
    ]);
  });
});

describe('console group messages', () => {
  it('opens one group per set of people and labels its messages with who is in it', async () => {
    const places: Place[] = [];
    const react: Reaction = async (event, chat) => {
      if (event.kind !== 'command' || !chat.openGroup) return;
      const sam = { platform: 'console', tenant: 'local', id: 'sam', name: 'Sam' } as const;
      const priya = { platform: 'console', tenant: 'local', id: 'priya', name: 'Priya' } as const;
      places.push(await chat.openGroup([sam, priya]), await chat.openGroup([priya, sam]));
      await chat.post(places[0] ?? general, card('Sam, meet Priya. You have 2 weeks to find half an hour.'));
    };
    const box = await play(['/coffee join'], react);
    expect(places).toEqual([
      { platform: 'console', tenant: 'local', channel: 'group:priya,sam' },
      { platform: 'console', tenant: 'local', channel: 'group:priya,sam' },
    ]);
    expect(box.output()).toContain('Mobilise · private group: Priya, Sam');
    expect(box.output()).toContain('Sam, meet Priya.');
  });
});
