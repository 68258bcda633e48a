// Moving the review along: next question (asking for past lessons on the way to question 2), finish and cancel.
import { card } from '../../src/core/card';
import type { Outgoing, RecallRequest, Step } from '../../src/core/flow';
import { stay } from '../shared/steps';
import { plannedActionsOf } from './action-drafts';
import { usableAnswers } from './answers';
import { KEYS } from './ids';
import { overviewCard } from './overview-card';
import { closedQuestionCard, openQuestionCard } from './question-card';
import { AIMS_QUESTION, LAST_QUESTION, LEARNING_QUESTION } from './questions';
import type { BarState } from './state';
import { summaryCard } from './summary-card';

function closeCurrentQuestion(state: BarState, cancelled = false): Outgoing {
  const answers = state.answers.filter((a) => a.question === state.question).length;
  return { kind: 'update', key: KEYS.question(state.question), card: closedQuestionCard(state.question, answers, cancelled) };
}

/** What the library is searched for: the title and what people said they are setting out to do. */
export function recallFor(state: BarState): RecallRequest {
  const aims = usableAnswers(state, AIMS_QUESTION).map((a) => a.text);
  return { about: [state.title, ...aims].join('\n'), key: KEYS.recalled };
}

/** Closes the questions (early, if the facilitator says finish), posts the summary and hands over the actions. */
export function finishReview(state: BarState, now: Date): Step<BarState> {
  if (state.phase !== 'asking') return stay(state);
  const finished: BarState = { ...state, phase: 'finished' };
  const planned = plannedActionsOf(finished, now);
  const actions = planned.map((p) => p.draft);
  const step: Step<BarState> = {
    state: finished,
    done: true,
    say: [
      closeCurrentQuestion(state),
      { kind: 'post', in: 'thread', key: KEYS.summary, card: summaryCard(finished, planned) },
      {
        kind: 'update',
        key: KEYS.overview,
        card: overviewCard(state.title, state.facilitator, { kind: 'finished', actions: actions.length }),
      },
    ],
  };
  return actions.length > 0 ? { ...step, actions } : step;
}

export function nextQuestion(state: BarState, now: Date): Step<BarState> {
  if (state.phase !== 'asking') return stay(state);
  if (state.question >= LAST_QUESTION) return finishReview(state, now);
  const question = state.question + 1;
  const moved: BarState = { ...state, question };
  const step: Step<BarState> = {
    state: moved,
    say: [closeCurrentQuestion(state), { kind: 'post', in: 'thread', key: KEYS.question(question), card: openQuestionCard(question) }],
  };
  // Questions only move forward, so this happens once per review.
  return question === LEARNING_QUESTION ? { ...step, recall: recallFor(state) } : step;
}

export function cancelReview(state: BarState): Step<BarState> {
  if (state.phase !== 'asking') return stay(state);
  const text = 'The review was cancelled, and nothing was saved.';
  return {
    state: { ...state, phase: 'cancelled' },
    done: true,
    say: [
      closeCurrentQuestion(state, true),
      { kind: 'update', key: KEYS.overview, card: overviewCard(state.title, state.facilitator, { kind: 'cancelled' }) },
      { kind: 'post', in: 'thread', card: card(text, { type: 'paragraph', text }) },
    ],
  };
}
