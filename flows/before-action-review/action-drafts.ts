// Each usable answer to the last question becomes an action: its owner is whoever it names, else its author.
import type { ActionDraft } from '../../src/core/flow';
import type { Person } from '../../src/core/model';
import { dayAfter, findDayIn, remindAt } from '../../src/dates/day';
import { usableAnswers } from './answers';
import { ACTION_QUESTION } from './questions';
import type { Answer, BarState } from './state';

/** BAR runs have no time-zone setting yet; the NHS works in UK time. */
export const TIME_ZONE = 'Europe/London';
/** An action with no date in it is due this many days after the review. */
export const DEFAULT_DUE_DAYS = 14;

const MENTION = /<@([^<>\s|]+)(?:\|[^<>]*)?>/;
const MENTIONS = new RegExp(MENTION.source, 'g');
/** '<@U2> check…', '<@U2>: check…', '<@U2> - check…' */
const LEADING_MENTION = new RegExp(`^${MENTION.source}\\s*[:,–—-]?\\s*`);

function ownerOf(answer: Answer): Person {
  const id = MENTION.exec(answer.text)?.[1];
  if (id === undefined) return answer.author;
  return { platform: answer.author.platform, tenant: answer.author.tenant, id };
}

/** Drops the owner's mention from the front ("<@U2> check the queues" reads "Check the queues"). */
function tidied(text: string): string {
  const rest = text.replace(LEADING_MENTION, '').trim();
  if (rest === '') return text;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function draftOf(answer: Answer, now: Date): ActionDraft {
  // Mentions hold digits (<@U12345>) that must not be read as a date.
  const dueOn = findDayIn(answer.text.replace(MENTIONS, ' '), now, TIME_ZONE) ?? dayAfter(now, TIME_ZONE, DEFAULT_DUE_DAYS);
  return {
    key: answer.messageId,
    text: tidied(answer.text),
    owner: ownerOf(answer),
    dueOn,
    timeZone: TIME_ZONE,
    remindAt: remindAt(dueOn, TIME_ZONE),
  };
}

export function actionDraftsOf(state: BarState, now: Date): ActionDraft[] {
  return usableAnswers(state, ACTION_QUESTION).map((answer) => draftOf(answer, now));
}
