// A query written back as the words someone would type after /lessons, for "try a broader search".
import type { LessonQuery } from '../search-query';

export function toCommandText(query: LessonQuery): string {
  return [
    query.text,
    ...query.tags.map((tag) => `#${tag}`),
    query.technique === undefined ? '' : `technique:${query.technique}`,
    query.since === undefined ? '' : `since:${query.since.toISOString().slice(0, 10)}`,
    query.status === undefined ? '' : `status:${query.status}`,
  ]
    .filter((part) => part !== '')
    .join(' ');
}

export function isEmptyQuery(query: LessonQuery): boolean {
  return toCommandText(query) === '';
}
