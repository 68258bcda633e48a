// Messages only one person sees in a BAR: who may do what, stale buttons, answers held back, and dates that can't be used.
import { card, type Card } from '../../src/core/card';
import type { Person } from '../../src/core/model';
import { dayInWords, type Day } from '../../src/dates/day';
import type { Finding } from '../../src/privacy';
import * as shared from '../shared/whispers';
import { quoted } from '../shared/wording';
import type { UnusableDate } from './due-dates';
import { ACTION_QUESTION, QUESTION_COUNT } from './questions';

export { answerNowClearCard, onlyFacilitatorButtonsCard, onlyFacilitatorMovesCard } from '../shared/whispers';

export function alreadyOnQuestionCard(current: number): Card {
  return shared.alreadyOnQuestionCard(current, QUESTION_COUNT);
}

export function alreadyRunningCard(title: string, facilitator: Person): Card {
  return shared.alreadyRunningCard('a Before Action Review', title, facilitator);
}

/** What a held-back answer misses out on, in the words of the question it answered. */
function leftOut(question: number): string {
  return question === ACTION_QUESTION ? "it won't become an action" : "it won't be used to find past lessons or shared anywhere else";
}

export function answerHeldBackCard(question: number, masked: string, findings: readonly Finding[]): Card {
  return shared.answerHeldBackCard(question, masked, findings, leftOut(question));
}

/** Said as soon as an action names a date that doesn't exist or has passed, so the author can put it right. */
export function dateUnusableCard(text: string, unusable: UnusableDate): Card {
  return card(
    `I can't use "${unusable.words}" as the due date of your action.`,
    { type: 'paragraph', text: `I've kept your answer to question ${ACTION_QUESTION + 1} as you wrote it:\n${quoted(text)}` },
    { type: 'paragraph', text: `But I can't use "${unusable.words}" as its due date. ${unusable.problem}` },
    {
      type: 'paragraph',
      text:
        'Please edit your message to give the date you mean before the review finishes. ' +
        "If you leave it, the action will be due two weeks after the review finishes, and the summary will say why.",
    },
  );
}

/** After an edit puts the date right; `day` is undefined when the answer now names no date. */
export function dateFixedCard(day: Day | undefined): Card {
  return shared.plain(
    day === undefined
      ? 'Thank you. Your action no longer names a date, so it will be due two weeks after the review finishes.'
      : `Thank you. Your action will be due on ${dayInWords(day)}.`,
  );
}
