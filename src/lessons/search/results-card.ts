// What `/lessons <words>` shows the person who asked: the best matches, or a way to a broader search.
import { card, type Block, type Card } from '../../core/card';
import type { LessonHit } from '../../store/lesson-search';
import { contributorsInWords } from '../lesson';
import { LIFECYCLE_ACTIONS } from '../lifecycle/lifecycle-ids';

const STATUS_WORDS: Record<LessonHit['lesson']['status'], string> = {
  draft: 'draft',
  validated: 'validated',
  approved: 'approved',
  applied: 'applied',
};

/** One lesson: its title, a snippet around the matched words, who gave it, its status, where it came from, and a way in. */
function hitBlocks(hit: LessonHit, n: number): Block[] {
  const { lesson } = hit;
  const link = lesson.source.url === undefined ? '' : ` · ${lesson.source.url}`;
  return [
    { type: 'paragraph', text: `*${n}. ${lesson.title}*\n${hit.snippet}` },
    { type: 'context', text: `From ${contributorsInWords(lesson)} · ${STATUS_WORDS[lesson.status]} · ${lesson.createdAt.slice(0, 10)}${link}` },
    { type: 'buttons', buttons: [{ action: LIFECYCLE_ACTIONS.open, label: `Open ${n}`, value: lesson.id }] },
  ];
}

export function resultsCard(heading: string, hits: LessonHit[]): Card {
  const text = `${heading}: ${hits.map((h, i) => `${i + 1}. ${h.lesson.title}`).join('; ')}`;
  return card(text, { type: 'heading', text: heading }, ...hits.flatMap((hit, i) => hitBlocks(hit, i + 1)), {
    type: 'context',
    text: 'Only you can see this. Narrow it with #tag, technique:after-action-review, since:2026-01-01 or status:approved.',
  });
}

export function nothingFoundCard(described: string, broader: string | undefined): Card {
  const first = `I found no lessons for ${described}.`;
  const next = broader === undefined ? 'Try other words, or fewer of them.' : `Try a broader search: /lessons ${broader}`;
  return card(`${first} ${next}`, { type: 'paragraph', text: first }, { type: 'context', text: next });
}

export function searchProblemCard(problem: string): Card {
  const text = `${problem} For example: /lessons "printer queue" -paper #handover since:2026-01-01`;
  return card(text, { type: 'paragraph', text });
}

export function noLessonsYetCard(): Card {
  const text = 'The library has no lessons yet. They arrive when a team saves the lessons of an After Action Review (/aar).';
  return card(text, { type: 'paragraph', text });
}
