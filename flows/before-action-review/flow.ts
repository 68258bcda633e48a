// Routes each event to the handler for it, after checking who sent it and whether it is still current.
import type { Addition, Step } from '../../src/core/flow';
import type { Inbound } from '../../src/core/model';
import { pressedOnQuestion } from '../shared/question-card';
import { isFacilitator, stay, whisper } from '../shared/steps';
import { answerReply, deleteAnswer, editAnswer, recordAnswer } from './answers';
import { commandFor, type BarCommand } from './commands';
import { verbOf } from './ids';
import { cancelReview, finishReview, nextQuestion } from './progress';
import type { BarRest, BarState } from './state';
import { alreadyOnQuestionCard, alreadyRunningCard, onlyFacilitatorButtonsCard, onlyFacilitatorMovesCard } from './whispers';

type Action = Extract<Inbound, { kind: 'action' }>;
type Reply = Extract<Inbound, { kind: 'reply' }>;

/** The moves a facilitator makes by button or by typing the same word. */
const PROGRESS: Readonly<Record<BarCommand, (state: BarState, now: Date) => Step<BarState>>> = {
  next: nextQuestion,
  finish: finishReview,
  cancel: (state) => cancelReview(state),
};

function onReply(state: BarState, event: Reply, now: Date): Step<BarState> {
  const command = commandFor(event.text);
  if (!command) return recordAnswer(state, event, now);
  if (!isFacilitator(state, event.from)) return whisper(state, event.from, onlyFacilitatorMovesCard(state.facilitator));
  return PROGRESS[command](state, now);
}

/** The cheap path for the commonest event, a plain reply, without the answers so far; anything else takes the full path. */
export function addReply(state: BarRest, event: Inbound, now: Date): Addition | undefined {
  if (state.phase !== 'asking') return { say: [] };
  if (event.kind !== 'reply' || commandFor(event.text)) return undefined;
  return answerReply(state, event, now);
}

/** Every BAR button sits on a question card and carries its index; one from an earlier card is a late or double press. */
function isStalePress(state: BarState, value: string | undefined): boolean {
  return pressedOnQuestion(value) !== state.question;
}

function onAction(state: BarState, event: Action, now: Date): Step<BarState> {
  const verb = verbOf(event.action);
  if (!verb) return stay(state);
  if (!isFacilitator(state, event.from)) return whisper(state, event.from, onlyFacilitatorButtonsCard(state.facilitator));
  if (isStalePress(state, event.value)) return whisper(state, event.from, alreadyOnQuestionCard(state.question));
  return PROGRESS[verb](state, now);
}

export function onEvent(state: BarState, event: Inbound, now: Date): Step<BarState> {
  // A finished run has nothing more to do; the engine closes it.
  if (state.phase !== 'asking') return stay(state);
  switch (event.kind) {
    case 'reply':
      return onReply(state, event, now);
    case 'reply-edited':
      return editAnswer(state, event, now);
    case 'reply-deleted':
      return deleteAnswer(state, event);
    case 'action':
      return onAction(state, event, now);
    case 'form':
      return stay(state);
    case 'command':
      return whisper(state, event.from, alreadyRunningCard(state.title, state.facilitator));
  }
}
