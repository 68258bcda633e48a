import type { Card, FormSpec } from '../../../src/core/card';
import { card } from '../../../src/core/card';
import type { Inbound, Place } from '../../../src/core/model';
import { isNamed } from '../../../src/core/ports';
import type { Lesson } from '../../../src/lessons/lesson';
import { play, sandbox, type Reaction } from './harness';

const general: Place = { platform: 'console', tenant: 'local', channel: 'general' };
const alex = { platform: 'console', tenant: 'local', id: 'alex', name: 'Alex' } as const;

const question: Card = card(
  'What was supposed to happen?',
  { type: 'heading', text: 'What was supposed to happen?' },
  { type: 'paragraph', text: 'Reply in this thread.' },
  { type: 'fields', fields: [{ label: 'Review', value: 'Go-live on Ward 7' }] },
  { type: 'context', text: 'Question 1 of 4' },
  {
    type: 'buttons',
    buttons: [
      { action: 'aar:next', label: 'Next question', value: 'q1' },
      { action: 'aar:cancel', label: 'Cancel', style: 'danger' },
    ],
  },
);

/** Like the engine with an anchored run: a parent in the channel, then a question in its thread. */
const opensThread: Reaction = async (event, chat) => {
  if (event.kind !== 'command') return;
  const parent = await chat.post(event.place, card(`After Action Review: ${event.text}`));
  await chat.post({ ...event.place, thread: parent.id }, question);
};

function only<K extends Inbound['kind']>(events: Inbound[], kind: K): Extract<Inbound, { kind: K }>[] {
  return events.filter((e): e is Extract<Inbound, { kind: K }> => e.kind === kind);
}

describe('console adapter', () => {
  it('turns a slash command into a command from Alex in #general', async () => {
    const box = await play(['/aar Go-live of e-prescribing on Ward 7', '/aar Second review']);
    const [first, second] = only(box.handler.events, 'command');
    expect(first).toMatchObject({
      kind: 'command',
      name: 'aar',
      text: 'Go-live of e-prescribing on Ward 7',
      from: alex,
      place: general,
    });
    expect(first?.place.thread).toBeUndefined();
    expect(first?.trigger).toEqual(expect.any(String));
    expect(first?.deliveryId).toMatch(/^console:/);
    expect(second?.deliveryId).not.toBe(first?.deliveryId);
    expect(second?.trigger).not.toBe(first?.trigger);
  });

  it('starts with a welcome that suggests a first review', async () => {
    const box = await play([]);
    expect(box.output()).toContain('/aar Go-live of e-prescribing on Ward 7');
    expect(box.output()).toContain('/as Sam');
  });

  it('switches the speaker with /as, for any name', async () => {
    const box = await play(['hello', '/as Sam', 'hi from Sam', '/as Dr Jones', '/aar Night shift handover', '/as sam', 'again']);
    const froms = box.handler.events.map((e) => ('from' in e ? e.from : undefined));
    expect(froms.map((p) => p?.id)).toEqual(['alex', 'sam', 'dr-jones', 'sam']);
    expect(froms[1]).toEqual({ platform: 'console', tenant: 'local', id: 'sam', name: 'Sam' });
    expect(froms[2]?.name).toBe('Dr Jones');
    expect(froms[3]?.name).toBe('Sam');
  });

  it('sends plain text to the channel until the bot posts in a thread, then to that thread', async () => {
    const box = await play(['before', '/aar Go-live', 'the plan was a phased go-live', 'and it slipped'], opensThread);
    const replies = only(box.handler.events, 'reply');
    expect(replies[0]?.place).toEqual(general);
    const parentId = replies[1]?.place.thread;
    expect(parentId).toEqual(expect.stringMatching(/^c\d+/));
    expect(replies[1]).toMatchObject({ text: 'the plan was a phased go-live', from: alex });
    expect(replies[2]?.place.thread).toBe(parentId);
    const ids = replies.map((r) => r.messageId);
    expect(new Set(ids).size).toBe(3);
  });

  it('lists threads, switches between them and leaves with /channel', async () => {
    const box = await play(['/aar First', '/aar Second', '/thread', '/thread 1', 'to the first', '/channel', 'to the channel'], opensThread);
    expect(box.output()).toContain('Threads:');
    const [toFirst, toChannel] = only(box.handler.events, 'reply');
    expect(toFirst?.place.thread).toMatch(/^c1-/);
    expect(toChannel?.place).toEqual(general);
  });

  it('prints cards readably and numbers their buttons', async () => {
    const box = await play(['/aar Go-live'], opensThread);
    const out = box.output();
    expect(out).toContain('WHAT WAS SUPPOSED TO HAPPEN?');
    expect(out).toContain('Review: Go-live on Ward 7');
    expect(out).toContain('[1] Next question  [2] Cancel');
    expect(out).toMatch(/#2 Mobilise · thread #1/);
  });

  it('presses a button on the latest card when a number is typed alone', async () => {
    const box = await play(['/aar Go-live', '1', '/press 2'], opensThread);
    const [next, cancel] = only(box.handler.events, 'action');
    expect(next).toMatchObject({ kind: 'action', action: 'aar:next', value: 'q1', from: alex });
    expect(next?.place.thread).toMatch(/^c1-/);
    expect(next?.trigger).toEqual(expect.any(String));
    expect(cancel?.action).toBe('aar:cancel');
    expect(cancel && 'value' in cancel).toBe(false);
  });

  it('presses a button on an earlier card with /press <message> <button>', async () => {
    const react: Reaction = async (event, chat) => {
      if (event.kind === 'command') await chat.post({ ...general, thread: 'x1' }, question);
      if (event.kind === 'action') await chat.post({ ...general, thread: 'x1' }, card('Noted.'));
    };
    const box = await play(['/aar A', '/aar B', '/press 1 1', '/press 9 1', '/press 1 7'], react);
    const actions = only(box.handler.events, 'action');
    expect(actions).toHaveLength(1);
    expect(actions[0]?.place).toEqual({ ...general, thread: 'x1' });
    expect(box.output()).toContain('There is no message #9.');
    expect(box.output()).toContain('buttons 1 to 2');
  });

  it('treats a number as a reply when there is no button to press', async () => {
    const box = await play(['3']);
    expect(only(box.handler.events, 'reply')[0]?.text).toBe('3');
  });

  it('gives a top-level card button the thread rooted at that card', async () => {
    const react: Reaction = async (event, chat) => {
      if (event.kind === 'command') await chat.post(event.place, question);
    };
    const box = await play(['/aar Go-live', '1'], react);
    expect(only(box.handler.events, 'action')[0]?.place).toEqual({ ...general, thread: expect.stringMatching(/^c1-/) });
  });

  it('asks each field of a form in turn and sends a form event', async () => {
    const form: FormSpec = {
      id: 'aar:lesson',
      title: 'Edit the lesson',
      submitLabel: 'Save',
      value: 'lesson-7',
      fields: [
        { id: 'title', label: 'Title', value: 'Check the pumps before go-live' },
        { id: 'why', label: 'Why it matters' },
        { id: 'tags', label: 'Tags', optional: true },
        { id: 'short', label: 'In five letters', maxLength: 5 },
      ],
    };
    const react: Reaction = async (event, chat) => {
      if (event.kind === 'command' && event.trigger && chat.openForm) {
        await chat.openForm(event.trigger, { ...general, thread: 'c1' }, form);
      }
    };
    const box = await play(['/as Priya', '/aar edit', '', '', 'Two pumps were not updated', '', 'too long', 'short'], react);
    const [sent] = only(box.handler.events, 'form');
    expect(sent).toEqual({
      kind: 'form',
      form: 'aar:lesson',
      fields: { title: 'Check the pumps before go-live', why: 'Two pumps were not updated', tags: '', short: 'short', _value: 'lesson-7' },
      from: { platform: 'console', tenant: 'local', id: 'priya', name: 'Priya' },
      place: { ...general, thread: 'c1' },
      deliveryId: expect.stringMatching(/^console:/),
    });
    const out = box.output();
    for (const label of ['Title', 'Why it matters', 'Tags', 'In five letters']) expect(out).toContain(label);
    expect(out).toContain('Now: Check the pumps before go-live');
    expect(out).toContain('This one is needed.');
    expect(out).toContain('the most is 5');
    expect(only(box.handler.events, 'reply')).toHaveLength(0);
  });

  it('closes a form with /cancel without sending it', async () => {
    const form: FormSpec = { id: 'f', title: 'A form', submitLabel: 'Send', fields: [{ id: 'a', label: 'A' }] };
    const react: Reaction = async (event, chat) => {
      if (event.kind === 'command' && event.trigger) await chat.openForm?.(event.trigger, general, form);
    };
    const box = await play(['/aar x', '/cancel', 'now a reply'], react);
    expect(only(box.handler.events, 'form')).toHaveLength(0);
    expect(only(box.handler.events, 'reply')[0]?.text).toBe('now a reply');
  });

  it('reads a person field as someone the sandbox knows, by name in any case or with @, and never makes one up', async () => {
    const form: FormSpec = {
      id: 'f', title: 'Add an action', submitLabel: 'Add',
      fields: [{ id: 'owner', label: 'Who owns it?', kind: 'person', value: 'alex' }, { id: 'second', label: 'Who else?', kind: 'person' }],
    };
    const react: Reaction = async (event, chat) => {
      if (event.kind === 'command' && event.trigger) await chat.openForm?.(event.trigger, general, form);
    };
    const box = await play(['/as Priya', '/as Sam', '/aar x', 'Zed', '@sam', 'PRIYA'], react);
    const out = box.output();
    // The default is shown as a name, not an id.
    expect(out).toContain('Now: Alex');
    expect(out).toContain('I don\'t know anyone called "Zed" here. Type one of: Alex, Sam, Priya');
    expect(only(box.handler.events, 'form').map((f) => [f.fields.owner, f.fields.second])).toEqual([['sam', 'priya']]);
  });

  it('does not take a sandbox command typed while a form is open as an answer, and says why', async () => {
    const form: FormSpec = { id: 'f', title: 'A form', submitLabel: 'Send', fields: [{ id: 'evidence', label: 'What did you do?' }] };
    const react: Reaction = async (event, chat) => {
      if (event.kind === 'command' && event.trigger) await chat.openForm?.(event.trigger, general, form);
    };
    const box = await play(['/aar x', '/as Priya', ' /ward-7 checklist', '/cancel'], react);
    expect(box.output()).toContain('A form is open, so sandbox commands wait');
    // The line with a leading space was the answer; "/as Priya" was not.
    expect(only(box.handler.events, 'form').map((f) => f.fields.evidence)).toEqual(['/ward-7 checklist']);
  });

  it('marks a whisper as seen by one person, and only they can press its buttons', async () => {
    const sam = { platform: 'console', tenant: 'local', id: 'sam', name: 'Sam' } as const;
    const react: Reaction = async (event, chat) => {
      if (event.kind === 'command') await chat.whisper({ ...general, thread: 'c9' }, sam, question);
    };
    const box = await play(['/aar x', '/press 1 1', '/as Sam', '/press 1 1'], react);
    expect(box.output()).toContain('(only Sam sees this)');
    expect(box.output()).toContain('Only Sam can see message #1');
    const actions = only(box.handler.events, 'action');
    expect(actions).toHaveLength(1);
    expect(actions[0]?.from.id).toBe('sam');
  });

  it('reprints an updated card marked as updated', async () => {
    const react: Reaction = async (event, chat) => {
      if (event.kind !== 'command') return;
      const ref = await chat.post({ ...general, thread: 'c0' }, card('Draft lessons: 1'));
      if (!isNamed(ref)) throw new Error('the console names every post');
      await chat.update(ref, card('Draft lessons: 2'));
    };
    const box = await play(['/aar x'], react);
    expect(box.output()).toContain('(updated #1)');
    expect(box.output()).toContain('Draft lessons: 2');
  });

  it('edits and deletes your own messages by number, not other people\'s', async () => {
    const box = await play(['first thing', '/edit 1 first thing, corrected', '/as Sam', '/delete 1', '/as Alex', '/delete #1'], opensThread);
    const edited = only(box.handler.events, 'reply-edited');
    const deleted = only(box.handler.events, 'reply-deleted');
    const original = only(box.handler.events, 'reply')[0];
    expect(edited).toEqual([expect.objectContaining({ text: 'first thing, corrected', messageId: original?.messageId, from: alex })]);
    expect(deleted).toEqual([expect.objectContaining({ messageId: original?.messageId, place: general })]);
    expect(box.output()).toContain('Only Alex can change message #1');
  });

  it('prints the saved lessons with /lessons', async () => {
    const lesson: Lesson = {
      id: 'l1',
      title: 'Update every pump before go-live',
      recommendation: 'Check the firmware of every pump the week before.',
      observation: 'Two pumps on Ward 7 were not updated.',
      reason: 'They were in the equipment library during the update.',
      technique: 'after-action-review',
      tags: ['e-prescribing', 'ward-7'],
      status: 'draft',
      contributors: [{ id: 'alex', name: 'Alex' }, { id: 'sam', name: 'Sam' }],
      source: { platform: 'console', tenant: 'local', channel: 'general', thread: 'c1' },
      createdAt: '2025-03-12T14:05:00.000Z',
    };
    const box = await play(['/lessons'], undefined, [lesson]);
    const out = box.output();
    for (const text of [lesson.title, lesson.recommendation, lesson.observation, lesson.reason, 'e-prescribing, ward-7', 'Alex, Sam', 'draft', '2025']) {
      expect(out).toContain(text);
    }
  });

  it('says so when the library is empty', async () => {
    const box = await play(['/lessons']);
    expect(box.output()).toContain('No lessons saved yet');
  });

  it('survives nonsense and handler failures, and keeps going', async () => {
    const react: Reaction = async (event) => {
      if (event.kind === 'command' && event.name === 'boom') throw new Error('database is down\n    at somewhere.ts:1');
    };
    const box = await play(['/', '/press', '/edit x', '/thread 42', '/delete', '\u0000\u001b[2J', '/boom', '/whatever now', '/aar still here'], react);
    const commands = only(box.handler.events, 'command').map((e) => e.name);
    expect(commands).toEqual(['boom', 'whatever', 'aar']);
    expect(box.output()).toContain('Mobilise could not handle that: database is down');
    expect(box.output()).not.toContain('somewhere.ts');
  });

  it('passes unknown slash commands to the bot', async () => {
    const box = await play(['/coffee join']);
    expect(only(box.handler.events, 'command')[0]).toMatchObject({ name: 'coffee', text: 'join' });
  });

  it('lists its commands with /help', async () => {
    const box = await play(['/help']);
    for (const command of ['/as', '/thread', '/channel', '/edit', '/delete', '/press', '/lessons', '/quit']) {
      expect(box.output()).toContain(command);
    }
  });

  it('resolves run() on /quit while the input is still open', async () => {
    const box = sandbox();
    const running = box.run();
    box.type('/quit', '/aar after quitting');
    await running;
    expect(box.handler.events).toHaveLength(0);
    expect(box.output()).toContain('Goodbye.');
  });

  it('resolves run() at the end of the input', async () => {
    const box = sandbox();
    const running = box.run();
    box.type('hello');
    box.input.end();
    await expect(running).resolves.toBeUndefined();
    expect(box.handler.events).toHaveLength(1);
  });

  it('uses no colour codes when the output is not a terminal', async () => {
    const box = await play(['/aar Go-live', '/lessons', '/help'], opensThread);
    expect(box.output()).not.toContain('\u001b[');
  });
});
