// A private note to someone left over in a round of pairs: sorry, and you go first next time.
import { card, type Card } from '../../core/card';
import { formatDayTime } from './dates';
import { PROGRAMME_NAME } from './wording';

export interface SitOutInput {
  round: number;
  nextRound: Date;
  timeZone: string;
}

export function sitOutCard(input: SitOutInput): Card {
  const text =
    `There's an odd number of people in round ${input.round} of ${PROGRAMME_NAME}, so this time you're sitting it out. Sorry! ` +
    `You'll be first in line for the next round, which starts on ${formatDayTime(input.nextRound, input.timeZone)}.`;
  return card(text, { type: 'paragraph', text });
}
