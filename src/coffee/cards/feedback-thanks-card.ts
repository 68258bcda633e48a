// After "Did you meet?": thanks that fit the answer, and a form for an optional comment.
import { card, type Card, type FormSpec } from '../../core/card';
import { feedbackTargetValue, type MeetingAnswer } from './feedback-answer';
import { COFFEE_ACTIONS, COMMENT_FIELD, COMMENT_FORM_ID, COMMENT_MAX_LENGTH } from './ids';

export interface FeedbackThanksInput {
  answer: MeetingAnswer;
  programmeId: string;
  round: number;
}

const THANKS: Record<MeetingAnswer, string> = {
  yes: "Thank you, and I'm glad you met!",
  'not-yet': "Thanks for letting me know. It's never too late, so do meet when you can.",
  'could-not': "Thanks for letting me know. It doesn't always work out, and you'll be matched with someone new next round.",
};

export function feedbackThanksCard(input: FeedbackThanksInput): Card {
  const thanks = THANKS[input.answer];
  return card(
    thanks,
    { type: 'paragraph', text: thanks },
    { type: 'context', text: 'Anything to add? A comment helps the organiser make the programme better.' },
    {
      type: 'buttons',
      buttons: [
        {
          action: COFFEE_ACTIONS.comment,
          label: 'Add a comment',
          value: feedbackTargetValue({ programme: input.programmeId, round: input.round }),
        },
      ],
    },
  );
}

export function commentForm(input: { programmeId: string; round: number }): FormSpec {
  return {
    id: COMMENT_FORM_ID,
    title: 'Add a comment',
    submitLabel: 'Send',
    value: feedbackTargetValue({ programme: input.programmeId, round: input.round }),
    fields: [
      {
        id: COMMENT_FIELD,
        label: `How did round ${input.round} go for you?`,
        multiline: true,
        optional: true,
        maxLength: COMMENT_MAX_LENGTH,
        hint: 'Read by the organiser. Please leave out anything that could identify a patient.',
      },
    ],
  };
}
