// Replies in the thread while the questions are open: recorded guarded, and kept in step with edits and deletes.
import type { Outgoing, Step } from '../../src/core/flow';
import type { Inbound } from '../../src/core/model';
import { guardText } from '../../src/privacy';
import type { AarState, Answer } from './state';
import { personOf, stay, withSummaryRefreshed } from './steps';
import { answerHeldBackCard, answerNowClearCard } from './whispers';

type Reply = Extract<Inbound, { kind: 'reply' }>;
type ReplyEdited = Extract<Inbound, { kind: 'reply-edited' }>;
type ReplyDeleted = Extract<Inbound, { kind: 'reply-deleted' }>;

/** Masks identifiers before anything is kept; the original text never enters state. */
function guarded(answer: Omit<Answer, 'text' | 'flagged'>, rawText: string): { answer: Answer; heldBack: Outgoing[] } {
  const { masked, findings } = guardText(rawText.trim());
  const flagged = findings.length > 0;
  const heldBack: Outgoing[] = flagged
    ? [{ kind: 'whisper', to: answer.author, card: answerHeldBackCard(answer.question, masked, findings) }]
    : [];
  return { answer: { ...answer, text: masked, flagged }, heldBack };
}

/** In review, any change to the answers changes the summary too. */
function afterChange(state: AarState, say: Outgoing[]): Step<AarState> {
  if (state.phase !== 'review') return { state, say };
  const refreshed = withSummaryRefreshed(state);
  return { state, say: [...say, ...refreshed.say] };
}

export function recordAnswer(state: AarState, event: Reply, now: Date): Step<AarState> {
  if (event.text.trim() === '') return stay(state);
  if (state.answers.some((a) => a.messageId === event.messageId)) return stay(state);
  const { answer, heldBack } = guarded(
    { messageId: event.messageId, question: state.question, author: personOf(event.from), at: now.toISOString() },
    event.text,
  );
  return { state: { ...state, answers: [...state.answers, answer] }, say: heldBack };
}

export function editAnswer(state: AarState, event: ReplyEdited): Step<AarState> {
  const old = state.answers.find((a) => a.messageId === event.messageId);
  if (!old) return stay(state);
  if (event.text.trim() === '') return deleteAnswer(state, { ...event, kind: 'reply-deleted' });
  const { answer, heldBack } = guarded(old, event.text);
  const answers = state.answers.map((a) => (a.messageId === old.messageId ? answer : a));
  const thanks: Outgoing[] =
    old.flagged && !answer.flagged ? [{ kind: 'whisper', to: old.author, card: answerNowClearCard(old.question) }] : [];
  return afterChange({ ...state, answers }, [...heldBack, ...thanks]);
}

export function deleteAnswer(state: AarState, event: ReplyDeleted): Step<AarState> {
  if (!state.answers.some((a) => a.messageId === event.messageId)) return stay(state);
  return afterChange(
    {
      ...state,
      answers: state.answers.filter((a) => a.messageId !== event.messageId),
      proposalEdits: state.proposalEdits.filter((e) => e.key !== event.messageId),
    },
    [],
  );
}
