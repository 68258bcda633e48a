// Messages only one person sees that read the same in every review; each review passes in the words that differ.
import { card, type Card } from '../../src/core/card';
import { mention, type Person } from '../../src/core/model';
import { describeFindings, type Finding } from '../../src/privacy';
import { quoted } from './wording';

export function plain(text: string): Card {
  return card(text, { type: 'paragraph', text });
}

export function onlyFacilitatorMovesCard(facilitator: Person): Card {
  return plain(`Only ${mention(facilitator)}, who is facilitating, can move the review on.`);
}

export function onlyFacilitatorButtonsCard(facilitator: Person): Card {
  return plain(`Only ${mention(facilitator)}, who is facilitating, can use these buttons.`);
}

export function alreadyOnQuestionCard(current: number, questionCount: number): Card {
  return plain(`The review has already moved on to question ${current + 1} of ${questionCount}, so that button does nothing now.`);
}

/** `review` names it as the channel would know it, e.g. 'a review'. */
export function alreadyRunningCard(review: string, title: string, facilitator: Person): Card {
  return plain(`There's already ${review} running here ("${title}"), facilitated by ${mention(facilitator)}.`);
}

/** `leftOut` says what the held-back answer misses out on, e.g. "it won't be used in any lesson". */
export function answerHeldBackCard(question: number, masked: string, findings: readonly Finding[], leftOut: string): Card {
  const found = describeFindings(findings);
  return card(
    `Your answer to question ${question + 1} contained ${found}.`,
    { type: 'paragraph', text: `Your answer to question ${question + 1} seems to contain ${found}:\n${quoted(masked)}` },
    {
      type: 'paragraph',
      text:
        `I've kept it, but only with those details hidden, and ${leftOut}. ` +
        'Please edit your message and say it again without anything that could identify the patient.',
    },
  );
}

export function answerNowClearCard(question: number): Card {
  return plain(`Thank you — your answer to question ${question + 1} is fine now and will be used.`);
}
