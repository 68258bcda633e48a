// Replies in the thread while the questions are open: recorded guarded, and kept in step with edits and deletes.
import type { Outgoing, Step } from '../../src/core/flow';
import type { Inbound } from '../../src/core/model';
import { guardText } from '../../src/privacy';
import type { Answer, BarState } from './state';
import { personOf, stay } from './steps';
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

export function recordAnswer(state: BarState, event: Reply, now: Date): Step<BarState> {
  if (event.text.trim() === '') return stay(state);
  if (state.answers.some((a) => a.messageId === event.messageId)) return stay(state);
  const { answer, heldBack } = guarded(
    { messageId: event.messageId, question: state.question, author: personOf(event.from), at: now.toISOString() },
    event.text,
  );
  return { state: { ...state, answers: [...state.answers, answer] }, say: heldBack };
}

export function editAnswer(state: BarState, event: ReplyEdited): Step<BarState> {
  const old = state.answers.find((a) => a.messageId === event.messageId);
  if (!old) return stay(state);
  if (event.text.trim() === '') return deleteAnswer(state, { ...event, kind: 'reply-deleted' });
  const { answer, heldBack } = guarded(old, event.text);
  const answers = state.answers.map((a) => (a.messageId === old.messageId ? answer : a));
  const thanks: Outgoing[] =
    old.flagged && !answer.flagged ? [{ kind: 'whisper', to: old.author, card: answerNowClearCard(old.question) }] : [];
  return { state: { ...state, answers }, say: [...heldBack, ...thanks] };
}

export function deleteAnswer(state: BarState, event: ReplyDeleted): Step<BarState> {
  if (!state.answers.some((a) => a.messageId === event.messageId)) return stay(state);
  return { state: { ...state, answers: state.answers.filter((a) => a.messageId !== event.messageId) }, say: [] };
}

/** Answers to one question that may be used: the guard found nothing in them. */
export function usableAnswers(state: BarState, question: number): Answer[] {
  return state.answers.filter((a) => a.question === question && !a.flagged);
}
