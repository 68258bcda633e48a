// Replies in a review's thread while its questions are open: recorded guarded, and kept in step with edits and deletes.
import type { Card } from '../../src/core/card';
import type { Addition, Outgoing, Step } from '../../src/core/flow';
import type { Inbound } from '../../src/core/model';
import { guardText, type Finding } from '../../src/privacy';
import { echoCard } from './echo';
import type { Answer } from './review-state';
import { personOf } from './person';
import { stay } from './steps';

/** An answer is a few paragraphs: it must fit, with its author's name, in one section of a summary card. */
export const ANSWER_MAX_LENGTH = 2_000;

type Reply = Extract<Inbound, { kind: 'reply' }>;
type ReplyEdited = Extract<Inbound, { kind: 'reply-edited' }>;
type ReplyDeleted = Extract<Inbound, { kind: 'reply-deleted' }>;

/** The part of a review's state that holds its answers. */
export interface Answering {
  question: number;
  answers: Answer[];
}

/** What differs between reviews: their words, and what else moves when the answers do. */
export interface AnswerRules<S extends Answering> {
  heldBackCard(question: number, masked: string, findings: readonly Finding[]): Card;
  nowClearCard(question: number): Card;
  /** After an edit or delete; by default nothing more. */
  afterChange?(state: S, say: Outgoing[]): Step<S>;
  /** Whatever else hangs off an answer that goes; by default nothing. */
  withoutAnswer?(state: S, messageId: string): S;
}

export interface AnswerHandlers<S> {
  /** The answer a reply adds, from the question being asked alone (the engine's cheap path); nothing for an empty reply. */
  answerReply(state: Pick<Answering, 'question'>, event: Reply, now: Date): Addition<Answer>;
  /** Puts an addition into the whole state; a message already answered adds nothing and says nothing. */
  withAddition(state: S, addition: Addition<Answer>): Step<S>;
  recordAnswer(state: S, event: Reply, now: Date): Step<S>;
  editAnswer(state: S, event: ReplyEdited): Step<S>;
  deleteAnswer(state: S, event: ReplyDeleted): Step<S>;
}

export function answerHandlers<S extends Answering>(rules: AnswerRules<S>): AnswerHandlers<S> {
  const afterChange = rules.afterChange ?? ((state: S, say: Outgoing[]): Step<S> => ({ state, say }));
  const withoutAnswer = rules.withoutAnswer ?? ((state: S): S => state);

  /** Masks identifiers before anything is kept; the original text never enters state. */
  function guarded(answer: Omit<Answer, 'text' | 'flagged'>, rawText: string): { answer: Answer; heldBack: Outgoing[] } {
    const { masked, findings } = guardText(rawText.trim());
    const flagged = findings.length > 0;
    const heldBack: Outgoing[] = flagged
      ? [{ kind: 'whisper', to: answer.author, card: rules.heldBackCard(answer.question, masked, findings) }]
      : [];
    return { answer: { ...answer, text: masked, flagged }, heldBack };
  }

  /** A reply over the limit is not kept; its author is told the limit and given it back (masked), so nothing is lost. */
  function tooLongSaid(event: Reply | ReplyEdited, what: 'new' | 'edit'): Outgoing | undefined {
    const text = event.text.trim();
    if (text.length <= ANSWER_MAX_LENGTH) return undefined;
    const kept = what === 'new' ? "so I haven't kept it for the review" : "so I've kept your answer as it was before";
    const said =
      `Answers can be up to ${ANSWER_MAX_LENGTH.toLocaleString('en-GB')} characters, and that one has ${text.length.toLocaleString('en-GB')}, ${kept}. ` +
      'Please post it again as two or more shorter replies: each one counts as an answer. Here is what you wrote:';
    return { kind: 'whisper', to: personOf(event.from), card: echoCard(said, guardText(text).masked) };
  }

  function answerReply(state: Pick<Answering, 'question'>, event: Reply, now: Date): Addition<Answer> {
    if (event.text.trim() === '') return { say: [] };
    const long = tooLongSaid(event, 'new');
    if (long) return { say: [long] };
    const { answer, heldBack } = guarded(
      { messageId: event.messageId, question: state.question, author: personOf(event.from), at: now.toISOString() },
      event.text,
    );
    return { add: { key: answer.messageId, item: answer }, say: heldBack };
  }

  function withAddition(state: S, addition: Addition<Answer>): Step<S> {
    const { add, say } = addition;
    if (!add) return { state, say };
    if (state.answers.some((a) => a.messageId === add.key)) return stay(state);
    return { state: { ...state, answers: [...state.answers, add.item] }, say };
  }

  function recordAnswer(state: S, event: Reply, now: Date): Step<S> {
    return withAddition(state, answerReply(state, event, now));
  }

  function editAnswer(state: S, event: ReplyEdited): Step<S> {
    const old = state.answers.find((a) => a.messageId === event.messageId);
    if (!old) return stay(state);
    if (event.text.trim() === '') return deleteAnswer(state, { ...event, kind: 'reply-deleted' });
    const long = tooLongSaid(event, 'edit');
    if (long) return { state, say: [long] };
    const { answer, heldBack } = guarded(old, event.text);
    const answers = state.answers.map((a) => (a.messageId === old.messageId ? answer : a));
    const thanks: Outgoing[] =
      old.flagged && !answer.flagged ? [{ kind: 'whisper', to: old.author, card: rules.nowClearCard(old.question) }] : [];
    return afterChange({ ...state, answers }, [...heldBack, ...thanks]);
  }

  function deleteAnswer(state: S, event: ReplyDeleted): Step<S> {
    if (!state.answers.some((a) => a.messageId === event.messageId)) return stay(state);
    const answers = state.answers.filter((a) => a.messageId !== event.messageId);
    return afterChange(withoutAnswer({ ...state, answers }, event.messageId), []);
  }

  return { answerReply, withAddition, recordAnswer, editAnswer, deleteAnswer };
}
