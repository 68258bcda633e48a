// The midway nudge in a group's private chat.
import { card, type Card } from '../../core/card';
import type { Person } from '../../core/model';
import { formatDay } from './dates';
import { mentionAll, PROGRAMME_NAME } from './wording';

export interface ReminderInput {
  people: Person[];
  meetBy: Date;
  timeZone: string;
}

export function reminderCard(input: ReminderInput): Card {
  const text =
    `Hello again ${mentionAll(input.people)}! A friendly nudge: you're halfway through this round. ` +
    `If you haven't met yet, there's still time before ${formatDay(input.meetBy, input.timeZone)}, and 30 minutes is plenty.`;
  return card(
    text,
    { type: 'paragraph', text },
    { type: 'meet', people: input.people, topic: PROGRAMME_NAME },
    { type: 'context', text: 'Already met? Lovely, there is nothing more to do.' },
  );
}
