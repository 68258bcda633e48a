// Prints the shared library as a newcomer would want to read it after a sandbox review.
import type { Lesson } from '../../src/lessons/lesson';
import type { Style } from './style';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : when.format(date);
}

function renderLesson(lesson: Lesson, index: number, style: Style): string[] {
  const contributors = lesson.contributors.map((c) => c.name ?? c.id).join(', ');
  return [
    style.bold(`${index + 1}. ${lesson.title}`),
    `   Recommendation: ${lesson.recommendation}`,
    `   What happened: ${lesson.observation}`,
    `   Why: ${lesson.reason}`,
    `   Tags: ${lesson.tags.length > 0 ? lesson.tags.join(', ') : 'none'}`,
    `   Contributors: ${contributors === '' ? 'none recorded' : contributors}`,
    style.dim(`   Status: ${lesson.status} · saved ${formatWhen(lesson.createdAt)} · from ${lesson.technique}`),
  ];
}

export function renderLessons(lessons: Lesson[], style: Style): string[] {
  if (lessons.length === 0) {
    return ['No lessons saved yet. Finish an After Action Review and its lessons will appear here.'];
  }
  const heading = lessons.length === 1 ? '1 lesson in the library:' : `${lessons.length} lessons in the library:`;
  return [heading, ...lessons.flatMap((lesson, i) => ['', ...renderLesson(lesson, i, style)])];
}
