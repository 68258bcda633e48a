// Turns a week's stored sections into what the digest says: who did what, the top recalled lessons, the counts.
import type { Person } from '../core/model';
import type { DigestContributor, DigestLesson, DigestSections, DueAction, LessonFeedbackTally } from '../store/digest';

/** How many recalled lessons the digest names. */
export const TOP_USEFUL = 3;

export interface ActivityCounts {
  newLessons: number;
  approvals: number;
  applied: number;
  actionsDone: number;
  feedback: number;
}

export interface Digest {
  newLessons: DigestLesson[];
  approved: { lesson: DigestLesson; by: Person }[];
  dueActions: DueAction[];
  useful: LessonFeedbackTally[];
  contributors: DigestContributor[];
  counts: ActivityCounts;
}

function asContributor(p: Person): DigestContributor {
  return { id: p.id, ...(p.name === undefined ? {} : { name: p.name }), mentionable: p.platform !== 'console' };
}

/** Lesson authors, approvers, people who used a lesson and people who finished an action; each once. Feedback stays anonymous. */
function contributorsOf(sections: DigestSections): DigestContributor[] {
  const people = [
    ...sections.newLessons.flatMap((l) => l.contributors),
    ...sections.moves.map((m) => asContributor(m.actor)),
    ...sections.doneActions.map((a) => asContributor(a.owner)),
  ];
  const seen = new Map<string, DigestContributor>();
  for (const p of people) if (!seen.has(p.id)) seen.set(p.id, p);
  return [...seen.values()];
}

export function buildDigest(sections: DigestSections): Digest {
  const approvals = sections.moves.filter((m) => m.kind === 'approved');
  // A lesson approved twice in a week (say, by two communities' owners) is news once.
  const approved = new Map<string, { lesson: DigestLesson; by: Person }>();
  for (const m of approvals) if (!approved.has(m.lesson.id)) approved.set(m.lesson.id, { lesson: m.lesson, by: m.actor });
  return {
    newLessons: sections.newLessons,
    approved: [...approved.values()],
    dueActions: sections.dueActions,
    useful: sections.feedback.filter((f) => f.useful > f.notUseful).slice(0, TOP_USEFUL),
    contributors: contributorsOf(sections),
    counts: {
      newLessons: sections.newLessons.length,
      approvals: approvals.length,
      applied: sections.moves.length - approvals.length,
      actionsDone: sections.doneActions.length,
      feedback: sections.feedback.reduce((n, f) => n + f.useful + f.notUseful, 0),
    },
  };
}

/** Nothing new, nothing due: the week gets a one-line note instead of an empty digest. */
export function isQuietWeek(digest: Digest): boolean {
  const c = digest.counts;
  return c.newLessons + c.approvals + c.applied + c.actionsDone + c.feedback + digest.dueActions.length === 0;
}
