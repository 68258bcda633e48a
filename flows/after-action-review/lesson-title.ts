// A short lesson title taken from its recommendation.

export const TITLE_LENGTH = 80;

// A sentence ends at . ! or ? unless a lower-case word follows (so 'e.g. checklists' does not end it).
const FIRST_SENTENCE = /^(.+?[.!?])(?=\s+(?!\p{Ll})\S|$)/u;
// Tags at the end are kept as tags; in a title they are noise.
const TRAILING_HASHTAGS = /(?:\s+#[\p{L}\p{N}-]+)+$/u;

export function shortTitle(recommendation: string, max = TITLE_LENGTH): string {
  const firstLine = recommendation.trim().split('\n')[0] ?? '';
  const flat = firstLine.replace(/\s+/g, ' ').trim();
  const sentence = (FIRST_SENTENCE.exec(flat)?.[1] ?? flat).replace(TRAILING_HASHTAGS, '').replace(/\.+$/, '');
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const atWord = lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut;
  return `${atWord.replace(/[\s,;:.!?-]+$/, '')}…`;
}
