// A neutral card as plain text, so tests can look for words in it without caring which block holds them.
import type { Block, Card } from '../../src/core/card';

/** One block's words: buttons as [Label], a divider as ---. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'context':
      return block.text;
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
    case 'buttons':
      return block.buttons.map((b) => `[${b.label}]`).join(' ');
    case 'divider':
      return '---';
    case 'meet':
      return `Meet ${block.people.map((p) => p.id).join(', ')}: ${block.topic}`;
  }
}

/** The card's fallback text and every block's words, a line each. */
export function cardText(card: Card): string {
  return [card.text, ...card.blocks.map(blockText)].join('\n');
}
