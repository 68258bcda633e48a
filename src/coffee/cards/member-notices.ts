// Short replies to one person about their own membership: join, leave, pause, resume, team.
import type { Card } from '../../core/card';
import { formatDay, formatDayTime } from './dates';
import { notice } from './notice';
import { PROGRAMME_NAME } from './wording';

/** nextRound is absent when the programme has no round to come (it should not happen, but the words still work). */
export function joinedCard(input: { nextRound?: Date; timeZone: string }): Card {
  const when =
    input.nextRound === undefined
      ? "You'll be matched from the next round."
      : `You'll be matched from the next round, on ${formatDayTime(input.nextRound, input.timeZone)}.`;
  return notice(
    `You're in! ${when}`,
    "I'll introduce you to your match in a private chat. You can /coffee pause or /coffee leave at any time.",
  );
}

export function alreadyInCard(): Card {
  return notice("You're already in, so there's nothing more to do.", 'Type /coffee status to see when the next round is.');
}

export function leftCard(): Card {
  return notice(
    `You've left ${PROGRAMME_NAME} here, and won't be matched again. Thank you for taking part.`,
    'If you change your mind, type /coffee join.',
  );
}

export function notMemberCard(): Card {
  return notice(`You haven't joined ${PROGRAMME_NAME} here, so there's nothing to change.`, 'Type /coffee join to take part.');
}

export function pausedCard(input: { until: Date; timeZone: string }): Card {
  return notice(
    `Paused. I won't match you until ${formatDay(input.until, input.timeZone)}, and you'll be back in the rounds from then.`,
    'Type /coffee resume to come back sooner.',
  );
}

export function resumedCard(input: { nextRound?: Date; timeZone: string }): Card {
  const when =
    input.nextRound === undefined
      ? "You'll be in the next round."
      : `You'll be in the next round, on ${formatDayTime(input.nextRound, input.timeZone)}.`;
  return notice(`Welcome back! ${when}`);
}

export function notPausedCard(): Card {
  return notice("You're not paused, so you're already in the next round.");
}

export function teamSetCard(team: string): Card {
  return notice(`Your team is now "${team}".`, 'Type /coffee team on its own to clear it.');
}

export function teamClearedCard(): Card {
  return notice("I've cleared your team.");
}
