// What a Before Action Review is shown for "what can we learn from similar past work?": the lessons, and who gave them.
import { card, type Block, type Card } from '../../core/card';
import type { RecallHit } from '../../store/lesson-recall';
import { contributorsInWords, type Lesson } from '../lesson';
import { RECALL_ACTIONS, recallButtonValue } from './recall-buttons';

export const RECALL_HEADING = 'Lessons from similar past work';
export const WHO_HEADING = 'Who has done this before';

/** One lesson: title, the words it shares with the review, who gave it, its status and a link back; then the buttons. */
function lessonBlocks(runId: string, hit: RecallHit, n: number): Block[] {
  const { lesson } = hit;
  const link = lesson.source.url === undefined ? '' : ` · ${lesson.source.url}`;
  const value = recallButtonValue({ runId, lessonId: lesson.id });
  return [
    { type: 'paragraph', text: `*${n}. ${lesson.title}*\n${hit.snippet}` },
    { type: 'context', text: `From ${contributorsInWords(lesson)} · ${lesson.status} · ${lesson.createdAt.slice(0, 10)}${link}` },
    {
      type: 'buttons',
      buttons: [
        { action: RECALL_ACTIONS.useful, label: 'Useful', value },
        { action: RECALL_ACTIONS.notRelevant, label: 'Not relevant', value },
      ],
    },
  ];
}

export interface PastContributor {
  /** As a message names them: a mention in chat, a name for imported lessons. */
  name: string;
  lessons: number;
}

/** The distinct people behind the lessons, those who gave the most first (then in the order they appear). */
export function pastContributors(lessons: readonly Lesson[]): PastContributor[] {
  const counts = new Map<string, number>();
  for (const lesson of lessons) {
    // Someone named twice on one lesson still gave one lesson.
    const names = new Set(lesson.contributors.map((c) => contributorsInWords({ source: lesson.source, contributors: [c] })));
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].map(([name, n]) => ({ name, lessons: n })).sort((a, b) => b.lessons - a.lessons);
}

function whoLine(people: readonly PastContributor[]): string {
  if (people.length === 0) return 'None of these lessons names who gave it.';
  return people.map((p) => `${p.name} (${p.lessons === 1 ? '1 lesson' : `${p.lessons} lessons`})`).join(', ');
}

export function recalledLessonsCard(runId: string, hits: readonly RecallHit[]): Card {
  const people = pastContributors(hits.map((h) => h.lesson));
  const who = whoLine(people);
  const text = `${RECALL_HEADING}: ${hits.map((h, i) => `${i + 1}. ${h.lesson.title}`).join('; ')}. ${WHO_HEADING}: ${who}`;
  return card(
    text,
    { type: 'heading', text: RECALL_HEADING },
    ...hits.flatMap((hit, i) => lessonBlocks(runId, hit, i + 1)),
    { type: 'divider' },
    { type: 'heading', text: WHO_HEADING },
    { type: 'paragraph', text: people.length === 0 ? who : `${who}. They may be worth a quick chat before you start.` },
    { type: 'context', text: 'Mark each lesson Useful or Not relevant: it helps the next team see the right ones first.' },
  );
}

export function nothingSimilarCard(): Card {
  const first = 'The library has nothing similar yet.';
  const next =
    'Ask your community of practice, or your library and knowledge service, who has done this kind of work before. ' +
    'Your own After Action Review (/aar) afterwards will help the next team.';
  return card(`${first} ${next}`, { type: 'heading', text: RECALL_HEADING }, { type: 'paragraph', text: first }, { type: 'context', text: next });
}
