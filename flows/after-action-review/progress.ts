// Moving the review along: next question, finish, cancel and save.
import type { Outgoing, Step } from '../../src/core/flow';
import { stay } from '../shared/steps';
import { draftsOf, participantsOf } from './drafts';
import { KEYS } from './ids';
import { overviewCard } from './overview-card';
import { closedQuestionCard, openQuestionCard } from './question-card';
import { LAST_QUESTION } from './questions';
import type { AarState } from './state';
import { summaryCard } from './summary-card';
import { cancelledNoteCard, savedNoteCard } from './thread-notes';

function closeCurrentQuestion(state: AarState, cancelled = false): Outgoing {
  const answers = state.answers.filter((a) => a.question === state.question).length;
  return { kind: 'update', key: KEYS.question(state.question), card: closedQuestionCard(state.question, answers, cancelled) };
}

/** Closes the questions (early, if the facilitator says finish) and posts the summary. */
export function finishQuestions(state: AarState): Step<AarState> {
  if (state.phase !== 'asking') return stay(state);
  const next: AarState = { ...state, phase: 'review' };
  return {
    state: next,
    say: [closeCurrentQuestion(state), { kind: 'post', in: 'thread', key: KEYS.summary, card: summaryCard(next, 'review') }],
  };
}

export function nextQuestion(state: AarState): Step<AarState> {
  if (state.phase !== 'asking') return stay(state);
  if (state.question >= LAST_QUESTION) return finishQuestions(state);
  const question = state.question + 1;
  return {
    state: { ...state, question },
    say: [closeCurrentQuestion(state), { kind: 'post', in: 'thread', key: KEYS.question(question), card: openQuestionCard(question) }],
  };
}

export function cancelReview(state: AarState): Step<AarState> {
  if (state.phase !== 'asking' && state.phase !== 'review') return stay(state);
  const closing: Outgoing =
    state.phase === 'asking'
      ? closeCurrentQuestion(state, true)
      : { kind: 'update', key: KEYS.summary, card: summaryCard(state, 'cancelled') };
  return {
    state: { ...state, phase: 'cancelled' },
    done: true,
    say: [
      closing,
      { kind: 'update', key: KEYS.overview, card: overviewCard(state.title, state.facilitator, { kind: 'cancelled' }) },
      { kind: 'post', in: 'thread', card: cancelledNoteCard() },
    ],
  };
}

export function saveLessons(state: AarState): Step<AarState> {
  if (state.phase !== 'review') return stay(state);
  const drafts = draftsOf(state);
  const saved: AarState = { ...state, phase: 'saved' };
  const step: Step<AarState> = {
    state: saved,
    done: true,
    participants: participantsOf(state),
    say: [
      { kind: 'update', key: KEYS.summary, card: summaryCard(saved, 'saved') },
      { kind: 'update', key: KEYS.overview, card: overviewCard(state.title, state.facilitator, { kind: 'saved', lessons: drafts.length }) },
      { kind: 'post', in: 'thread', card: savedNoteCard(drafts.length) },
    ],
  };
  return drafts.length > 0 ? { ...step, save: drafts } : step;
}
