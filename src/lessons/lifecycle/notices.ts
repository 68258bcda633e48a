// Short replies about a lesson: not now, not you (and who can), and what was done.
import { card, type Card } from '../../core/card';
import type { CommunityOfLesson } from '../../store/communities';
import type { LessonEvent } from '../../store/lesson-events';
import { contributorsInWords, type Lesson } from '../lesson';
import { statusInWords } from './lesson-card';
import { listOf } from '../../core/wording';
import { named, tagsInWords, who } from './words';

function say(text: string): Card {
  return card(text, { type: 'paragraph', text });
}

export function needsFormCard(): Card {
  return say('That needs a form, which I can only open when you press the button. Please press it on the lesson itself.');
}

export type Move = 'validate' | 'approve' | 'apply';

const ORDER: Record<Lesson['status'], number> = { draft: 0, validated: 1, approved: 2, applied: 3 };

/** Why a move cannot happen now (a stale or double press), or undefined when it can. */
export function notNowNote(lesson: Lesson, move: Move, events: readonly LessonEvent[]): string | undefined {
  if (lesson.archivedAt !== undefined) return 'Nothing changed: this lesson is archived. Restore it first if it still holds.';
  const now = `Nothing changed: it is ${statusInWords(lesson, events).replace(/^\w/u, (c) => c.toLowerCase())}.`;
  switch (move) {
    case 'validate':
      return lesson.status === 'draft' ? undefined : now;
    case 'approve':
      if (lesson.status === 'validated') return undefined;
      return ORDER[lesson.status] < ORDER.validated ? 'Nothing changed: a lesson needs validating before it can be approved.' : now;
    case 'apply':
      return lesson.status === 'draft' ? 'Nothing changed: a lesson needs validating before it is marked applied.' : undefined;
  }
}

export function ownLessonCard(lesson: Lesson): Card {
  return say(
    `You contributed to ${named(lesson)}, so you can't validate it yourself. Anyone else in your organisation can: ask a colleague to open it with /lessons and press Validate.`,
  );
}

function ownersInWords(communities: readonly CommunityOfLesson[]): string {
  return communities.map((c) => `${listOf(c.owners.map(who))} (${c.name})`).join(', ');
}

function approverNoun(lesson: Lesson): string {
  return lesson.tags.length === 0 ? 'the owner of a community of practice' : `the owner of a community of practice for ${tagsInWords(lesson.tags)}`;
}

export function cannotApproveCard(lesson: Lesson, approvers: readonly CommunityOfLesson[]): Card {
  const first = `Only ${approverNoun(lesson)} can approve ${named(lesson)}`;
  if (approvers.length === 0) return say(`${first}, and there is none yet. Once there is one, its owner can approve it.`);
  return say(`${first}: you could ask ${ownersInWords(approvers)}.`);
}

/** An owner who contributed to a lesson: someone else must approve it, and who could. */
export function ownLessonApprovalCard(lesson: Lesson, otherApprovers: readonly CommunityOfLesson[]): Card {
  const first = `You contributed to ${named(lesson)}, so you can't approve it yourself`;
  if (otherApprovers.length > 0) return say(`${first}: you could ask ${ownersInWords(otherApprovers)}.`);
  return say(`${first}, and no other community of practice covers ${tagsInWords(lesson.tags)} yet. It stays validated, and anyone can still use it.`);
}

export function cannotLookAfterCard(lesson: Lesson, verb: 'edit' | 'archive' | 'restore', approvers: readonly CommunityOfLesson[]): Card {
  const owners = approvers.length === 0 ? '' : ` (${ownersInWords(approvers)})`;
  const people = lesson.source.platform === 'import' ? '' : `its contributors (${contributorsInWords(lesson)}) or `;
  return say(`Only ${people}${approverNoun(lesson)}${owners} can ${verb} ${named(lesson)}.`);
}

export function problemCard(problem: string): Card {
  return say(problem);
}
