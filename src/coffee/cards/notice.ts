// A one-paragraph card, for the short replies to commands.
import { card, type Card } from '../../core/card';

export function notice(text: string, context?: string): Card {
  const blocks = context === undefined ? [] : [{ type: 'context' as const, text: context }];
  return card(context === undefined ? text : `${text} ${context}`, { type: 'paragraph', text }, ...blocks);
}
