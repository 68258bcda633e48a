// Lessons as JSON, CSV or Markdown, for `mobilise lessons export`.
import { stringify } from 'csv-stringify/sync';
import { toMarkdown } from './export-markdown';
import type { LessonRecord } from './export-records';
import type { Lesson } from './lesson';

export const EXPORT_FORMATS = ['json', 'csv', 'md'] as const;
const UTF8_BOM = '\ufeff';
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const contributorNames = (l: Lesson): string[] => l.contributors.map((c) => c.name ?? c.id);

/** Every source key (and archivedAt) is always present in JSON, null when unknown, so consumers can rely on the shape. */
function withFullSource(l: Lesson): Omit<Lesson, 'source' | 'archivedAt'> & { source: Record<string, string | null>; archivedAt: string | null } {
  const { platform, tenant, channel, thread, url } = l.source;
  return { ...l, source: { platform, tenant, channel, thread: thread ?? null, url: url ?? null }, archivedAt: l.archivedAt ?? null };
}

function toCsv(lessons: Lesson[]): string {
  const columns = [
    'id', 'title', 'recommendation', 'observation', 'reason', 'technique', 'tags', 'status', 'contributors',
    'platform', 'tenant', 'channel', 'thread', 'url', 'createdAt', 'archivedAt',
  ];
  const rows = lessons.map((l) => [
    l.id, l.title, l.recommendation, l.observation, l.reason, l.technique, l.tags.join(' '), l.status,
    contributorNames(l).join('; '), l.source.platform, l.source.tenant, l.source.channel, l.source.thread ?? '',
    l.source.url ?? '', l.createdAt, l.archivedAt ?? '',
  ]);
  // Cells starting with = + - @ would run as formulas in Excel; lesson text comes from chat users. The byte order mark
  // makes Excel read the file as UTF-8, so accents and emoji survive; `mobilise lessons import` skips it.
  return `${UTF8_BOM}${stringify(rows, { header: true, columns, escape_formulas: true })}`;
}

/** `none` is the sentence Markdown shows when there are no lessons, saying why when the caller knows. */
export function exportLessons(
  lessons: Lesson[],
  format: ExportFormat,
  none = 'No lessons have been saved yet.',
  records: ReadonlyMap<string, LessonRecord> = new Map(),
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(lessons.map(withFullSource), null, 2)}\n`;
    case 'csv':
      return toCsv(lessons);
    case 'md':
      return toMarkdown(lessons, none, records);
  }
}
