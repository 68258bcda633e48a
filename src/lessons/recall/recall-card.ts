// What a Before Action Review is shown for "what can we learn from similar past work?": the lessons, and who was behind them.
import { card, type Block, type Card } from '../../core/card';
import { countOf } from '../../core/wording';
import type { RecallHit } from '../../store/lesson-recall';
import type { LessonReview } from '../../store/review-participants';
import { contributorsInWords, type Contributor, type Lesson } from '../lesson';
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
  /** Distinct reviews behind these lessons that they took part in. */
  reviews: number;
  /** Distinct lessons among these whose words are theirs. */
  lessons: number;
}

/** A long list of names helps nobody; the rest are counted. */
const MAX_PEOPLE = 10;

/**
 * The distinct people behind the lessons: their contributors, and everyone who took part in the reviews they came from.
 * Those who gave the most lessons first, then those in the most reviews, then in the order they appear.
 */
export function pastContributors(lessons: readonly Lesson[], reviews: readonly LessonReview[]): PastContributor[] {
  const reviewOf = new Map(reviews.map((r) => [r.lessonId, r]));
  const people = new Map<string, { reviews: Set<string>; lessons: Set<string> }>();
  const of = (name: string): { reviews: Set<string>; lessons: Set<string> } => {
    const known = people.get(name) ?? { reviews: new Set<string>(), lessons: new Set<string>() };
    people.set(name, known);
    return known;
  };
  for (const lesson of lessons) {
    const review = reviewOf.get(lesson.id);
    const nameOf = (c: Contributor): string => contributorsInWords({ source: lesson.source, contributors: [c] });
    for (const c of lesson.contributors) {
      const person = of(nameOf(c));
      person.lessons.add(lesson.id);
      // A lesson's contributor took part in its review, even one saved before participants were recorded.
      if (review) person.reviews.add(review.reviewId);
    }
    for (const p of review?.participants ?? []) of(nameOf(p)).reviews.add(review?.reviewId ?? '');
  }
  return [...people.entries()]
    .map(([name, p]) => ({ name, reviews: p.reviews.size, lessons: p.lessons.size }))
    .sort((a, b) => b.lessons - a.lessons || b.reviews - a.reviews);
}

function personInWords(p: PastContributor): string {
  const counts = [p.reviews > 0 ? countOf(p.reviews, 'review') : '', p.lessons > 0 ? countOf(p.lessons, 'lesson') : ''];
  return `${p.name}: ${counts.filter((c) => c !== '').join(', ')}`;
}

function whoLines(people: readonly PastContributor[]): string[] {
  const shown = people.slice(0, MAX_PEOPLE).map(personInWords);
  const more = people.length - shown.length;
  return more > 0 ? [...shown, `and ${countOf(more, 'other person', 'other people')}`] : shown;
}

/** `reviews` are the recalled lessons' reviews, with who took part; without them only contributors are counted. */
export function recalledLessonsCard(runId: string, hits: readonly RecallHit[], reviews: readonly LessonReview[] = []): Card {
  const people = pastContributors(hits.map((h) => h.lesson), reviews);
  const lines = whoLines(people);
  const who = lines.length === 0 ? 'None of these lessons names who gave it.' : lines.join('; ');
  const text = `${RECALL_HEADING}: ${hits.map((h, i) => `${i + 1}. ${h.lesson.title}`).join('; ')}. ${WHO_HEADING}: ${who}`;
  return card(
    text,
    { type: 'heading', text: RECALL_HEADING },
    ...hits.flatMap((hit, i) => lessonBlocks(runId, hit, i + 1)),
    { type: 'divider' },
    { type: 'heading', text: WHO_HEADING },
    {
      type: 'paragraph',
      text: lines.length === 0 ? who : `${lines.map((l) => `• ${l}`).join('\n')}\nThey may be worth a quick chat before you start.`,
    },
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
