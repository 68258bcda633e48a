// What the owner of an action hears: that it is theirs, and on the day, whether it is done.
import { card, type Card } from '../../core/card';
import { mention, type Person } from '../../core/model';
import { dayInWords, type Day } from '../../dates/day';
import { ACTION_BUTTONS } from './ids';

export interface ActionSummary {
  id: string;
  text: string;
  dueOn: Day;
  /** The lesson it came from, when it still has one. */
  lessonTitle?: string;
}

/** People's own words, ended like a sentence so the next one reads on. */
function sentence(text: string): string {
  return /[.!?)]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function fromLesson(action: ActionSummary): string {
  return action.lessonTitle === undefined ? '' : ` It comes from the lesson "${action.lessonTitle}".`;
}

/** Told to an owner someone else chose. */
export function assignedCard(action: ActionSummary, by: Person): Card {
  const text = `${mention(by)} has given you an action: ${sentence(action.text)}${fromLesson(action)} It's due on ${dayInWords(action.dueOn)}, and I'll check in with you that morning.`;
  return card(text, { type: 'paragraph', text });
}

/** The reminder on (or, after downtime, soon after) the due date. */
export function reminderCard(action: ActionSummary, today: Day): Card {
  const when = action.dueOn === today ? 'is due today' : `was due on ${dayInWords(action.dueOn)}`;
  const heading = `Your action ${when}`;
  const text = `${heading}: ${sentence(action.text)}${fromLesson(action)} How is it going?`;
  return card(
    text,
    { type: 'heading', text: heading },
    { type: 'paragraph', text: action.text },
    ...(action.lessonTitle === undefined ? [] : [{ type: 'context' as const, text: `From the lesson "${action.lessonTitle}"` }]),
    {
      type: 'buttons',
      buttons: [
        { action: ACTION_BUTTONS.done, label: 'Done', value: action.id, style: 'primary' },
        { action: ACTION_BUTTONS.later, label: 'Not yet', value: action.id },
        { action: ACTION_BUTTONS.drop, label: 'No longer needed', value: action.id },
      ],
    },
  );
}
