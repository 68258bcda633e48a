// Small helpers that keep names, tags and counts reading naturally in the communities' messages.
import type { DigestContributor } from '../../store/digest';

export const COMMUNITY = 'community of practice';

/** '1 lesson', '3 lessons'. */
export function countOf(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** 'A', 'A and B', 'A, B and C'. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** '#handover #discharge'. */
export function tagsInWords(tags: readonly string[]): string {
  return tags.map((t) => `#${t}`).join(' ');
}

/** A chat person is mentioned; a name from a spreadsheet is just written. */
export function contributorInWords(c: DigestContributor): string {
  return c.mentionable ? `<@${c.id}>` : (c.name ?? c.id);
}
