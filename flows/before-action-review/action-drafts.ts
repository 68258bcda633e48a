// Each usable answer to the last question becomes an action: its owner is whoever it names, else its author.
import type { ActionDraft } from '../../src/core/flow';
import type { Person } from '../../src/core/model';
import { remindAt } from '../../src/dates/day';
import { usableAnswers } from './answers';
import { dueDateOf, TIME_ZONE, type UnusableDate } from './due-dates';
import { ACTION_QUESTION } from './questions';
import type { Answer, BarState } from './state';

export { DEFAULT_DUE_DAYS, TIME_ZONE } from './due-dates';

/** An action to save, and the date in its answer that couldn't be used, so the summary can say why it has the default. */
export interface PlannedAction {
  draft: ActionDraft;
  unusable?: UnusableDate;
}

const MENTION = /<@([^<>\s|]+)(?:\|[^<>]*)?>/;
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

function planOf(answer: Answer, now: Date): PlannedAction {
  const due = dueDateOf(answer.text, now);
  const draft: ActionDraft = {
    key: answer.messageId,
    text: tidied(answer.text),
    owner: ownerOf(answer),
    dueOn: due.day,
    timeZone: TIME_ZONE,
    remindAt: remindAt(due.day, TIME_ZONE),
  };
  return due.unusable ? { draft, unusable: due.unusable } : { draft };
}

export function plannedActionsOf(state: BarState, now: Date): PlannedAction[] {
  return usableAnswers(state, ACTION_QUESTION).map((answer) => planOf(answer, now));
}
