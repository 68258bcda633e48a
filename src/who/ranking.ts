// Who has done this before, ranked: more matching evidence first, then the more recent, then by name.
import type { Evidence, EvidenceKind } from '../store/who-evidence';

export interface Candidate {
  personId: string;
  /** As a message names them: a mention in chat, a name in the sandbox or from a spreadsheet. */
  shownAs: string;
  /** Distinct items of each kind, newest first. */
  lessons: Item[];
  reviews: Item[];
  applied: Item[];
  /** The newest evidence of any kind. */
  latest: Date;
}

export interface Item {
  id: string;
  title: string;
  at: Date;
}

/** How many pieces of evidence a person has: every lesson, review and application counts one. */
export function evidenceCount(c: Candidate): number {
  return c.lessons.length + c.reviews.length + c.applied.length;
}

const KIND_FIELD: Record<EvidenceKind, 'lessons' | 'reviews' | 'applied'> = { lesson: 'lessons', review: 'reviews', applied: 'applied' };

function shownAs(e: Evidence): string {
  return e.platform === 'console' || e.platform === 'import' ? (e.personName ?? e.personId) : `<@${e.personId}>`;
}

/** One candidate per person, each item counted once (a lesson applied twice is one application). */
export function rankCandidates(evidence: readonly Evidence[]): Candidate[] {
  const byPerson = new Map<string, Candidate>();
  for (const e of evidence) {
    const known = byPerson.get(e.personId) ?? { personId: e.personId, shownAs: shownAs(e), lessons: [], reviews: [], applied: [], latest: e.at };
    byPerson.set(e.personId, known);
    const items = known[KIND_FIELD[e.kind]];
    const same = items.find((i) => i.id === e.itemId);
    if (same === undefined) items.push({ id: e.itemId, title: e.title, at: e.at });
    else if (e.at > same.at) same.at = e.at;
    if (e.at > known.latest) known.latest = e.at;
  }
  const candidates: Candidate[] = [...byPerson.values()].map((c) => ({
    ...c,
    lessons: newestFirst(c.lessons),
    reviews: newestFirst(c.reviews),
    applied: newestFirst(c.applied),
  }));
  return candidates.sort(byRank);
}

function newestFirst(items: Item[]): Item[] {
  return [...items].sort((a, b) => b.at.getTime() - a.at.getTime() || a.title.localeCompare(b.title));
}

/** The stated rule: more evidence, then more recent evidence, then the name as shown, then the id. */
function byRank(a: Candidate, b: Candidate): number {
  return (
    evidenceCount(b) - evidenceCount(a) ||
    b.latest.getTime() - a.latest.getTime() ||
    a.shownAs.localeCompare(b.shownAs, 'en-GB') ||
    a.personId.localeCompare(b.personId)
  );
}
