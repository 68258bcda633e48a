// Turns the kept proposals into LessonDrafts for the shared library.
import type { LessonDraft } from '../../src/core/flow';
import { samePerson, type Person } from '../../src/core/model';
import { hashtagsIn } from './hashtags';
import { proposalsOf, type Proposal } from './proposals';
import { LESSON_QUESTION, OBSERVATION_QUESTION, REASON_QUESTION } from './questions';
import type { AarState } from './state';

export const TECHNIQUE = 'after-action-review';

function usableTexts(state: AarState, question: number): string[] {
  return state.answers.filter((a) => a.question === question && !a.flagged).map((a) => a.text);
}

function uniquePeople(people: readonly Person[]): Person[] {
  const unique: Person[] = [];
  for (const person of people) if (!unique.some((p) => samePerson(p, person))) unique.push(person);
  return unique;
}

function draftOf(state: AarState, proposal: Proposal): LessonDraft {
  const context = state.answers.filter((a) => a.question < LESSON_QUESTION && !a.flagged).map((a) => a.text);
  return {
    key: proposal.key,
    title: proposal.title,
    recommendation: proposal.recommendation,
    observation: usableTexts(state, OBSERVATION_QUESTION).join('\n'),
    reason: usableTexts(state, REASON_QUESTION).join('\n'),
    technique: TECHNIQUE,
    tags: hashtagsIn([state.title, proposal.title, proposal.recommendation, proposal.answer.text, ...context]),
    contributors: uniquePeople([proposal.author, state.facilitator, ...state.answers.map((a) => a.author)]),
  };
}

export function draftsOf(state: AarState): LessonDraft[] {
  return proposalsOf(state)
    .filter((p) => !p.dropped)
    .map((p) => draftOf(state, p));
}
