// Routes each event to the handler for it, after checking who sent it and whether it is still current.
import type { Addition, Step } from '../../src/core/flow';
import type { Inbound } from '../../src/core/model';
import { pressedOnQuestion } from '../shared/question-card';
import { isFacilitator, stay, whisper } from '../shared/steps';
import type { ThreadCommand } from '../shared/thread-commands';
import { answerReply, deleteAnswer, editAnswer, withAddition } from './answers';
import { chooseCarried } from './carry-command';
import { commandFor } from './commands';
import { EDIT_LESSON_FORM, verbOf, type ActionVerb } from './ids';
import { changeLesson, openLessonEditor, setDropped, submitLessonForm } from './lesson-edits';
import { cancelReview, finishQuestions, nextQuestion, saveLessons } from './progress';
import { proposalByKey, proposalByNumber } from './proposals';
import type { AarRest, AarState, Answer } from './state';
import {
  alreadyOnQuestionCard,
  alreadyRunningCard,
  editHintCard,
  noSuchLessonCard,
  onlyFacilitatorButtonsCard,
  onlyFacilitatorEditsCard,
  onlyFacilitatorMovesCard,
  questionsClosedCard,
} from './whispers';

type Action = Extract<Inbound, { kind: 'action' }>;
type Reply = Extract<Inbound, { kind: 'reply' }>;
type FormSubmission = Extract<Inbound, { kind: 'form' }>;

/** The moves a facilitator makes by button or by typing the same word. */
const PROGRESS: Readonly<Record<'next' | 'finish' | 'cancel' | 'save', (state: AarState) => Step<AarState>>> = {
  next: nextQuestion,
  finish: finishQuestions,
  cancel: cancelReview,
  save: saveLessons,
};

function runCommand(state: AarState, command: ThreadCommand, event: Reply): Step<AarState> {
  switch (command.verb) {
    case 'next':
    case 'finish':
    case 'cancel':
    case 'save':
      return PROGRESS[command.verb](state);
    case 'drop':
    case 'restore': {
      const proposal = proposalByNumber(state, command.number);
      if (!proposal) return whisper(state, event.from, noSuchLessonCard(command.number));
      return setDropped(state, proposal, command.verb === 'drop', event.from);
    }
    case 'edit': {
      const proposal = proposalByNumber(state, command.number);
      if (!proposal) return whisper(state, event.from, noSuchLessonCard(command.number));
      if (command.text === '') return whisper(state, event.from, editHintCard(command.number));
      return changeLesson(state, proposal, { recommendation: command.text }, event.from);
    }
    case 'carry':
      return chooseCarried(state, command, event.from);
  }
}

/** A reply that is not a move: an answer while the questions are open; once they close, the thread is free for chat. */
function plainReply(state: AarRest, event: Reply, now: Date): Addition<Answer> {
  return state.phase === 'asking' ? answerReply(state, event, now) : { say: [] };
}

function onReply(state: AarState, event: Reply, now: Date): Step<AarState> {
  const command = commandFor(event.text, state.phase);
  if (!command) return withAddition(state, plainReply(state, event, now));
  if (!isFacilitator(state, event.from)) return whisper(state, event.from, onlyFacilitatorMovesCard(state.facilitator));
  return runCommand(state, command, event);
}

/** The cheap path for the commonest event, a plain reply, without the answers so far; anything else takes the full path. */
export function addReply(state: AarRest, event: Inbound, now: Date): Addition | undefined {
  if (state.phase === 'saved' || state.phase === 'cancelled') return { say: [] };
  if (event.kind !== 'reply' || commandFor(event.text, state.phase)) return undefined;
  return plainReply(state, event, now);
}

const QUESTION_VERBS: readonly ActionVerb[] = ['next', 'finish', 'cancel'];

/** A button from a question card that is no longer the open one (a double or late press). */
function isStalePress(state: AarState, verb: ActionVerb, value: string | undefined): boolean {
  if (!QUESTION_VERBS.includes(verb)) return false;
  const pressed = pressedOnQuestion(value);
  if (pressed === null) return verb !== 'cancel' && state.phase !== 'asking';
  return state.phase !== 'asking' || pressed !== state.question;
}

function onAction(state: AarState, event: Action): Step<AarState> {
  const verb = verbOf(event.action);
  if (!verb) return stay(state);
  if (!isFacilitator(state, event.from)) return whisper(state, event.from, onlyFacilitatorButtonsCard(state.facilitator));
  if (isStalePress(state, verb, event.value)) {
    const card = state.phase === 'asking' ? alreadyOnQuestionCard(state.question) : questionsClosedCard();
    return whisper(state, event.from, card);
  }
  switch (verb) {
    case 'next':
    case 'finish':
    case 'cancel':
    case 'save':
      return PROGRESS[verb](state);
    case 'edit':
      return state.phase === 'review' ? openLessonEditor(state, event.value, event.trigger) : stay(state);
    case 'drop':
    case 'restore':
      if (state.phase !== 'review') return stay(state);
      return setDropped(state, proposalByKey(state, event.value), verb === 'drop', event.from);
  }
}

function onForm(state: AarState, event: FormSubmission): Step<AarState> {
  if (event.form !== EDIT_LESSON_FORM || state.phase !== 'review') return stay(state);
  if (!isFacilitator(state, event.from)) return whisper(state, event.from, onlyFacilitatorEditsCard(state.facilitator));
  return submitLessonForm(state, event.fields, event.from);
}

export function onEvent(state: AarState, event: Inbound, now: Date): Step<AarState> {
  // A finished run has nothing more to do; the engine closes it.
  if (state.phase === 'saved' || state.phase === 'cancelled') return stay(state);
  switch (event.kind) {
    case 'reply':
      return onReply(state, event, now);
    case 'reply-edited':
      return editAnswer(state, event);
    case 'reply-deleted':
      return deleteAnswer(state, event);
    case 'action':
      return onAction(state, event);
    case 'form':
      return onForm(state, event);
    case 'command':
      return whisper(state, event.from, alreadyRunningCard(state.title, state.facilitator));
  }
}
