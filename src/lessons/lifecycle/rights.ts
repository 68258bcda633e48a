// Who may do what to a lesson: validate, approve, and look after it (edit, archive, restore).
import type { Person } from '../../core/model';
import type { Sql } from '../../store/db';
import { communitiesForTags, communityOwnedBy, type CommunityOfLesson } from '../../store/communities';
import type { Lesson } from '../lesson';

export interface Rights {
  contributor: boolean;
  /** Anyone who did not contribute: a lesson needs a second pair of eyes. */
  validate: boolean;
  /** The community through which this person approves: one they own for the lesson's tags, and not their own lesson. */
  approveAs?: CommunityOfLesson;
  /** Contributors and approving community owners may edit, archive and restore. */
  lookAfter: boolean;
}

/** Imported lessons name people, not chat accounts, so nobody in chat counts as their contributor. */
export function isContributor(lesson: Lesson, person: Person): boolean {
  if (lesson.source.platform !== person.platform) return false;
  return lesson.contributors.some((c) => c.id === person.id);
}

export async function rightsOf(tx: Sql, lesson: Lesson, person: Person): Promise<Rights> {
  const contributor = isContributor(lesson, person);
  const owns = await communityOwnedBy(tx, lesson.source.tenant, person.id, lesson.tags);
  // Approval is a second pair of eyes too: an owner who contributed cannot approve their own lesson.
  const approveAs = contributor ? undefined : owns;
  return { contributor, validate: !contributor, ...(approveAs ? { approveAs } : {}), lookAfter: contributor || owns !== undefined };
}

/** The owners who could approve it, for telling someone else who to ask. */
export function approversOf(tx: Sql, lesson: Lesson): Promise<CommunityOfLesson[]> {
  return communitiesForTags(tx, lesson.source.tenant, lesson.tags);
}
