// A one-paragraph card, for the short replies to commands.
import { card, type Card } from '../../core/card';

export function say(text: string): Card {
  return card(text, { type: 'paragraph', text });
}
