// Replies in the thread while the questions are open: recorded guarded, and kept in step with edits and deletes.
import { answerHandlers } from '../shared/answers';
import type { Answer, BarState } from './state';
import { answerHeldBackCard, answerNowClearCard } from './whispers';

export const { answerReply, recordAnswer, editAnswer, deleteAnswer } = answerHandlers<BarState>({
  heldBackCard: answerHeldBackCard,
  nowClearCard: answerNowClearCard,
});

/** Answers to one question that may be used: the guard found nothing in them. */
export function usableAnswers(state: BarState, question: number): Answer[] {
  return state.answers.filter((a) => a.question === question && !a.flagged);
}
