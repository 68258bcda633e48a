// Replies in the thread while the questions are open: recorded guarded, kept in step with edits and deletes, dates checked.
import type { Addition, Step } from '../../src/core/flow';
import type { Inbound } from '../../src/core/model';
import { answerHandlers } from '../shared/answers';
import { dateNotes } from './date-notes';
import type { Answer, BarState } from './state';
import { answerHeldBackCard, answerNowClearCard } from './whispers';

type Reply = Extract<Inbound, { kind: 'reply' }>;
type ReplyEdited = Extract<Inbound, { kind: 'reply-edited' }>;

const shared = answerHandlers<BarState>({
  heldBackCard: answerHeldBackCard,
  nowClearCard: answerNowClearCard,
});

export const { deleteAnswer } = shared;

export function answerReply(state: Pick<BarState, 'question'>, event: Reply, now: Date): Addition<Answer> {
  const addition = shared.answerReply(state, event, now);
  return addition.add ? { ...addition, say: [...addition.say, ...dateNotes(addition.add.item, now)] } : addition;
}

export function recordAnswer(state: BarState, event: Reply, now: Date): Step<BarState> {
  return shared.withAddition(state, answerReply(state, event, now));
}

export function editAnswer(state: BarState, event: ReplyEdited, now: Date): Step<BarState> {
  const before = state.answers.find((a) => a.messageId === event.messageId);
  const step = shared.editAnswer(state, event);
  const after = step.state.answers.find((a) => a.messageId === event.messageId);
  if (!before || !after) return step;
  return { ...step, say: [...step.say, ...dateNotes(after, now, before)] };
}

/** Answers to one question that may be used: the guard found nothing in them. */
export function usableAnswers(state: BarState, question: number): Answer[] {
  return state.answers.filter((a) => a.question === question && !a.flagged);
}
