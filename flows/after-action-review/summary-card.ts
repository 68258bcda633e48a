// The summary in the thread: everyone's answers, then the proposed lessons to edit, drop and save.
import { card, type Block, type Card } from '../../src/core/card';
import { mention } from '../../src/core/model';
import { listOf } from '../../src/core/wording';
import { countOf } from '../shared/wording';
import { answerNumber, carriableAnswers } from './carried-answers';
import { ACTIONS } from './ids';
import { proposalsOf, type Proposal } from './proposals';
import { QUESTIONS } from './questions';
import type { AarState, Answer } from './state';

/** Handled by the lessons service, not this flow: the run is over once its lessons are saved. */
const ADD_ACTION = 'lessons:action:add';

export type SummaryMode = 'review' | 'saved' | 'cancelled';

/** Answers a lesson can carry show their number, which `carry 2: 1, 3` uses. */
function answerLine(answer: Answer, number: number | undefined): string {
  const line = `• ${number === undefined ? '' : `(${number}) `}${mention(answer.author)}: ${answer.text}`;
  return answer.flagged ? `${line} (held back: it contained a patient identifier, so it won't be used in any lesson)` : line;
}

function answerBlocks(state: AarState): Block[] {
  return QUESTIONS.map((question, i) => {
    const answers = state.answers.filter((a) => a.question === i);
    const lines = answers.length === 0 ? 'No answers.' : answers.map((a) => answerLine(a, answerNumber(state.answers, a.messageId))).join('\n');
    return { type: 'paragraph', text: `${i + 1}. ${question.prompt}\n${lines}` };
  });
}

/** Which numbered answers the lesson carries, and why: chosen by the facilitator, or sharing its words. */
function carriesLine(state: AarState, p: Proposal): string {
  const numbers = p.carried.map((a) => String(answerNumber(state.answers, a.messageId)));
  const chosen = `as chosen by ${mention(state.facilitator)}`;
  if (numbers.length === 0) {
    return `Carries no answers, ${p.carriedChosen ? chosen : 'as none share its words'}. The saved lesson still links to this review.`;
  }
  const shared = numbers.length === 1 ? 'which shares its words' : 'which share its words';
  return `Carries ${numbers.length === 1 ? 'answer' : 'answers'} ${listOf(numbers)}, ${p.carriedChosen ? chosen : shared}.`;
}

function proposalText(state: AarState, p: Proposal, mode: SummaryMode): string {
  const status = p.dropped ? (mode === 'saved' ? ' (dropped, not saved)' : ' (dropped)') : '';
  const text = `${p.number}. ${p.title}${status}\n${p.recommendation}\nFrom ${mention(p.author)}`;
  // Nothing to carry when questions 2 and 3 have no answers; a dropped lesson carries nothing once the review is over.
  const showCarries = carriableAnswers(state.answers).length > 0 && (!p.dropped || mode === 'review');
  return showCarries ? `${text}\n${carriesLine(state, p)}` : text;
}

function proposalBlocks(state: AarState, p: Proposal, mode: SummaryMode): Block[] {
  const text: Block = { type: 'paragraph', text: proposalText(state, p, mode) };
  // A saved lesson can become an action with an owner; the lessons service finds it by this review's draft key.
  if (mode === 'saved' && !p.dropped) {
    return [text, { type: 'buttons', buttons: [{ action: ADD_ACTION, label: 'Add action', value: `draft:${p.key}` }] }];
  }
  if (mode !== 'review') return [text];
  const toggle = p.dropped
    ? { action: ACTIONS.restore, label: 'Restore', value: p.key }
    : { action: ACTIONS.drop, label: 'Drop', value: p.key };
  return [text, { type: 'buttons', buttons: [{ action: ACTIONS.edit, label: 'Edit', value: p.key }, toggle] }];
}

function lessonBlocks(state: AarState, mode: SummaryMode): Block[] {
  const proposals = proposalsOf(state);
  if (proposals.length === 0) {
    const none: Block = { type: 'paragraph', text: "There are no lessons to propose, as question 4 has no answers I can use." };
    if (mode !== 'review') return [none];
    return [none, { type: 'buttons', buttons: [{ action: ACTIONS.save, label: 'Close without saving' }] }];
  }
  const blocks = proposals.flatMap((p) => proposalBlocks(state, p, mode));
  if (mode !== 'review') return blocks;
  return [
    ...blocks,
    { type: 'divider' },
    {
      type: 'buttons',
      buttons: [
        { action: ACTIONS.save, label: 'Save lessons', style: 'primary' },
        { action: ACTIONS.cancel, label: 'Cancel', style: 'danger' },
      ],
    },
  ];
}

function footer(state: AarState, mode: SummaryMode): string {
  if (mode === 'cancelled') return 'This review was cancelled, and nothing was saved.';
  if (mode === 'saved') {
    const kept = proposalsOf(state).filter((p) => !p.dropped).length;
    return kept === 0 ? 'Closed. No lessons were saved.' : `Saved ${countOf(kept, 'lesson')} to the shared library.`;
  }
  // With nothing proposed there is nothing to edit or carry: only closing is left.
  if (proposalsOf(state).length === 0) return `${mention(state.facilitator)} can close the review; every answer stays in this thread.`;
  const edit = `${mention(state.facilitator)} can edit or drop each lesson, then save the rest to the shared library.`;
  if (carriableAnswers(state.answers).length === 0) return edit;
  return `${edit} To change which numbered answers a lesson carries, type for example carry 1: 2, 3 (or carry 1: none).`;
}

export function summaryCard(state: AarState, mode: SummaryMode): Card {
  return card(
    `Summary of the After Action Review: ${state.title}`,
    { type: 'heading', text: `Summary: ${state.title}` },
    ...answerBlocks(state),
    { type: 'divider' },
    { type: 'heading', text: 'Proposed lessons' },
    ...lessonBlocks(state, mode),
    { type: 'context', text: footer(state, mode) },
  );
}
