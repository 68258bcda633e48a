// Small helpers that keep counts, names and lists reading naturally.
import { mention, type Person } from '../../core/model';

export const PROGRAMME_NAME = 'Randomised Coffee Trials';

/** '1 pair', '3 pairs'. */
export function countOf(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** 'A', 'A and B', 'A, B and C'. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export function mentionAll(people: readonly Person[]): string {
  return listOf(people.map(mention));
}

/** A share from 0 to 1 as a whole percentage. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** 'every 6 weeks' at the start of a sentence. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
