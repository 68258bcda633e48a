// Small pieces of wording shared by a lesson's cards.
import { DateTime } from 'luxon';
import { mention, type Person } from '../../core/model';
import type { Lesson } from '../lesson';

// Dates on a card are for people in NHS organisations; the card has no one person's time zone.
const ZONE = 'Europe/London';

/** '21 November 2026'. */
export function onDay(at: Date | string): string {
  const when = typeof at === 'string' ? DateTime.fromISO(at) : DateTime.fromJSDate(at);
  return when.setZone(ZONE).setLocale('en-GB').toFormat('d LLLL yyyy');
}

/** Someone who acted; each platform (and the sandbox) shows the mention as their name. */
export function who(person: Person): string {
  return mention(person);
}

export function tagsInWords(tags: readonly string[]): string {
  return tags.length === 0 ? 'no tags' : tags.map((t) => `#${t}`).join(' ');
}

/** 'after-action-review' -> 'After action review'. */
export function techniqueInWords(technique: string): string {
  const words = technique.replace(/[-_]+/g, ' ').trim();
  return words === '' ? 'Not recorded' : words.charAt(0).toUpperCase() + words.slice(1);
}

/** "the lesson “Name a queue owner”", for notices. */
export function named(lesson: Lesson): string {
  return `“${lesson.title}”`;
}
