// Tags people add with #hashtags, so lessons can be found by them later.

// Not after a word character, '&' (HTML entities) or '<' (platform channel links like <#C123>).
const HASHTAG = /(?<![\p{L}\p{N}_&<#])#([\p{L}\p{N}-]+)/gu;

export function hashtagsIn(texts: readonly string[]): string[] {
  const tags = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(HASHTAG)) {
      const tag = (match[1] ?? '').toLowerCase().replace(/^-+|-+$/g, '');
      // '#7' is a ward or a list number, not a tag.
      if (/\p{L}/u.test(tag)) tags.add(tag);
    }
  }
  return [...tags];
}
