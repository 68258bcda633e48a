// What "who has done this before?" answers: the people ranked, each with what they did and how recently.
import { card, type Card } from '../core/card';
import { countOf, listOf } from '../core/wording';
import { evidenceCount, type Candidate, type Item } from './ranking';

/** A short list reads; the rest are counted. */
export const SHOWN_PEOPLE = 5;
const SHOWN_TITLES = 2;

export const RANKING_RULE =
  'Ranked by how much each person has done on this (lessons in their own words, reviews they facilitated, lessons they applied), then by how recently.';
const OPT_OUT_HINT = 'Rather not be suggested? Type /learn who opt-out (and /learn who opt-in to come back).';

function titles(items: readonly Item[]): string {
  const shown = items.slice(0, SHOWN_TITLES).map((i) => `“${i.title}”`);
  const more = items.length - shown.length;
  return listOf(more > 0 ? [...shown, countOf(more, 'more', 'more')] : shown);
}

function month(at: Date): string {
  return at.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

/** One person's lines: who, how much and how recent, then the titles behind it. */
export function candidateLines(c: Candidate, n: number): string[] {
  const counts = [
    c.lessons.length > 0 ? countOf(c.lessons.length, 'lesson') : '',
    c.reviews.length > 0 ? `facilitated ${countOf(c.reviews.length, 'review')}` : '',
    c.applied.length > 0 ? `applied ${countOf(c.applied.length, 'lesson')}` : '',
  ].filter((s) => s !== '');
  const detail = [
    c.lessons.length > 0 ? `Lessons: ${titles(c.lessons)}` : '',
    c.reviews.length > 0 ? `Reviews: ${titles(c.reviews)}` : '',
    c.applied.length > 0 ? `Applied: ${titles(c.applied)}` : '',
  ].filter((s) => s !== '');
  return [`${n}. ${c.shownAs}: ${listOf(counts)}, most recently in ${month(c.latest)}`, ...detail];
}

export function whoCard(topic: string, ranked: readonly Candidate[]): Card {
  const heading = `Who has done this before: ${topic}`;
  if (ranked.length === 0) return nobodyCard(topic);
  const shown = ranked.slice(0, SHOWN_PEOPLE);
  const more = ranked.length - shown.length;
  const people = shown.map((c, i) => ({ type: 'paragraph' as const, text: candidateLines(c, i + 1).join('\n') }));
  const rest = more > 0 ? [{ type: 'paragraph' as const, text: `…and ${countOf(more, 'other person', 'other people')} with less on this.` }] : [];
  const text = `${heading}. ${shown.map((c) => `${c.shownAs} (${countOf(evidenceCount(c), 'piece')} of evidence)`).join(', ')}.`;
  return card(text, { type: 'heading', text: heading }, ...people, ...rest, { type: 'context', text: `${RANKING_RULE} ${OPT_OUT_HINT}` });
}

export function nobodyCard(topic: string): Card {
  const text = `I couldn't find anyone in your organisation's library who has worked on "${topic}". Try fewer or other words, or look for lessons with /lessons ${topic}.`;
  return card(text, { type: 'paragraph', text });
}
