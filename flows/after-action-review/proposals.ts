// Proposed lessons: one per usable answer to the last question, with the facilitator's changes applied.
import type { Person } from '../../src/core/model';
import { carriedAnswers } from './carried-answers';
import { shortTitle } from './lesson-title';
import { LESSON_QUESTION } from './questions';
import type { AarState, Answer, ProposalEdit } from './state';

export interface Proposal {
  /** The answer's messageId: stable, so saving twice never duplicates. */
  key: string;
  /** 1-based position in the summary, used by typed commands ('drop 2'). */
  number: number;
  title: string;
  /** The facilitator set the title, so it no longer follows the recommendation. */
  titleEdited: boolean;
  recommendation: string;
  /** The facilitator changed its title or wording, so some of its words are theirs. */
  textEdited: boolean;
  dropped: boolean;
  author: Person;
  answer: Answer;
  /** The answers to questions 2 and 3 it carries, in the summary's order. */
  carried: Answer[];
  /** The facilitator chose them (carry 2: 1, 3); otherwise they are the answers that share its words. */
  carriedChosen: boolean;
}

export function proposalsOf(state: AarState): Proposal[] {
  const usable = state.answers.filter((a) => a.question === LESSON_QUESTION && !a.flagged);
  return usable.map((answer, i) => {
    const edit = state.proposalEdits.find((e) => e.key === answer.messageId);
    const recommendation = edit?.recommendation ?? answer.text;
    const title = edit?.title ?? shortTitle(recommendation);
    return {
      key: answer.messageId,
      number: i + 1,
      title,
      titleEdited: edit?.title !== undefined,
      recommendation,
      textEdited: edit?.title !== undefined || edit?.recommendation !== undefined,
      dropped: edit?.dropped ?? false,
      author: answer.author,
      answer,
      carried: carriedAnswers(state.answers, `${title}\n${recommendation}`, edit?.carried, state.title),
      carriedChosen: edit?.carried !== undefined,
    };
  });
}

export function proposalByKey(state: AarState, key: string | undefined): Proposal | undefined {
  return key === undefined ? undefined : proposalsOf(state).find((p) => p.key === key);
}

export function proposalByNumber(state: AarState, number: number): Proposal | undefined {
  return proposalsOf(state).find((p) => p.number === number);
}

/** Records a change to one proposal, keeping whatever the facilitator changed before. */
export function withProposalEdit(
  state: AarState,
  key: string,
  change: Partial<Omit<ProposalEdit, 'key'>>,
): AarState {
  const old = state.proposalEdits.find((e) => e.key === key) ?? { key, dropped: false };
  const merged: ProposalEdit = { ...old, ...change };
  // Keep stored state free of undefined holes (it travels as JSON).
  const clean: ProposalEdit = { key, dropped: merged.dropped };
  if (merged.title !== undefined) clean.title = merged.title;
  if (merged.recommendation !== undefined) clean.recommendation = merged.recommendation;
  if (merged.carried !== undefined) clean.carried = merged.carried;
  return { ...state, proposalEdits: [...state.proposalEdits.filter((e) => e.key !== key), clean] };
}
