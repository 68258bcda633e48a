// Small helpers that keep counts, names and lists reading naturally.
import { mention, type Person } from '../../core/model';
import { listOf } from '../../core/wording';

export const PROGRAMME_NAME = 'Randomised Coffee Trials';

export { countOf, listOf } from '../../core/wording';

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
