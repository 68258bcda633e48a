// Messages only one person sees: who may do what, stale buttons, and answers held back by the guard.
import { card, type Card } from '../../src/core/card';
import { mention, type Person } from '../../src/core/model';
import { describeFindings, type Finding } from '../../src/privacy';
import { quoted } from '../after-action-review/wording';
import { ACTION_QUESTION, QUESTION_COUNT } from './questions';

function plain(text: string): Card {
  return card(text, { type: 'paragraph', text });
}

export function onlyFacilitatorMovesCard(facilitator: Person): Card {
  return plain(`Only ${mention(facilitator)}, who is facilitating, can move the review on.`);
}

export function onlyFacilitatorButtonsCard(facilitator: Person): Card {
  return plain(`Only ${mention(facilitator)}, who is facilitating, can use these buttons.`);
}

export function alreadyOnQuestionCard(current: number): Card {
  return plain(`The review has already moved on to question ${current + 1} of ${QUESTION_COUNT}, so that button does nothing now.`);
}

export function alreadyRunningCard(title: string, facilitator: Person): Card {
  return plain(`There's already a Before Action Review running here ("${title}"), facilitated by ${mention(facilitator)}.`);
}

/** What a held-back answer misses out on, in the words of the question it answered. */
function leftOut(question: number): string {
  return question === ACTION_QUESTION ? "it won't become an action" : "it won't be used to find past lessons or shared anywhere else";
}

export function answerHeldBackCard(question: number, masked: string, findings: readonly Finding[]): Card {
  const found = describeFindings(findings);
  return card(
    `Your answer to question ${question + 1} contained ${found}.`,
    { type: 'paragraph', text: `Your answer to question ${question + 1} seems to contain ${found}:\n${quoted(masked)}` },
    {
      type: 'paragraph',
      text:
        `I've kept it, but only with those details hidden, and ${leftOut(question)}. ` +
        'Please edit your message and say it again without anything that could identify the patient.',
    },
  );
}

export function answerNowClearCard(question: number): Card {
  return plain(`Thank you — your answer to question ${question + 1} is fine now and will be used.`);
}
