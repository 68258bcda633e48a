// The lessons most relevant to what a team is about to do, posted in its thread, and noted so feedback can be checked.
import type { Outgoing } from '../../core/flow';
import type { Recaller } from '../../engine/recaller';
import { DETECTORS, guardText, maskFor } from '../../privacy';
import { recallCandidates, recordRecalls } from '../../store/lesson-recall';
import { lessonReviews } from '../../store/review-participants';
import { nothingSimilarCard, recalledLessonsCard } from './recall-card';

export const RECALLED = 5;
/** A review's title and first answers say enough; a pasted document would only make every lesson match. */
const MAX_ABOUT = 4000;

/** The words to search for: identifiers masked, and the masks themselves left out so they match nothing. */
export function searchableAbout(about: string): string {
  let masked = guardText(about).masked;
  for (const detector of DETECTORS) masked = masked.split(maskFor(detector)).join(' ');
  // Cut last, so a cut never leaves part of an identifier, or of a mask, to search for.
  return masked.slice(0, MAX_ABOUT);
}

export const recallLessons: Recaller = async (tx, request, now): Promise<Outgoing[]> => {
  const hits = await recallCandidates(tx, request.tenant, searchableAbout(request.about), RECALLED);
  const ids = hits.map((h) => h.lesson.id);
  await recordRecalls(tx, request.runId, request.tenant, ids, now);
  const card = hits.length === 0 ? nothingSimilarCard() : recalledLessonsCard(request.runId, hits, await lessonReviews(tx, request.tenant, ids));
  return [{ kind: 'post', in: 'thread', key: request.key, card }];
};
