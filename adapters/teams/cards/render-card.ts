// Renders the neutral Card as one Adaptive Card message, within the size Teams accepts.
import type { Block, Button, Card, MeetBlock } from '../../../src/core/card';
import {
  adaptiveCard,
  cardMessage,
  textMessage,
  type ActionSet,
  type CardAction,
  type FactSet,
  type RenderContext,
  type SubmitAction,
  type TeamsMessage,
  type TextBlock,
} from './adaptive-card';
import { cutText, Mentions } from './card-text';

/** What a message card holds; inputs belong to forms. */
type MessageElement = TextBlock | FactSet | ActionSet;

export const LIMITS = {
  /** Teams refuses messages over about 28 KB; the rest is left for the activity's envelope. */
  messageBytes: 24_000,
  /** Actions Teams shows side by side before it hides the rest behind a menu. */
  actionsPerSet: 5,
  fallbackText: 2000,
  /** A notification shows a line or two. */
  summary: 200,
} as const;

export const MORE_TEXT = '…the rest did not fit in this message.';
export const CHAT_LABEL = 'Chat now';
export const MEETING_LABEL = 'Schedule a meeting';

export function renderCard(card: Card, ctx: RenderContext): TeamsMessage {
  const mentions = new Mentions(ctx);
  if (card.blocks.length === 0) {
    const text = cutText(mentions.markdown(card.text), LIMITS.fallbackText);
    return textMessage(text, mentions.entitiesFor([text]));
  }
  const plain = cutText(mentions.plain(card.text), LIMITS.fallbackText);
  const summary = cutText(plain.replace(/\s+/g, ' ').trim(), LIMITS.summary);
  const rendered = withDividers(card.blocks, (block) => renderBlock(block, mentions, ctx));
  // An empty card shows as a blank box, so the fallback text stands in.
  const body = rendered.length > 0 ? rendered : card.text.trim() === '' ? [] : [textBlock(cutText(mentions.markdown(card.text), LIMITS.fallbackText))];
  // Room for the body: the message around an empty card, and every entity the body could need (plus their key), come first.
  const envelope = bytes(cardMessage(summary, adaptiveCard([], [], undefined, plain)));
  const room = LIMITS.messageBytes - envelope - bytes({ entities: mentions.entitiesFor(textsOf(body)) });
  const kept = capBody(body, room);
  return cardMessage(summary, adaptiveCard(kept, mentions.entitiesFor(textsOf(kept)), undefined, plain));
}

/** A divider becomes a separator line above the next element; a divider at either end has nothing to separate. */
function withDividers(blocks: Block[], render: (block: Exclude<Block, { type: 'divider' }>) => MessageElement[]): MessageElement[] {
  const out: MessageElement[] = [];
  let divide = false;
  for (const block of blocks) {
    if (block.type === 'divider') {
      divide = out.length > 0;
      continue;
    }
    const elements = render(block);
    const first = elements[0];
    if (divide && first !== undefined) first.separator = true;
    if (elements.length > 0) divide = false;
    out.push(...elements);
  }
  return out;
}

function renderBlock(block: Exclude<Block, { type: 'divider' }>, mentions: Mentions, ctx: RenderContext): MessageElement[] {
  switch (block.type) {
    case 'heading':
      return block.text.trim() === ''
        ? []
        : [{ type: 'TextBlock', text: mentions.markdown(block.text), wrap: true, size: 'Large', weight: 'Bolder', style: 'heading' }];
    case 'paragraph':
      return block.text.trim() === '' ? [] : [textBlock(mentions.markdown(block.text))];
    case 'context':
      return block.text.trim() === '' ? [] : [subtle(mentions.markdown(block.text))];
    case 'fields':
      return block.fields.length === 0
        ? []
        : [
            {
              type: 'FactSet',
              // An empty value would collapse the row, so it shows a dash.
              facts: block.fields.map((f) => ({ title: mentions.markdown(f.label), value: f.value.trim() === '' ? '–' : mentions.markdown(f.value) })),
            },
          ];
    case 'buttons':
      return actionSets(block.buttons.map(submitAction));
    case 'meet':
      return actionSets(meetActions(block, ctx));
  }
}

export function textBlock(text: string): TextBlock {
  return { type: 'TextBlock', text, wrap: true };
}

function subtle(text: string): TextBlock {
  return { type: 'TextBlock', text, wrap: true, isSubtle: true, size: 'Small' };
}

function submitAction(button: Button): SubmitAction {
  const data: SubmitAction['data'] = { mobilise: 'action', action: button.action };
  if (button.value !== undefined) data.value = button.value;
  const action: SubmitAction = { type: 'Action.Submit', title: button.label.trim() === '' ? button.action : button.label, data };
  if (button.style === 'primary') action.style = 'positive';
  if (button.style === 'danger') action.style = 'destructive';
  return action;
}

function meetActions(block: MeetBlock, ctx: RenderContext): CardAction[] {
  const links = ctx.meetLinks(block);
  const actions: CardAction[] = [];
  if (links.chat !== undefined && links.chat !== '') actions.push({ type: 'Action.OpenUrl', title: CHAT_LABEL, url: links.chat });
  if (links.meeting !== undefined && links.meeting !== '') actions.push({ type: 'Action.OpenUrl', title: MEETING_LABEL, url: links.meeting });
  return actions;
}

function actionSets(actions: CardAction[]): ActionSet[] {
  const sets: ActionSet[] = [];
  for (let i = 0; i < actions.length; i += LIMITS.actionsPerSet) {
    sets.push({ type: 'ActionSet', actions: actions.slice(i, i + LIMITS.actionsPerSet) });
  }
  return sets;
}

/** Keeps the leading elements that fit, cutting the first text that does not, then says there was more. */
function capBody(body: MessageElement[], room: number): MessageElement[] {
  // Sizes add up element by element (plus a comma each), so a very long card costs one pass.
  const sizes = body.map((element) => bytes(element) + 1);
  if (sizes.reduce((sum, size) => sum + size, 0) <= room) return body;
  const more = subtle(MORE_TEXT);
  let used = bytes(more) + 1;
  const kept: MessageElement[] = [];
  for (const [index, element] of body.entries()) {
    const size = sizes[index] ?? 0;
    if (used + size <= room) {
      kept.push(element);
      used += size;
      continue;
    }
    if (element.type === 'TextBlock') {
      const cut = longestCut(element, (candidate) => used + bytes(candidate) + 1 <= room);
      if (cut !== undefined) kept.push(cut);
    }
    break;
  }
  return [...kept, more];
}

/** Binary search for the longest cut of a text block that still fits. */
function longestCut(element: TextBlock, fits: (candidate: TextBlock) => boolean): TextBlock | undefined {
  let low = 1;
  let high = element.text.length;
  let best: TextBlock | undefined;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const candidate = { ...element, text: cutText(element.text, middle) };
    if (fits(candidate)) {
      best = candidate;
      low = middle + 1;
    } else high = middle - 1;
  }
  return best;
}

function textsOf(elements: MessageElement[]): string[] {
  return elements.flatMap((e) => (e.type === 'TextBlock' ? [e.text] : e.type === 'FactSet' ? e.facts.flatMap((f) => [f.title, f.value]) : []));
}

function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}
