// Replies in the thread while the questions are open: recorded guarded, and kept in step with edits and deletes.
import { answerHandlers } from '../shared/answers';
import type { AarState } from './state';
import { withSummaryRefreshed } from './steps';
import { answerHeldBackCard, answerNowClearCard } from './whispers';

export const { answerReply, withAddition, editAnswer, deleteAnswer } = answerHandlers<AarState>({
  heldBackCard: answerHeldBackCard,
  nowClearCard: answerNowClearCard,
  /** In review, any change to the answers changes the summary too. */
  afterChange(state, say) {
    if (state.phase !== 'review') return { state, say };
    return { state, say: [...say, ...withSummaryRefreshed(state).say] };
  },
  /** The facilitator's changes to a lesson go with the answer it came from. */
  withoutAnswer: (state, messageId) => ({ ...state, proposalEdits: state.proposalEdits.filter((e) => e.key !== messageId) }),
});
