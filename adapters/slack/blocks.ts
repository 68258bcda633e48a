// Renders the neutral Card as Block Kit, within Slack's documented limits.
import type { types } from '@slack/bolt';
import type { Block, Button, Card } from '../../src/core/card';
import { encodeActionId } from './action-id';
import { cutEscaped, escapeText, splitEscaped } from './escape';

type KnownBlock = types.KnownBlock;

/** Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks). */
export const LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  elementsPerActions: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  contextText: 3000,
  fallbackText: 4000,
} as const;

export const MORE_TEXT = '…more in the summary';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export function renderCard(card: Card): SlackMessage {
  const blocks = card.blocks.flatMap(renderBlock);
  blocks.forEach((block, index) => {
    if (block.type === 'actions') block.block_id = `actions-${index}`;
  });
  return { text: cutEscaped(card.text, LIMITS.fallbackText), blocks: capBlocks(blocks) };
}

function capBlocks(blocks: KnownBlock[]): KnownBlock[] {
  if (blocks.length <= LIMITS.blocks) return blocks;
  return [...blocks.slice(0, LIMITS.blocks - 1), contextBlock(MORE_TEXT)];
}

function renderBlock(block: Block): KnownBlock[] {
  switch (block.type) {
    case 'heading':
      return block.text.trim() === ''
        ? []
        : [{ type: 'header', text: { type: 'plain_text', text: cutEscaped(block.text, LIMITS.headerText), emoji: true } }];
    case 'paragraph':
      return splitEscaped(block.text, LIMITS.sectionText).map((text) => ({
        type: 'section',
        text: { type: 'mrkdwn', text },
      }));
    case 'fields':
      return chunk(block.fields, LIMITS.fieldsPerSection).map((fields) => ({
        type: 'section',
        fields: fields.map((f) => ({ type: 'mrkdwn', text: fieldText(f.label, f.value) })),
      }));
    case 'buttons':
      return chunk(block.buttons, LIMITS.elementsPerActions).map((buttons) => ({
        type: 'actions',
        elements: renderButtons(buttons),
      }));
    case 'divider':
      return [{ type: 'divider' }];
    case 'context':
      return block.text.trim() === '' ? [] : [contextBlock(block.text)];
    // Slack introduces people in a group DM of their own: they are already together.
    case 'meet':
      return [];
  }
}

function fieldText(label: string, value: string): string {
  const head = `*${escapeText(label)}*\n`;
  // Bold markers around an empty or huge label would break; the value gets what is left.
  const room = LIMITS.fieldText - head.length;
  if (room < 1) return cutEscaped(label, LIMITS.fieldText);
  return `${head}${cutEscaped(value === '' ? ' ' : value, room)}`;
}

function renderButtons(buttons: Button[]): types.Button[] {
  const seen = new Map<string, number>();
  return buttons.map((b) => {
    const repeat = seen.get(b.action) ?? 0;
    seen.set(b.action, repeat + 1);
    const element: types.Button = {
      type: 'button',
      action_id: encodeActionId(b.action, repeat).slice(0, LIMITS.actionId),
      text: { type: 'plain_text', text: cutEscaped(b.label === '' ? b.action : b.label, LIMITS.buttonText), emoji: true },
    };
    if (b.value !== undefined) element.value = b.value.slice(0, LIMITS.buttonValue);
    if (b.style !== undefined) element.style = b.style;
    return element;
  });
}

function contextBlock(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: cutEscaped(text, LIMITS.contextText) }] };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
