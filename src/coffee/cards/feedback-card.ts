// Sent to each person at the end of the weeks to meet: did you meet them?
import { card, type Card } from '../../core/card';
import type { Person } from '../../core/model';
import { feedbackAnswerValue, type MeetingAnswer } from './feedback-answer';
import { COFFEE_ACTIONS } from './ids';
import { mentionAll, PROGRAMME_NAME } from './wording';

export interface FeedbackInput {
  programmeId: string;
  round: number;
  /** The rest of this person's group. */
  others: Person[];
}

const BUTTONS: { answer: MeetingAnswer; label: string }[] = [
  { answer: 'yes', label: 'Yes' },
  { answer: 'not-yet', label: 'Not yet' },
  { answer: 'could-not', label: "We couldn't" },
];

export function feedbackCard(input: FeedbackInput): Card {
  const question = `Did you meet ${mentionAll(input.others)}?`;
  const lead = `Round ${input.round} of ${PROGRAMME_NAME} has come to an end.`;
  return card(
    `${lead} ${question}`,
    { type: 'paragraph', text: lead },
    { type: 'paragraph', text: question },
    {
      type: 'buttons',
      buttons: BUTTONS.map(({ answer, label }, i) => ({
        action: COFFEE_ACTIONS.met,
        label,
        value: feedbackAnswerValue({ programme: input.programmeId, round: input.round, answer }),
        ...(i === 0 ? { style: 'primary' as const } : {}),
      })),
    },
    { type: 'context', text: 'Your answer helps the organiser see how the programme is going. Only totals are shared in the channel.' },
  );
}
