// A lessons export as Markdown, for a knowledge manager to read: each lesson with where it came from, who vouched for
// it and when, how it was used, and what was agreed to do about it.
import type { Person } from '../core/model';
import type { LessonRecord } from './export-records';
import type { Lesson } from './lesson';

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

const nameOf = (p: Pick<Person, 'id' | 'name'>): string => p.name ?? p.id;
const onDay = (at: Date): string => DAY.format(at);
/** Every line of a field its own paragraph: a single newline would run the lines together. */
const paragraphs = (text: string): string => text.trim().split(/\n\s*/).join('\n\n');

function statusLine(lesson: Lesson, record: LessonRecord | undefined): string {
  const latest = (kind: 'validated' | 'approved') => record?.events.filter((e) => e.kind === kind).at(-1);
  const validated = latest('validated');
  const approved = latest('approved');
  const said: string[] = [lesson.status];
  if (validated) said.push(`validated by ${nameOf(validated.actor)} on ${onDay(validated.at)}`);
  if (approved) {
    const community = typeof approved.detail.communityName === 'string' ? ` for ${approved.detail.communityName}` : '';
    said.push(`approved by ${nameOf(approved.actor)}${community} on ${onDay(approved.at)}`);
  }
  return `- Status: ${said.join('; ')}`;
}

function usedLines(record: LessonRecord | undefined): string[] {
  const uses = (record?.events ?? []).filter((e) => e.kind === 'applied' && typeof e.detail.evidence === 'string');
  if (uses.length === 0) return [];
  return ['', '### Evidence of use', '', ...uses.map((e) => `- ${String(e.detail.evidence).replace(/\s+/g, ' ')} (${nameOf(e.actor)}, ${onDay(e.at)})`)];
}

function actionLines(record: LessonRecord | undefined): string[] {
  const actions = record?.actions ?? [];
  if (actions.length === 0) return [];
  const state = { open: 'open', done: 'done', dropped: 'no longer needed' } as const;
  const line = (a: LessonRecord['actions'][number]): string => {
    const evidence = a.evidence ? `: ${a.evidence.replace(/\s+/g, ' ')}` : '';
    return `- ${a.text.replace(/\s+/g, ' ')} (${nameOf(a.owner)}, due ${onDay(new Date(`${a.dueOn}T12:00:00Z`))}; ${state[a.status]}${evidence})`;
  };
  return ['', '### Actions', '', ...actions.map(line)];
}

function section(lesson: Lesson, record: LessonRecord | undefined): string {
  const lines = [`## ${lesson.title}`, ''];
  if (record?.reviewTitle) lines.push(`From the review *${record.reviewTitle}*.`, '');
  lines.push(`**Recommendation:** ${paragraphs(lesson.recommendation)}`);
  if (lesson.observation) lines.push('', `**What happened:** ${paragraphs(lesson.observation)}`);
  if (lesson.reason) lines.push('', `**Why:** ${paragraphs(lesson.reason)}`);
  const where = lesson.source.url ? `[${lesson.technique}](${lesson.source.url})` : lesson.technique;
  lines.push(
    '',
    statusLine(lesson, record),
    `- From: ${where}, ${lesson.createdAt.slice(0, 10)}`,
    `- Contributors: ${lesson.contributors.map(nameOf).join(', ') || 'none recorded'}`,
  );
  if (lesson.tags.length) lines.push(`- Tags: ${lesson.tags.map((t) => `#${t}`).join(' ')}`);
  if (lesson.archivedAt) lines.push(`- Archived: ${lesson.archivedAt.slice(0, 10)}`);
  lines.push(...usedLines(record), ...actionLines(record));
  return lines.join('\n');
}

export function toMarkdown(lessons: readonly Lesson[], none: string, records: ReadonlyMap<string, LessonRecord>): string {
  if (lessons.length === 0) return `# Lessons\n\n${none}\n`;
  const sections = lessons.map((l) => section(l, records.get(l.id)));
  return `# Lessons\n\n${lessons.length} lesson${lessons.length === 1 ? '' : 's'}.\n\n${sections.join('\n\n')}\n`;
}
