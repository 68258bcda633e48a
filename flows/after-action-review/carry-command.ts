// The facilitator's typed choice of which numbered answers a proposed lesson carries: carry 2: 1, 3 or carry 2: none.
import type { Step } from '../../src/core/flow';
import type { Person } from '../../src/core/model';
import { whisper } from '../shared/steps';
import { carriableAnswers } from './carried-answers';
import { proposalByNumber, withProposalEdit } from './proposals';
import type { AarState } from './state';
import { withSummaryRefreshed } from './steps';
import { carryHintCard, heldBackAnswerCard, noSuchAnswerCard, noSuchLessonCard } from './whispers';

export interface CarryChoice {
  /** The lesson's number in the summary. */
  number: number;
  /** The answers' numbers in the summary; null when they could not be read. */
  answers: readonly number[] | null;
}

export function chooseCarried(state: AarState, choice: CarryChoice, by: Person): Step<AarState> {
  const proposal = proposalByNumber(state, choice.number);
  if (!proposal) return whisper(state, by, noSuchLessonCard(choice.number));
  if (choice.answers === null) return whisper(state, by, carryHintCard(choice.number));
  const wanted = [...new Set(choice.answers)];
  const answers = carriableAnswers(state.answers);
  const missing = wanted.filter((n) => answers[n - 1] === undefined);
  if (missing.length > 0) return whisper(state, by, noSuchAnswerCard(missing));
  const heldBack = wanted.filter((n) => answers[n - 1]?.flagged === true);
  if (heldBack.length > 0) return whisper(state, by, heldBackAnswerCard(heldBack));
  const carried = answers.filter((_, i) => wanted.includes(i + 1)).map((a) => a.messageId);
  return withSummaryRefreshed(withProposalEdit(state, proposal.key, { carried }));
}
