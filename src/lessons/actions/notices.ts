// The short private replies about actions: saved, answered, refused.
import { card, type Card } from '../../core/card';
import { mention, type Person } from '../../core/model';
import { dayInWords, type Day } from '../../dates/day';

function say(text: string): Card {
  return card(text, { type: 'paragraph', text });
}

export const actionNotices = {
  saved: (text: string, owner: Person, dueOn: Day, ownerIsYou: boolean): Card =>
    say(
      `Action saved: ${text}\n${ownerIsYou ? 'You own it' : `${mention(owner)} owns it`}, due on ${dayInWords(dueOn)}. I'll check in with ${ownerIsYou ? 'you' : 'them'} that morning.`,
    ),
  notSaved: (problems: string[]): Card => say(`I haven't saved that action:\n${problems.map((p) => `• ${p}`).join('\n')}\nPlease press Add action and try again.`),
  lessonGone: (): Card => say("I couldn't find that lesson in your organisation's library, so no action was added."),
  lessonArchived: (): Card => say('That lesson has been archived, so it no longer takes new actions. Nothing was added.'),
  needsForm: (): Card => say('This needs a form, which I can only open when you press the button. Please press it on the card itself.'),
  notOwner: (owner: Person): Card => say(`Only ${mention(owner)} can answer for this action, as it's theirs. Nothing was changed.`),
  alreadyClosed: (status: 'done' | 'dropped', closedOn: Day | undefined): Card =>
    say(
      `That action was already ${status === 'done' ? 'marked done' : 'dropped'}${closedOn === undefined ? '' : ` on ${dayInWords(closedOn)}`}, so nothing was changed.`,
    ),
  done: (lesson: { title: string; applied: 'now' | 'already' } | undefined): Card =>
    say(
      lesson === undefined
        ? 'Thanks! The action is marked done, with your evidence.'
        : lesson.applied === 'now'
          ? `Thanks! The action is marked done, and the lesson "${lesson.title}" is now marked as applied, with your evidence.`
          : `Thanks! The action is marked done, with your evidence. The lesson "${lesson.title}" was already marked as applied.`,
    ),
  evidenceProblem: (problem: string): Card => say(`I haven't saved that. ${problem} Nothing was changed; press Done to try again.`),
  redated: (dueOn: Day): Card => say(`No problem. The action is now due on ${dayInWords(dueOn)}, and I'll check in with you that morning.`),
  dateProblem: (problem: string): Card => say(`I haven't changed the date: ${problem} Press Not yet to try again.`),
  dropped: (): Card => say("Done: the action is dropped, and I won't remind you about it again."),
};
