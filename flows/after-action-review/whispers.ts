// Messages only one person sees: who may do what, stale buttons, and answers held back by the guard.
import { card, type Card } from '../../src/core/card';
import { mention, type Person } from '../../src/core/model';
import { describeFindings, type Finding } from '../../src/privacy';
import { QUESTION_COUNT } from './questions';
import { quoted } from './wording';

function plain(text: string): Card {
  return card(text, { type: 'paragraph', text });
}

export function onlyFacilitatorMovesCard(facilitator: Person): Card {
  return plain(`Only ${mention(facilitator)}, who is facilitating, can move the review on.`);
}

export function onlyFacilitatorButtonsCard(facilitator: Person): Card {
  return plain(`Only ${mention(facilitator)}, who is facilitating, can use these buttons.`);
}

export function onlyFacilitatorEditsCard(facilitator: Person): Card {
  return plain(`Only ${mention(facilitator)}, who is facilitating, can edit the lessons.`);
}

export function alreadyOnQuestionCard(current: number): Card {
  return plain(`The review has already moved on to question ${current + 1} of ${QUESTION_COUNT}, so that button does nothing now.`);
}

export function questionsClosedCard(): Card {
  return plain('The questions are finished, so that button does nothing now. The summary is in the thread.');
}

export function alreadyRunningCard(title: string, facilitator: Person): Card {
  return plain(`There's already a review running here ("${title}"), facilitated by ${mention(facilitator)}.`);
}

export function answerHeldBackCard(question: number, masked: string, findings: readonly Finding[]): Card {
  const found = describeFindings(findings);
  return card(
    `Your answer to question ${question + 1} contained ${found}.`,
    { type: 'paragraph', text: `Your answer to question ${question + 1} seems to contain ${found}:\n${quoted(masked)}` },
    {
      type: 'paragraph',
      text:
        "I've kept it, but only with those details hidden, and it won't be used in any lesson. " +
        'Please edit your message and say it again without anything that could identify the patient.',
    },
  );
}

export function answerNowClearCard(question: number): Card {
  return plain(`Thank you — your answer to question ${question + 1} is fine now and will be used.`);
}

export function editHintCard(number: number): Card {
  return plain(`To change lesson ${number}, type in the thread: edit ${number}: your new wording for the lesson`);
}

export function noSuchLessonCard(number?: number): Card {
  return plain(
    number === undefined
      ? "That lesson isn't in the list any more. The summary in the thread shows the current lessons."
      : `There's no lesson ${number}. The summary in the thread shows the numbers.`,
  );
}

export function needsRecommendationCard(number: number): Card {
  return plain(`Lesson ${number} needs some wording, so I've left it as it was.`);
}

export function editHeldBackCard(number: number, findings: readonly Finding[], masked: string): Card {
  return card(
    `Your change to lesson ${number} contained ${describeFindings(findings)}.`,
    {
      type: 'paragraph',
      text: `Your change to lesson ${number} seems to contain ${describeFindings(findings)}:\n${quoted(masked)}`,
    },
    { type: 'paragraph', text: "I've kept the earlier wording. Please try again without anything that could identify a patient." },
  );
}
