// Turns the neutral card tree into terminal lines; a card with no blocks falls back to its text.
import type { Block, Button, Card } from '../../src/core/card';
import { mapBold } from '../../src/core/card-markup';
import type { Style } from './style';

/** Finds a display name for a person id, for `<@id>` mentions. */
export type NameOf = (id: string) => string | undefined;

export function renderMentions(text: string, nameOf: NameOf): string {
  return text.replace(/<@([^>]+)>/g, (_whole, id: string) => `@${nameOf(id) ?? id}`).replace(/<#([^>]+)>/g, '#$1');
}

/** `firstButton` keeps button numbers running across several button rows in one card. */
function renderBlock(block: Block, style: Style, firstButton: number): string[] {
  switch (block.type) {
    case 'heading':
      return [style.heading(block.text)];
    case 'paragraph':
      return mapBold(block.text, style.bold).split('\n');
    case 'fields':
      return block.fields.map((f) => `${style.bold(`${f.label}:`)} ${mapBold(f.value, style.bold)}`);
    case 'buttons':
      return [block.buttons.map((b, i) => `[${firstButton + i}] ${b.label}`).join('  ')];
    case 'divider':
      return ['----'];
    case 'context':
      return mapBold(block.text, (inner) => inner).split('\n').map((line) => style.dim(line));
    // The sandbox's groups are conversations already.
    case 'meet':
      return [];
  }
}

export function renderCard(card: Card, style: Style, nameOf: NameOf): string[] {
  let nextButton = 1;
  const lines =
    card.blocks.length === 0
      ? mapBold(card.text, style.bold).split('\n')
      : card.blocks.flatMap((b) => {
          const out = renderBlock(b, style, nextButton);
          if (b.type === 'buttons') nextButton += b.buttons.length;
          return out;
        });
  return lines.map((line) => renderMentions(line, nameOf));
}

/** The buttons of a card in the order they are numbered on screen. */
export function buttonsOf(card: Card): Button[] {
  return card.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
}
