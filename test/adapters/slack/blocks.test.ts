// Block Kit rendering of the neutral Card: limits, escaping, and mentions that survive.
import type { types } from '@slack/bolt';
import { card, type Block } from '../../../src/core/card';
import { LIMITS, MORE_TEXT, renderCard } from '../../../adapters/slack/blocks';
import { renderModal } from '../../../adapters/slack/modal';

type KnownBlock = types.KnownBlock;

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

function sectionText(block: KnownBlock | undefined): string {
  if (block?.type !== 'section' || block.text === undefined) throw new Error('expected a section with text');
  return block.text.text;
}

describe('renderCard', () => {
  it('renders every neutral block and keeps the fallback text', () => {
    const rendered = renderCard(
      card(
        'AAR started',
        { type: 'heading', text: 'After Action Review' },
        { type: 'paragraph', text: 'What did we *plan* to happen?' },
        { type: 'fields', fields: [{ label: 'Ward', value: '7' }] },
        { type: 'buttons', buttons: [{ action: 'aar:skip', label: 'Skip', style: 'danger', value: 'q1' }] },
        { type: 'divider' },
        { type: 'context', text: '_Started by_ <@U1>' },
      ),
    );
    expect(rendered.text).toBe('AAR started');
    expect(rendered.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'After Action Review', emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: 'What did we *plan* to happen?' } },
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*Ward*\n7' }] },
      {
        type: 'actions',
        block_id: 'actions-3',
        elements: [
          {
            type: 'button',
            action_id: 'aar:skip',
            text: { type: 'plain_text', text: 'Skip', emoji: true },
            value: 'q1',
            style: 'danger',
          },
        ],
      },
      { type: 'divider' },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '_Started by_ <@U1>' }] },
    ]);
  });

  it('escapes & < > everywhere but keeps exact user mentions and channel links (they never ping)', () => {
    const typed = 'Q&A <!channel> <@U123ABC> <@u1> <#C1> <#c1|x> <https://evil.test|click> a>b';
    const rendered = renderCard(
      card(
        typed,
        { type: 'heading', text: typed },
        { type: 'paragraph', text: typed },
        { type: 'fields', fields: [{ label: '<!here>', value: typed }] },
        { type: 'buttons', buttons: [{ action: 'x:y', label: '<!everyone>' }] },
        { type: 'context', text: typed },
      ),
    );
    const escaped = 'Q&amp;A &lt;!channel&gt; <@U123ABC> &lt;@u1&gt; <#C1> &lt;#c1|x&gt; &lt;https://evil.test|click&gt; a&gt;b';
    expect(rendered.text).toBe(escaped);
    const json = JSON.stringify(rendered.blocks);
    expect(json).not.toMatch(/<!|<#c|<http|<@u1/);
    expect(sectionText(rendered.blocks[1])).toBe(escaped);
    expect(JSON.stringify(rendered.blocks[2])).toContain('*&lt;!here&gt;*');
  });

  it('cuts a heading to 150 characters', () => {
    const header = only(renderCard(card('t', { type: 'heading', text: 'h'.repeat(400) })).blocks);
    if (header.type !== 'header') throw new Error('expected header');
    expect(header.text.text).toHaveLength(LIMITS.headerText);
    expect(header.text.text.endsWith('…')).toBe(true);
  });

  it('never cuts through an escape or a mention', () => {
    const header = only(renderCard(card('t', { type: 'heading', text: `${'h'.repeat(147)}&&&` })).blocks);
    if (header.type !== 'header') throw new Error('expected header');
    expect(header.text.text).toBe(`${'h'.repeat(147)}…`);
  });

  it('splits a long paragraph into sections of at most 3000 characters, at line breaks', () => {
    const line = `${'word '.repeat(99)}word`; // 499 chars
    const text = Array.from({ length: 15 }, () => line).join('\n');
    const blocks = renderCard(card('t', { type: 'paragraph', text })).blocks;
    expect(blocks.length).toBeGreaterThan(1);
    const texts = blocks.map(sectionText);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(texts.join('\n')).toBe(text);
  });

  it('puts at most 10 fields in a section and cuts each to 2000 characters', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `L${i}`, value: i === 0 ? 'v'.repeat(5000) : 'v' }));
    const blocks = renderCard(card('t', { type: 'fields', fields })).blocks;
    expect(blocks.map((b) => (b.type === 'section' ? b.fields?.length : -1))).toEqual([10, 10, 3]);
    const first = blocks[0];
    if (first?.type !== 'section' || first.fields === undefined) throw new Error('expected fields');
    expect(first.fields[0]?.text.length).toBe(LIMITS.fieldText);
  });

  it('puts at most 25 buttons in an actions block, with unique block and action ids and cut texts', () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({
      action: 'poll:vote',
      label: `${'Option '.repeat(20)}${i}`,
      value: i === 0 ? 'x'.repeat(2500) : String(i),
    }));
    const blocks = renderCard(card('t', { type: 'buttons', buttons }, { type: 'buttons', buttons: buttons.slice(0, 2) })).blocks;
    expect(blocks.map((b) => (b.type === 'actions' ? b.elements.length : -1))).toEqual([25, 5, 2]);
    const ids = blocks.map((b) => b.block_id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const block of blocks) {
      if (block.type !== 'actions') throw new Error('expected actions');
      const actionIds = block.elements.map((e) => ('action_id' in e ? e.action_id : undefined));
      expect(new Set(actionIds).size).toBe(actionIds.length);
      for (const e of block.elements) {
        if (e.type !== 'button') throw new Error('expected button');
        expect(e.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
        expect((e.value ?? '').length).toBeLessThanOrEqual(LIMITS.buttonValue);
      }
    }
    const first = blocks[0];
    if (first?.type !== 'actions') throw new Error('expected actions');
    expect(first.elements.slice(0, 3).map((e) => ('action_id' in e ? e.action_id : ''))).toEqual([
      'poll:vote',
      'poll:vote#1',
      'poll:vote#2',
    ]);
  });

  it('keeps at most 50 blocks, ending with a pointer to the summary', () => {
    const many: Block[] = Array.from({ length: 70 }, (_, i) => ({ type: 'paragraph', text: `p${i}` }));
    const blocks = renderCard(card('t', ...many)).blocks;
    expect(blocks).toHaveLength(LIMITS.blocks);
    expect(sectionText(blocks[48])).toBe('p48');
    expect(blocks[49]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: MORE_TEXT }] });
  });

  it('drops empty headings, paragraphs, field lists and button rows', () => {
    const rendered = renderCard(
      card('t', { type: 'heading', text: ' ' }, { type: 'paragraph', text: '' }, { type: 'fields', fields: [] }, { type: 'buttons', buttons: [] }),
    );
    expect(rendered.blocks).toEqual([]);
  });
});

describe('renderModal', () => {
  it('renders inputs and carries place and value in private_metadata', () => {
    const place = { platform: 'slack' as const, tenant: 'T1', channel: 'C1', thread: '1.2' };
    const view = renderModal(place, {
      id: 'aar:edit',
      title: 'Edit the lesson & more words than fit',
      submitLabel: 'Save',
      value: 'lesson-1',
      fields: [
        { id: 'what', label: 'What happened?', value: 'a < b', multiline: true, maxLength: 5000 },
        { id: 'tag', label: 'Tag', optional: true },
      ],
    });
    expect(view.callback_id).toBe('aar:edit');
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ place, value: 'lesson-1' });
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.title.text).toContain('&amp;');
    expect(view.blocks).toEqual([
      {
        type: 'input',
        block_id: 'what',
        label: { type: 'plain_text', text: 'What happened?', emoji: true },
        hint: { type: 'plain_text', text: 'Up to 3,000 characters.', emoji: true },
        optional: false,
        element: { type: 'plain_text_input', action_id: 'what', initial_value: 'a < b', multiline: true, max_length: 3000 },
      },
      {
        type: 'input',
        block_id: 'tag',
        label: { type: 'plain_text', text: 'Tag', emoji: true },
        optional: true,
        element: { type: 'plain_text_input', action_id: 'tag' },
      },
    ]);
  });

  it('refuses a place from another platform', () => {
    expect(() =>
      renderModal({ platform: 'teams', tenant: 't', channel: 'c' }, { id: 'f', title: 't', submitLabel: 's', fields: [] }),
    ).toThrow();
  });
});
