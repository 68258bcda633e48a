// The summary in the thread when the review finishes: the answers, then the actions with owners and due dates.
import { card, type Block, type Card } from '../../src/core/card';
import { mention } from '../../src/core/model';
import { dayInWords } from '../../src/dates/day';
import type { PlannedAction } from './action-drafts';
import { ACTION_QUESTION, QUESTIONS } from './questions';
import type { Answer, BarState } from './state';

function answerLine(answer: Answer): string {
  const line = `• ${mention(answer.author)}: ${answer.text}`;
  return answer.flagged ? `${line} (held back: it contained a patient identifier, so it isn't used)` : line;
}

/** Questions 1 to 3, each with everyone's answers. */
function answerBlocks(state: BarState): Block[] {
  return QUESTIONS.slice(0, ACTION_QUESTION).map((question, i) => {
    const answers = state.answers.filter((a) => a.question === i);
    const lines = answers.length === 0 ? 'No answers.' : answers.map(answerLine).join('\n');
    return { type: 'paragraph', text: `*${question.heading}*\n${lines}` };
  });
}

/** Says so when the date is the default only because the one the answer gave can't be used. */
function actionLine({ draft, unusable }: PlannedAction, number: number): string {
  const line = `${number}. ${draft.text}\nOwner: ${mention(draft.owner)} · due ${dayInWords(draft.dueOn)}`;
  if (!unusable) return line;
  return `${line}, two weeks on, as I couldn't use "${unusable.words}": ${firstSentence(unusable.problem)}`;
}

/** A date problem without its list of examples. */
function firstSentence(problem: string): string {
  return problem.split(/(?<=\.) /)[0] ?? problem;
}

function heldBackNote(count: number): string {
  return count === 1
    ? "One answer was held back because it contained a patient identifier, so it didn't become an action."
    : `${count} answers were held back because they contained patient identifiers, so they didn't become actions.`;
}

function actionBlocks(state: BarState, actions: readonly PlannedAction[]): Block[] {
  const heldBack = state.answers.filter((a) => a.question === ACTION_QUESTION && a.flagged).length;
  const note: Block[] = heldBack === 0 ? [] : [{ type: 'context', text: heldBackNote(heldBack) }];
  if (actions.length === 0) {
    return [{ type: 'paragraph', text: 'No actions were agreed, as question 4 has no answers I can use.' }, ...note];
  }
  return [
    { type: 'paragraph', text: actions.map((a, i) => actionLine(a, i + 1)).join('\n') },
    ...note,
    { type: 'context', text: 'Each owner will get a reminder from me on the morning the action is due.' },
  ];
}

export function summaryCard(state: BarState, actions: readonly PlannedAction[]): Card {
  return card(
    `Summary of the Before Action Review: ${state.title}`,
    { type: 'heading', text: `Summary: ${state.title}` },
    ...answerBlocks(state),
    { type: 'divider' },
    { type: 'heading', text: QUESTIONS[ACTION_QUESTION]?.heading ?? 'Actions' },
    ...actionBlocks(state, actions),
  );
}
