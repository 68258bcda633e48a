// Adaptive Card rendering of the neutral Card: every block, mentions, markdown, meeting links and the size cap.
import { card, type Block, type MeetBlock } from '../../../../src/core/card';
import { ADAPTIVE_CARD_TYPE, LIMITS, MORE_TEXT, readSubmission, renderCard, type AdaptiveCardJson, type TeamsMessage } from '../../../../adapters/teams/cards';
import { expectValidAdaptiveCard } from '../../../support/adaptive-card-check';
import { ALICE, asCard, BOB, contextWith, STRANGER } from './render-context';

function cardOf(message: TeamsMessage): AdaptiveCardJson {
  // Text beside a card would make Teams split the message in two (microsoft/msteams-docs#1646).
  expect(message).not.toHaveProperty('text');
  const { attachments } = asCard(message);
  expect(attachments).toHaveLength(1);
  expect(attachments[0].contentType).toBe(ADAPTIVE_CARD_TYPE);
  const json = attachments[0].content;
  expectValidAdaptiveCard(json);
  return json;
}

function render(...blocks: Block[]): AdaptiveCardJson {
  return cardOf(renderCard(card('fallback', ...blocks), contextWith()));
}

const meet: MeetBlock = {
  type: 'meet',
  people: [
    { platform: 'teams', tenant: 't1', id: ALICE, name: 'Alice Smith' },
    { platform: 'teams', tenant: 't1', id: BOB, name: 'Bob Jones' },
  ],
  topic: 'Coffee: round 3',
  start: '2026-03-02T10:00:00Z',
  end: '2026-03-02T10:30:00Z',
};

describe('renderCard', () => {
  it("writes the bot's commands as Teams people type them (an @mention), leaving other slashes alone", () => {
    const ctx = { ...contextWith(), commands: ['aar', 'coffee', 'cop'] };
    const message = renderCard(card('Try /aar Go-live, or `/coffee join`; and/or /aardvark stays.', { type: 'paragraph', text: '(/cop help) lists them.' }), ctx);
    expect(cardOf(message).fallbackText).toBe('Try @Mobilise aar Go-live, or `@Mobilise coffee join`; and/or /aardvark stays.');
    expect(cardOf(message).body).toEqual([{ type: 'TextBlock', text: '(@Mobilise cop help) lists them.', wrap: true }]);
  });

  it('renders every neutral block as a 1.5 card at full width', () => {
    const json = render(
      { type: 'heading', text: 'After Action Review' },
      { type: 'paragraph', text: 'What did we *plan* to happen?' },
      { type: 'fields', fields: [{ label: 'Ward', value: '7' }, { label: 'Notes', value: '' }] },
      { type: 'buttons', buttons: [{ action: 'aar:skip', label: 'Skip', style: 'danger', value: 'q1' }, { action: 'aar:save', label: 'Save', style: 'primary' }, { action: 'aar:x', label: '' }] },
      { type: 'divider' },
      { type: 'context', text: 'Started today' },
    );
    expect(json).toEqual({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      fallbackText: 'fallback',
      msteams: { width: 'Full' },
      body: [
        { type: 'TextBlock', text: 'After Action Review', wrap: true, size: 'Large', weight: 'Bolder', style: 'heading' },
        { type: 'TextBlock', text: 'What did we **plan** to happen?', wrap: true },
        { type: 'FactSet', facts: [{ title: 'Ward', value: '7' }, { title: 'Notes', value: '–' }] },
        {
          type: 'ActionSet',
          actions: [
            { type: 'Action.Submit', title: 'Skip', style: 'destructive', data: { mobilise: 'action', action: 'aar:skip', value: 'q1' } },
            { type: 'Action.Submit', title: 'Save', style: 'positive', data: { mobilise: 'action', action: 'aar:save' } },
            { type: 'Action.Submit', title: 'aar:x', data: { mobilise: 'action', action: 'aar:x' } },
          ],
        },
        { type: 'TextBlock', text: 'Started today', wrap: true, isSubtle: true, size: 'Small', separator: true },
      ],
    });
  });

  it('sends each button back as the action and value it was given', () => {
    const buttons = [
      { action: 'lessons:open', label: 'Open', value: 'lesson-1' },
      { action: 'aar:save', label: 'Save' },
    ];
    const json = render({ type: 'buttons', buttons });
    const set = json.body[0];
    if (set?.type !== 'ActionSet') throw new Error('expected an ActionSet');
    const back = set.actions.map((a) => (a.type === 'Action.Submit' ? readSubmission(JSON.parse(JSON.stringify(a.data))) : undefined));
    expect(back).toEqual([
      { kind: 'action', action: 'lessons:open', value: 'lesson-1' },
      { kind: 'action', action: 'aar:save' },
    ]);
  });

  it('splits more than five buttons into rows Teams shows in full', () => {
    const buttons = Array.from({ length: 12 }, (_, i) => ({ action: `a:${i}`, label: `B${i}` }));
    const json = render({ type: 'buttons', buttons });
    expect(json.body.map((e) => (e.type === 'ActionSet' ? e.actions.length : 0))).toEqual([5, 5, 2]);
  });

  it('puts a divider as a separator on the next element, and drops one with nothing to separate', () => {
    const json = render({ type: 'divider' }, { type: 'paragraph', text: 'a' }, { type: 'divider' }, { type: 'heading', text: ' ' }, { type: 'divider' }, { type: 'fields', fields: [{ label: 'x', value: 'y' }] }, { type: 'divider' });
    expect(json.body).toEqual([
      { type: 'TextBlock', text: 'a', wrap: true },
      { type: 'FactSet', facts: [{ title: 'x', value: 'y' }], separator: true },
    ]);
  });

  it('turns mentions into <at> tags with one entity per person, in the card and for the fallback text', () => {
    const message = renderCard(
      card(`Hello <@${ALICE}> and <@${BOB}>`, { type: 'paragraph', text: `<@${ALICE}>, <@${BOB}> and <@${ALICE}> again` }, { type: 'fields', fields: [{ label: 'Owner', value: `<@${BOB}>` }] }, { type: 'context', text: `Asked by <@${STRANGER}> and <@U9>` }),
      contextWith(),
    );
    const json = cardOf(message);
    const alice = { type: 'mention', text: '<at>Alice Smith</at>', mentioned: { id: ALICE, name: 'Alice Smith' } };
    const bob = { type: 'mention', text: '<at>Bob Jones</at>', mentioned: { id: BOB, name: 'Bob Jones' } };
    expect(json.body[0]).toMatchObject({ text: '<at>Alice Smith</at>, <at>Bob Jones</at> and <at>Alice Smith</at> again' });
    expect(json.body[1]).toMatchObject({ facts: [{ title: 'Owner', value: '<at>Bob Jones</at>' }] });
    // Nobody to name: an opaque Teams id reads as "someone", a short id as itself, and neither pings.
    expect(json.body[2]).toMatchObject({ text: 'Asked by someone and U9' });
    expect(json.msteams.entities).toEqual([alice, bob]);
    // The fallback names people without tags: only the card's body mentions them.
    expect(json.fallbackText).toBe('Hello Alice Smith and Bob Jones');
  });

  it('sends a card alone, its plain words as the fallback and a one-line summary for notifications', () => {
    const message = asCard(renderCard(card('Question 2 of 4:\n*What actually happened?*', { type: 'paragraph', text: `Hi <@${ALICE}>` }), contextWith()));
    expect(Object.keys(message).sort()).toEqual(['attachments', 'kind', 'summary']);
    expect(message.summary).toBe('Question 2 of 4: *What actually happened?*');
    expect(cardOf(message).fallbackText).toBe('Question 2 of 4:\n*What actually happened?*');
    expect(cardOf(message).msteams.entities).toHaveLength(1);
  });

  it('cuts a long summary to a notification line', () => {
    const message = asCard(renderCard(card('word '.repeat(200), { type: 'paragraph', text: 'x' }), contextWith()));
    expect(message.summary.length).toBeLessThanOrEqual(LIMITS.summary);
    expect(message.summary.endsWith('…')).toBe(true);
  });

  it('sends a card with no blocks as plain text with its mentions, not as a card', () => {
    const message = renderCard(card(`Thanks <@${ALICE}>, *saved*.`), contextWith());
    expect(message).toEqual({
      kind: 'text',
      text: 'Thanks <at>Alice Smith</at>, **saved**.',
      entities: [{ type: 'mention', text: '<at>Alice Smith</at>', mentioned: { id: ALICE, name: 'Alice Smith' } }],
    });
  });

  it('drops typed <at> tags so nobody can fake a mention, and keeps names from breaking the tag', () => {
    const ctx = contextWith();
    const odd = { ...ctx, nameOf: (id: string) => (id === 'U2' ? 'Eve <b>\nEvans' : undefined) };
    const json = cardOf(renderCard(card('x', { type: 'paragraph', text: '<at>Alice Smith</at> and <AT >boss</at> and <@U2>' }), odd));
    expect(json.body[0]).toMatchObject({ text: 'Alice Smith and boss and <at>Eve b Evans</at>' });
    expect(json.msteams.entities).toEqual([{ type: 'mention', text: '<at>Eve b Evans</at>', mentioned: { id: 'U2', name: 'Eve b Evans' } }]);
  });

  it('converts Slack bold to Teams bold without touching stars that are not bold', () => {
    const text = '*One* and *two words*, 2 * 3 * 4, **already**, a*b*c, *<@U1>*\n* not bold *';
    const json = render({ type: 'paragraph', text });
    expect(json.body[0]).toMatchObject({ text: '**One** and **two words**, 2 * 3 * 4, **already**, a*b*c, **<at>Una</at>**\n\n* not bold *' });
  });

  it('breaks lines with blank lines (Teams joins single newlines) but keeps list items together', () => {
    const json = render({ type: 'paragraph', text: 'First line\nSecond line\r\n\n\n\nAfter a gap\n- one\n- two\n1. three\n• bullet\n• bullet' });
    expect(json.body[0]).toMatchObject({ text: 'First line\n\nSecond line\n\nAfter a gap\n\n- one\n- two\n1. three\n\n• bullet\n\n• bullet' });
  });

  it('names a channel when the adapter knows it, and otherwise says "the channel"', () => {
    const known = cardOf(renderCard(card('x', { type: 'paragraph', text: 'Round 3 in <#19:abc@thread.tacv2>.' }), contextWith({}, { '19:abc@thread.tacv2': 'coffee' })));
    expect(known.body[0]).toMatchObject({ text: 'Round 3 in #coffee.' });
    expect(render({ type: 'paragraph', text: 'Round 3 in <#19:abc@thread.tacv2>.' }).body[0]).toMatchObject({ text: 'Round 3 in the channel.' });
  });

  it('offers to chat and to schedule a meeting with the links the adapter built', () => {
    const ctx = contextWith({ chat: 'https://teams.microsoft.com/l/chat/0/0?users=a@x,b@x', meeting: 'https://teams.microsoft.com/l/meeting/new?subject=Coffee' });
    const json = cardOf(renderCard(card('Meet', { type: 'paragraph', text: 'Say hello' }, meet), ctx));
    expect(ctx.meetAsked).toEqual([meet]);
    expect(json.body[1]).toEqual({
      type: 'ActionSet',
      actions: [
        { type: 'Action.OpenUrl', title: 'Chat now', url: 'https://teams.microsoft.com/l/chat/0/0?users=a@x,b@x' },
        { type: 'Action.OpenUrl', title: 'Schedule a meeting', url: 'https://teams.microsoft.com/l/meeting/new?subject=Coffee' },
      ],
    });
  });

  it('leaves out a meeting button whose link is missing, and the whole row when both are', () => {
    const chatOnly = cardOf(renderCard(card('Meet', meet), contextWith({ chat: 'https://teams.microsoft.com/l/chat/0/0?users=a@x' })));
    expect(chatOnly.body).toEqual([{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Chat now', url: 'https://teams.microsoft.com/l/chat/0/0?users=a@x' }] }]);
    const none = cardOf(renderCard(card('Meet', { type: 'paragraph', text: 'Say hello' }, meet), contextWith({ meeting: '' })));
    expect(none.body).toEqual([{ type: 'TextBlock', text: 'Say hello', wrap: true }]);
  });

  it('shows the fallback text when no block renders, so the card is never blank', () => {
    const json = cardOf(renderCard(card(`Just *text* for <@${ALICE}>`, { type: 'divider' }, meet), contextWith()));
    expect(json.body).toEqual([{ type: 'TextBlock', text: 'Just **text** for <at>Alice Smith</at>', wrap: true }]);
    expect(json.msteams.entities).toHaveLength(1);
  });

  it('caps a very long card under the Teams message size and says there was more', () => {
    const blocks: Block[] = Array.from({ length: 400 }, (_, i) => ({ type: 'paragraph', text: `Answer ${i} from <@${ALICE}>: ${'é words '.repeat(20)}` }));
    blocks.push({ type: 'buttons', buttons: [{ action: 'aar:save', label: 'Save' }] });
    const message = renderCard(card('Long '.repeat(2000), ...blocks), contextWith());
    const json = cardOf(message);
    expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThanOrEqual(LIMITS.messageBytes);
    expect(json.body.length).toBeLessThan(blocks.length);
    expect(json.body.at(-1)).toEqual({ type: 'TextBlock', text: MORE_TEXT, wrap: true, isSubtle: true, size: 'Small' });
    expect(json.fallbackText?.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    expect(json.fallbackText?.endsWith('…')).toBe(true);
  });

  it('cuts one huge paragraph to fit rather than dropping it, never inside a mention', () => {
    const text = `<@${ALICE}> ${'x'.repeat(10)} `.repeat(3000);
    const message = renderCard(card('Huge', { type: 'paragraph', text }, { type: 'context', text: 'footer' }), contextWith());
    const json = cardOf(message);
    expect(json.body).toHaveLength(2);
    const first = json.body[0];
    if (first?.type !== 'TextBlock') throw new Error('expected a TextBlock');
    expect(first.text.length).toBeGreaterThan(10_000);
    expect(first.text.endsWith('…')).toBe(true);
    expect(first.text).not.toMatch(/<at>[^<]*…$|<a?t?…$/);
    expect(json.body[1]).toMatchObject({ text: MORE_TEXT });
    expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThanOrEqual(LIMITS.messageBytes);
  });

  it('leaves a card that fits exactly as it is', () => {
    const blocks: Block[] = Array.from({ length: 30 }, (_, i) => ({ type: 'paragraph', text: `Line ${i}` }));
    expect(render(...blocks).body).toHaveLength(30);
  });
});
