// Messages only one person sees in an AAR: who may do what, stale buttons, and answers or edits held back by the guard.
import { card, type Card } from '../../src/core/card';
import { mention, type Person } from '../../src/core/model';
import { describeFindings, type Finding } from '../../src/privacy';
import * as shared from '../shared/whispers';
import { plain } from '../shared/whispers';
import { listOf } from '../../src/core/wording';
import { quoted } from '../shared/wording';
import { QUESTION_COUNT } from './questions';

export {
  answerNowClearCard,
  onlyFacilitatorButtonsCard,
  onlyFacilitatorMovesCard,
} from '../shared/whispers';

export function onlyFacilitatorEditsCard(facilitator: Person): Card {
  return plain(`Only ${mention(facilitator)}, who is facilitating, can edit the lessons.`);
}

export function alreadyOnQuestionCard(current: number): Card {
  return shared.alreadyOnQuestionCard(current, QUESTION_COUNT);
}

export function questionsClosedCard(): Card {
  return plain('The questions are finished, so that button does nothing now. The summary is in the thread.');
}

export function alreadyRunningCard(title: string, facilitator: Person): Card {
  return shared.alreadyRunningCard('a review', title, facilitator);
}

export function answerHeldBackCard(question: number, masked: string, findings: readonly Finding[]): Card {
  return shared.answerHeldBackCard(question, masked, findings, "it won't be used in any lesson");
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

export function carryHintCard(number: number): Card {
  return plain(
    `To choose the answers lesson ${number} carries, type in the thread: carry ${number}: then their numbers, ` +
      `for example carry ${number}: 1, 3 (or carry ${number}: none).`,
  );
}

export function noSuchAnswerCard(numbers: readonly number[]): Card {
  const which = numbers.length === 1 ? `There's no answer ${numbers[0] ?? ''}` : `There are no answers ${listOf(numbers.map(String), 'or')}`;
  return plain(`${which}. The numbered answers in the summary, to questions 2 and 3, are the ones a lesson can carry.`);
}

export function heldBackAnswerCard(numbers: readonly number[]): Card {
  return plain(
    numbers.length === 1
      ? `Answer ${numbers[0] ?? ''} was held back because it seemed to contain a patient identifier, so no lesson can carry it.`
      : `Answers ${listOf(numbers.map(String))} were held back because they seemed to contain a patient identifier, so no lesson can carry them.`,
  );
}
