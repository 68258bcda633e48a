// Closing notes posted in the thread for everyone.
import { card, type Card } from '../../src/core/card';
import { countOf } from '../shared/wording';

export function savedNoteCard(lessons: number): Card {
  const text =
    lessons === 0
      ? 'The review is closed. Nothing was saved to the shared library.'
      : `Saved ${countOf(lessons, 'lesson')} to the shared library. Thank you all for taking part.`;
  return card(text, { type: 'paragraph', text });
}

export function cancelledNoteCard(): Card {
  const text = 'The review was cancelled, and nothing was saved.';
  return card(text, { type: 'paragraph', text });
}
