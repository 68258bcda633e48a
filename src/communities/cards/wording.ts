// Small helpers that keep names, tags and counts reading naturally in the communities' messages.
import type { DigestContributor } from '../../store/digest';

export const COMMUNITY = 'community of practice';

export { countOf, listOf } from '../../core/wording';

/** '#handover #discharge'. */
export function tagsInWords(tags: readonly string[]): string {
  return tags.map((t) => `#${t}`).join(' ');
}

/** A chat person is mentioned; a name from a spreadsheet is just written. */
export function contributorInWords(c: DigestContributor): string {
  return c.mentionable ? `<@${c.id}>` : (c.name ?? c.id);
}
