// Turns the kept proposals into LessonDrafts for the shared library, and names who took part in the review.
import type { LessonDraft } from '../../src/core/flow';
import { samePerson, type Person } from '../../src/core/model';
import { hashtagsIn } from './hashtags';
import { proposalsOf, type Proposal } from './proposals';
import { EXPECTATION_QUESTION, OBSERVATION_QUESTION, REASON_QUESTION } from './questions';
import type { AarState } from './state';

export const TECHNIQUE = 'after-action-review';

function uniquePeople(people: readonly Person[]): Person[] {
  const unique: Person[] = [];
  for (const person of people) if (!unique.some((p) => samePerson(p, person))) unique.push(person);
  return unique;
}

/** The people whose words the lesson is made of: its author, the authors of what it carries, and an editing facilitator. */
function contributorsOf(state: AarState, proposal: Proposal): Person[] {
  const editor = proposal.textEdited ? [state.facilitator] : [];
  return uniquePeople([proposal.author, ...proposal.carried.map((a) => a.author), ...editor]);
}

function draftOf(state: AarState, proposal: Proposal): LessonDraft {
  const carried = (question: number): string[] => proposal.carried.filter((a) => a.question === question).map((a) => a.text);
  // What the team expected is the whole review's context, like its title; other answers tag only the lessons that carry them.
  const expected = state.answers.filter((a) => a.question === EXPECTATION_QUESTION && !a.flagged).map((a) => a.text);
  return {
    key: proposal.key,
    title: proposal.title,
    recommendation: proposal.recommendation,
    observation: carried(OBSERVATION_QUESTION).join('\n'),
    reason: carried(REASON_QUESTION).join('\n'),
    technique: TECHNIQUE,
    tags: hashtagsIn([state.title, proposal.title, proposal.recommendation, proposal.answer.text, ...expected, ...proposal.carried.map((a) => a.text)]),
    contributors: contributorsOf(state, proposal),
  };
}

export function draftsOf(state: AarState): LessonDraft[] {
  return proposalsOf(state)
    .filter((p) => !p.dropped)
    .map((p) => draftOf(state, p));
}

/** Everyone who answered (held-back answers too: they took part) and the facilitator, who are the review's, not a lesson's. */
export function participantsOf(state: AarState): Person[] {
  return uniquePeople([state.facilitator, ...state.answers.map((a) => a.author)]);
}
